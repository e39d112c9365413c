import type { ComponentProps, ReactNode } from "react";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeading } from "@/components/ui/page-heading";
import { Pager } from "@/components/ui/pager";
import { pageHref, type Page } from "@/lib/paging/client";
import { ConsoleNav } from "./console-nav";

/**
 * A compliance review queue's page (KYC, issuer applications): its heading (`heading`: eyebrow, title, intro), the
 * console's navigation, the filters, how many rows match (announced), the table (`children`) or the empty state, and
 * the pager (`path`, the URL's query kept).
 */
export function QueueFrame({
  current,
  heading,
  filters,
  count,
  empty,
  pager: { page, number, path, sp, label },
  children,
}: {
  current: ComponentProps<typeof ConsoleNav>["current"];
  heading: { eyebrow: string; title: string; intro: string };
  filters: ReactNode;
  count: string;
  empty: { title: string; description: string };
  pager: {
    page: Page<unknown>;
    number: ComponentProps<typeof Pager>["page"];
    path: string;
    sp: Record<string, string | string[] | undefined>;
    label: string;
  };
  children: ReactNode;
}) {
  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-6 px-4 pt-10 pb-20 sm:px-6 lg:px-8">
      <PageHeading look="console" {...heading} />
      <ConsoleNav current={current} />
      {filters}
      <p className="text-sm text-ink-muted" role="status">
        {count}
      </p>
      {page.rows.length === 0 ? <EmptyState {...empty} /> : children}
      <Pager
        label={label}
        prev={page.prev && pageHref(path, sp, "", { before: page.prev })}
        next={page.next && pageHref(path, sp, "", { after: page.next })}
        page={number}
      />
    </div>
  );
}
