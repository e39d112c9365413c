"use client";
import { useLocale, useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { formatDay } from "@/lib/format/date";
import { type LockMerge, lockMergeMessage } from "@/lib/trade/client";

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
