"use client";

import { useEffect, useSyncExternalStore } from "react";
import Link from "next/link";
import { Button, buttonStyles } from "@/components/ui/button";
import en from "@/lib/i18n/messages/en/errors.json";
import zhHK from "@/lib/i18n/messages/zh-HK/errors.json";

/**
 * The error boundary. It reads its few strings straight from the two small "errors" catalogues
 * (picked by the page's lang), so no client i18n runtime ships with every page for it.
 */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const lang = useSyncExternalStore(
    () => () => {},
    () => document.documentElement.lang,
    () => "en",
  );
  const t = lang === "zh-HK" ? zhHK.errors.unexpected : en.errors.unexpected;
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div role="alert" className="mx-auto flex max-w-2xl flex-col items-start gap-5 px-4 py-24 sm:px-6">
      <h1 className="font-display text-4xl font-normal tracking-tight sm:text-5xl">{t.title}</h1>
      <p className="text-lg text-ink-muted">{t.body}</p>
      {error.digest ? (
        <p className="text-sm text-ink-subtle">
          {t.reference} <code className="font-mono">{error.digest}</code>
        </p>
      ) : null}
      <div className="flex flex-wrap gap-3">
        <Button onClick={() => reset()}>{t.retry}</Button>
        <Link href="/" className={buttonStyles({ variant: "secondary" })}>
          {t.home}
        </Link>
      </div>
    </div>
  );
}
