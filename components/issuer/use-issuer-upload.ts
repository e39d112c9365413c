"use client";

import { useTranslations } from "next-intl";
import { useUpload } from "@/components/uploads/use-upload";
import { useFileSizeGuard } from "./use-file-size-guard";

/**
 * An issuer upload form's sending (the upload routes' answers, with fallback words in the issuer's namespace) and
 * its file-size guard on `field`; `err` gives a field's messages: "too large" for the file the browser refused,
 * else the server's.
 */
export function useIssuerUpload({ field, maxBytes }: { field: string; maxBytes: number }) {
  const tErrors = useTranslations("issuer.files.upload");
  const upload = useUpload({
    unavailable: tErrors("unavailable"),
    tooLarge: tErrors("tooLarge"),
    wait: (seconds) => tErrors("wait", { seconds }),
  });
  const guard = useFileSizeGuard({ field, maxBytes });
  const { state } = upload;
  const err = (f: string) =>
    f === field && guard.tooLarge ? tErrors("tooLarge") : state && !state.ok ? state.fieldErrors?.[f] : undefined;
  return { ...upload, guard, err, tooLargeWords: tErrors("tooLarge") };
}
