import { notFound } from "next/navigation";
import { ArtworkCard } from "@/components/catalogue/artwork-card";
import { CatalogueFilters } from "@/components/catalogue/catalogue-filters";
import { Address } from "@/components/ui/address";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Money } from "@/components/ui/money";
import { Skeleton } from "@/components/ui/skeleton";
import type { CatalogueItem } from "@/lib/catalogue/types";

/** Development-only gallery of the UI primitives and catalogue components (404 in production). */

function swatch(a: string, b: string, c: string): string {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="1000" viewBox="0 0 800 1000"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${a}"/><stop offset="1" stop-color="${b}"/></linearGradient></defs><rect width="800" height="1000" fill="url(#g)"/><circle cx="520" cy="380" r="210" fill="${c}" opacity="0.85"/><rect x="120" y="560" width="380" height="300" fill="${c}" opacity="0.35"/></svg>`;
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}

const HOUR = 3_600_000;

function sampleItems(now: number): CatalogueItem[] {
  const base = {
    paymentDecimals: 6,
    totalSupply: 0n,
    holderCount: 0,
    tokenAddress: "0x5FbDB2315678afecb367f032d93F642f64180aa3" as const,
  };
  return [
    {
      ...base,
      slug: "harbour-at-dusk",
      title: "Harbour at Dusk",
      titleZh: "黃昏海港",
      artist: "Lin Wai-man",
      year: 1987,
      image: {
        src: swatch("#1f3a68", "#d98b5f", "#f2c14e"),
        alt: "Abstract harbour in deep blue and amber",
        width: 800,
        height: 1000,
      },
      pricePerShare: 250_000_000n,
      sharesSold: 4_200n,
      supplyCap: 10_000n,
      status: "live",
      endsAt: new Date(now + 74 * HOUR),
    },
    {
      ...base,
      slug: "quiet-garden",
      title: "Quiet Garden No. 3",
      artist: "Amélie Fournier",
      year: 2004,
      image: {
        src: swatch("#2f4f3a", "#c9d6b8", "#f7f3e8"),
        alt: "Green geometric garden study",
        width: 800,
        height: 1000,
      },
      pricePerShare: 1_250_000_000n,
      sharesSold: 2_000n,
      supplyCap: 2_000n,
      status: "sold_out",
    },
    {
      ...base,
      slug: "red-mountain",
      title: "Red Mountain",
      titleZh: "紅山",
      artist: "Chen Hoi-yan",
      year: "c. 1962",
      image: {
        src: swatch("#7a1f2b", "#e7c9a9", "#2b1b17"),
        alt: "A red mountain form over a pale field",
        width: 800,
        height: 1000,
      },
      pricePerShare: 500_000_000n,
      sharesSold: 0n,
      supplyCap: 5_000n,
      status: "upcoming",
      startsAt: new Date(now + 50 * HOUR),
    },
    {
      ...base,
      slug: "night-market",
      title: "Night Market",
      artist: "Kenji Arata",
      year: 1999,
      image: {
        src: swatch("#111827", "#6b21a8", "#fbbf24"),
        alt: "Lantern lights over a night market",
        width: 800,
        height: 1000,
      },
      pricePerShare: 980_000_000n,
      sharesSold: 8_000n,
      supplyCap: 8_000n,
      totalSupply: 8_000n,
      holderCount: 128,
      status: "trading",
    },
  ];
}

function currentTime(): number {
  return Date.now();
}

export default async function Styleguide() {
  if (process.env.NODE_ENV === "production") notFound();
  const items = sampleItems(currentTime());
  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-14 px-4 py-12 sm:px-6 lg:px-8">
      <h1 className="font-display text-5xl font-normal tracking-tight">Styleguide</h1>

      <section className="flex flex-col gap-6">
        <CatalogueFilters
          value={{ sort: "newest" }}
          artists={["Chen Hoi-yan", "Kenji Arata", "Lin Wai-man"]}
          resultCount={items.length}
        />
        <div className="grid gap-x-8 gap-y-12 sm:grid-cols-2 lg:grid-cols-3">
          {items.map((item, i) => (
            <ArtworkCard key={item.slug} item={item} priority={i === 0 ? "first" : i < 3} />
          ))}
        </div>
      </section>

      <section className="flex flex-col gap-4">
        <div className="flex flex-wrap gap-3">
          <Button>Primary</Button>
          <Button variant="secondary">Secondary</Button>
          <Button variant="ghost">Ghost</Button>
          <Button variant="danger">Danger</Button>
          <Button loading loadingLabel="Waiting for signature…">
            Buy
          </Button>
        </div>
        <div className="flex flex-wrap gap-2">
          <Badge tone="success" icon="check">
            Verified
          </Badge>
          <Badge tone="warn" icon="warn">
            KYC expires soon
          </Badge>
          <Badge tone="danger" icon="error">
            Frozen
          </Badge>
          <Badge tone="accent" icon="swap">
            Trading
          </Badge>
          <Badge>Draft</Badge>
        </div>
        <p className="text-2xl">
          <Money value={1_250_000_000n} decimals={6} /> · <Money value={12_500_000_000_000n} decimals={6} compact />
        </p>
        <Address address="0x70997970C51812dc3A010C7d01b50e0d17dc79C8" />
      </section>

      <section className="grid gap-4 md:grid-cols-2">
        <Alert tone="info" title="Offering opens Monday">
          The price is fixed at HK$250.00 per share.
        </Alert>
        <Alert tone="success" title="Purchase confirmed">
          20 shares are in your wallet.
        </Alert>
        <Alert tone="warn" title="Your wallet is on another network">
          Switch to continue.
        </Alert>
        <Alert tone="error" title="Transfer refused">
          The receiver is not a verified investor.
        </Alert>
      </section>

      <section className="grid gap-6 md:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>Form</CardTitle>
          </CardHeader>
          <CardBody className="flex flex-col gap-4">
            <Field id="sg-amount" label="Shares" hint="Whole shares, between 1 and 500.">
              {(p) => <Input {...p} type="number" defaultValue={10} />}
            </Field>
            <Field id="sg-name" label="Legal name" error="Enter your name as it appears on your identity document.">
              {(p) => <Input {...p} />}
            </Field>
          </CardBody>
        </Card>
        <div className="flex flex-col gap-4" aria-busy="true">
          <Skeleton className="h-6 w-1/2" />
          <Skeleton className="h-40 w-full" />
          <EmptyState
            title="No holdings yet"
            description="Shares you buy appear here."
            action={<Button size="sm">Browse the catalogue</Button>}
          />
        </div>
      </section>
    </div>
  );
}
