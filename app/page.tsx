import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ArtworkCard } from "@/components/catalogue/artwork-card";
import { CatalogueFilters } from "@/components/catalogue/catalogue-filters";
import { Alert } from "@/components/ui/alert";
import { buttonStyles } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { getCatalogue, getCatalogueArtists } from "@/lib/catalogue";
import { isChainUnreachable } from "@/lib/chain/errors";
import { parseCatalogueFilters } from "@/lib/catalogue/types";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The public catalogue: server-rendered, readable with no wallet and no JavaScript. */
export default async function CataloguePage({ searchParams }: Props) {
  const filters = parseCatalogueFilters(await searchParams);
  const [t, tp, catalogue, artists] = await Promise.all([
    getTranslations("catalogue"),
    getTranslations("cataloguePage"),
    // The node not answering is said in words on a page that still renders (not a server error); the next request
    // reads the chain again, so the catalogue comes back by itself when the node does.
    getCatalogue(filters).then(
      (items) => ({ items, chainDown: false }),
      (error: unknown) => {
        if (!isChainUnreachable(error)) throw error;
        console.error("[catalogue] the chain does not answer:", error instanceof Error ? error.message : error);
        return { items: [], chainDown: true };
      },
    ),
    getCatalogueArtists(),
  ]);
  const { items, chainDown } = catalogue;
  const filtered = Object.keys(filters).length > 0;

  return (
    <div className="mx-auto max-w-7xl px-4 pt-14 pb-20 sm:px-6 lg:px-8">
      <p className="text-sm tracking-[0.18em] text-ink-muted uppercase">{t("eyebrow")}</p>
      <h1 className="mt-3 max-w-3xl font-display text-4xl leading-[1.08] font-normal tracking-tight sm:text-6xl">
        {t("title")}
      </h1>
      <p className="mt-5 max-w-2xl text-lg text-ink-muted">{t("intro")}</p>

      <div className="mt-12 border-y border-line py-6">
        <CatalogueFilters value={filters} artists={artists} resultCount={filtered ? items.length : undefined} />
      </div>

      {chainDown ? (
        // Marked so the public page cache never keeps a page rendered while the chain was down (lib/http/page-cache).
        <div className="mt-12" data-atelier-degraded="">
          <Alert tone="warn" title={tp("chainDownTitle")}>
            {tp("chainDownBody")}
          </Alert>
        </div>
      ) : items.length === 0 ? (
        <div className="mt-12">
          <EmptyState
            title={filtered ? tp("noMatchTitle") : tp("emptyTitle")}
            description={filtered ? tp("noMatchBody") : tp("emptyBody")}
            action={
              filtered ? (
                <Link href="/" className={buttonStyles({ variant: "secondary" })}>
                  {tp("clear")}
                </Link>
              ) : undefined
            }
          />
        </div>
      ) : (
        <>
          {/* The cards' titles are h3: this heading keeps the outline h1 → h2 → h3 (no skipped level). */}
          <h2 className="sr-only">{tp("listHeading")}</h2>
          <ul role="list" className="mt-12 grid gap-x-8 gap-y-14 sm:grid-cols-2 lg:grid-cols-3">
            {items.map((item, i) => (
              <li key={item.slug}>
                <ArtworkCard item={item} priority={i === 0 ? "first" : i < 3} />
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
