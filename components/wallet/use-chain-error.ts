"use client";

import { useTranslations } from "next-intl";
import { useCallback } from "react";
import { chainErrorKey, describeChainError } from "@/lib/chain/errors";

/** A failed wallet request or transaction in the reader's language (contract refusals, network, rejection). */
export function useChainErrorText(): (error: unknown) => string {
  const t = useTranslations("chainErrors");
  return useCallback(
    (error: unknown) => {
      const { key, values } = chainErrorKey(describeChainError(error));
      return t(key as never, values as never);
    },
    [t],
  );
}
