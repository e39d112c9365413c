"use client";
import { useLocale, useTranslations } from "next-intl";
import type { Address } from "viem";
import { Alert } from "@/components/ui/alert";
import { useLazyRead } from "@/components/wallet/use-lazy-read";
import { formatDay } from "@/lib/format/date";
import { type LockMerge, lockMergeFromPreview, lockMergeMessage } from "@/lib/trade/client";
import { loadBuyChain } from "./load-buy-chain";

/**
 * What a purchase now would do to the buyer's lock-ups, read from the token itself (`lockMergePreview`). Read only
 * while the confirmation is open and the offering locks shares; `loading` keeps the sign button off until it is known.
 */
export function useLockMerge(token: Address, account: Address | undefined, enabled: boolean) {
  const read = useLazyRead({
    key: ["buy.lockMerge", token, account],
    load: loadBuyChain,
    read: (chain, config) => chain.readLockMerge(config, token, account!),
    enabled: enabled && account !== undefined,
    staleTime: 0,
  });
  return {
    merge: read.data ? lockMergeFromPreview(read.data) : undefined,
    loading: enabled && account !== undefined && read.isPending,
  };
}

/** Says, before signing, exactly which shares' lock moves and to when (nothing when nothing moves). */
export function LockMergeNote({ merge }: { merge: LockMerge | undefined }) {
  const t = useTranslations("trade");
  const locale = useLocale();
  const message = merge
    ? lockMergeMessage(merge, {
        day: (d) => formatDay(d, locale),
        shares: (n) => Number(n).toLocaleString(locale),
      })
    : null;
  if (!message) return null;
  return (
    <div data-testid="lock-merge">
      <Alert tone="warn" title={t("confirm.lockMerge.title")} role="none">
        {t(message.key as never, message.values as never)}
      </Alert>
    </div>
  );
}
