import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { unsubscribeAction } from "@/components/notifications/actions";
import { UnsubscribeForm } from "@/components/notifications/unsubscribe-form";
import { Alert } from "@/components/ui/alert";
import { verifyUnsubscribeToken } from "@/lib/notifications";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("notifications.unsubscribe");
  return { title: t("title"), robots: { index: false } };
}

type Props = { searchParams: Promise<{ token?: string | string[] }> };

/** The page every email's unsubscribe link opens: no sign-in (the signed token names the person), one confirmation. */
export default async function UnsubscribePage({ searchParams }: Props) {
  const [{ token }, t, tp] = await Promise.all([
    searchParams,
    getTranslations("notifications.unsubscribe"),
    getTranslations("notifications.page"),
  ]);
  const value = typeof token === "string" ? token : "";
  const valid = value !== "" && verifyUnsubscribeToken(value) !== null;
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6 px-4 pt-12 pb-20 sm:px-6">
      <h1 className="font-display text-3xl font-medium">{t("title")}</h1>
      {valid ? (
        <>
          <p className="text-ink-muted">{t("lede")}</p>
          <UnsubscribeForm
            action={unsubscribeAction}
            token={value}
            labels={{ confirm: t("confirm"), done: t("done") }}
          />
        </>
      ) : (
        <Alert tone="error">{t("invalid")}</Alert>
      )}
      <p className="text-sm">
        <Link href="/notifications#preferences" className="underline">
          {tp("title")}
        </Link>
      </p>
    </div>
  );
}
