"use client";

import { startTransition, useEffect, useState, useSyncExternalStore } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { Button, buttonStyles } from "@/components/ui/button";
import en from "@/lib/i18n/messages/en/errors.json";
import zhHK from "@/lib/i18n/messages/zh-HK/errors.json";

/** How often the page asks `/api/health` whether the chain answers again, while it does not. */
const CHAIN_RETRY_MS = 3_000;

/** True when `/api/health` says the chain does not answer (false when it answers, or the health route itself fails). */
async function chainIsDown(): Promise<boolean> {
  try {
    const res = await fetch("/api/health", { cache: "no-store" });
    const body = (await res.json()) as { chain?: { ok?: boolean } };
    return body.chain?.ok === false;
  } catch {
    return false;
  }
}

/**
 * The error boundary. It reads its few strings straight from the two small "errors" catalogues
 * (picked by the page's lang), so no client i18n runtime ships with every page for it.
 *
 * When the page failed because the blockchain node does not answer (the health route says so), it says that in
 * plain words and retries by itself until the node answers again, then renders the page afresh.
 */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const lang = useSyncExternalStore(
    () => () => {},
    () => document.documentElement.lang,
    () => "en",
  );
  const messages = lang === "zh-HK" ? zhHK.errors : en.errors;
  const t = messages.unexpected;
  const router = useRouter();
  const [chainDown, setChainDown] = useState(false);
  useEffect(() => {
    console.error(error);
  }, [error]);
  useEffect(() => {
    let stopped = false;
    let chainDownSeen = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = async () => {
      const down = await chainIsDown();
      if (stopped) return;
      if (down) {
        setChainDown(true);
        timer = setTimeout(() => void check(), CHAIN_RETRY_MS);
      } else if (chainDownSeen) {
        // The node answers again: render the page afresh from the server.
        startTransition(() => {
          router.refresh();
          reset();
        });
      }
      chainDownSeen ||= down;
    };
    void check();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [error, reset, router]);

  if (chainDown) {
    const c = messages.chainDown;
    return (
      <div role="alert" className="mx-auto flex max-w-2xl flex-col items-start gap-5 px-4 py-24 sm:px-6">
        {/* The page's own metadata may be what failed: the document still gets a title (React hoists it). */}
        <title>{c.title}</title>
        <h1 className="font-display text-4xl font-normal tracking-tight sm:text-5xl">{c.title}</h1>
        <p className="text-lg text-ink-muted">{c.body}</p>
        <p className="text-sm text-ink-subtle" aria-live="polite">
          {c.checking}
        </p>
        <div className="flex flex-wrap gap-3">
          <Link href="/" className={buttonStyles({ variant: "secondary" })}>
            {t.home}
          </Link>
        </div>
      </div>
    );
  }
  return (
    <div role="alert" className="mx-auto flex max-w-2xl flex-col items-start gap-5 px-4 py-24 sm:px-6">
      <title>{t.title}</title>
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
