import Link from "next/link";
import type { ReactNode } from "react";
import { Address } from "@/components/ui/address";

/**
 * The frame of an application's review page (an investor's KYC, an issuer's KYB): the way back to the queue, the
 * title with its badges and the pre-approving officer, the notices, then the application beside the officer's side.
 */
export function ApplicationReviewPage({
  back,
  title,
  badges,
  preApproved,
  notices,
  main,
  aside,
}: {
  back: { href: string; label: string; breadcrumb: string };
  title: string;
  badges: ReactNode;
  preApproved: { label: string; by: string } | null;
  notices: ReactNode;
  main: ReactNode;
  aside: ReactNode;
}) {
  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-6 px-4 pt-10 pb-20 sm:px-6 lg:px-8">
      <nav aria-label={back.breadcrumb} className="text-sm">
        <Link href={back.href} className="text-accent underline">
          {back.label}
        </Link>
      </nav>
      <header className="flex flex-wrap items-center gap-3">
        <h1 className="font-display text-3xl font-normal tracking-tight">{title}</h1>
        {badges}
        {preApproved ? (
          <span className="text-sm text-ink-muted">
            {preApproved.label} <Address address={preApproved.by} copy={false} />
          </span>
        ) : null}
      </header>
      {notices}
      <div className="grid gap-6 lg:grid-cols-[1fr_24rem]">
        <div className="flex flex-col gap-6">{main}</div>
        <aside className="flex flex-col gap-6">{aside}</aside>
      </div>
    </div>
  );
}
