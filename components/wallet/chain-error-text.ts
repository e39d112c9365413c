import type { useTranslations } from "next-intl";
import { chainErrorKey, describeChainError } from "@/lib/chain/errors";

/** The `chainErrors` messages (`useTranslations("chainErrors")`). */
export type ChainErrorsT = ReturnType<typeof useTranslations<"chainErrors">>;

/**
 * A failed wallet request or transaction in the reader's language (contract refusals, network, rejection). Its own
 * module, with viem's error walk: `useWalletTx` loads it when a failure needs words, not with the page.
 */
export function chainErrorText(t: ChainErrorsT, error: unknown): string {
  const { key, values } = chainErrorKey(describeChainError(error));
  return t(key as never, values as never);
}
