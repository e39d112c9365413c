"use client";

import { useTranslations } from "next-intl";
import { useCallback } from "react";
import { chainErrorText } from "./chain-error-text";

/** A failed wallet request or transaction in the reader's language (contract refusals, network, rejection). */
export function useChainErrorText(): (error: unknown) => string {
  const t = useTranslations("chainErrors");
  return useCallback((error: unknown) => chainErrorText(t, error), [t]);
}
