import "server-only";

import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import type { Address } from "viem";
import { type ArtworkPageData, getArtworkPage } from "@/lib/assets";
import { type CategoryName, categoriesFromMask } from "@/lib/assets/client";
import type { AuthContext } from "@/lib/auth";
import { describeOffering, type OfferingFacts } from "@/lib/catalogue/client";
import { getTradingTokens } from "@/lib/catalogue";
import { getMarketConfig, getOrderBook, matchingHead } from "@/lib/market";
import type { PageCursor } from "@/lib/paging";
import { pageMyOrders } from "./order-link";
import { getPlatformStopped } from "@/lib/platform";
import { LOCAL_CHAIN_ID } from "@/lib/chain/config";
import { getServerEnv } from "@/lib/env";
import { countryShortNameFromNumeric } from "@/lib/i18n/countries";
import type { BuyOffering } from "./buy-offering";
import { getPurchasedShares, getTradeContracts } from "./queries";

export type { BuyOffering } from "./buy-offering";

/** The artwork as the buy and trade pages name it: its title in the page's language, its artist and first image. */
export type TradeArtwork = {
  slug: string;
  title: string;
  artist: string;
  image: ArtworkPageData["artwork"]["images"][number] | undefined;
};

const artworkOf = (slug: string, data: ArtworkPageData, locale: string): TradeArtwork => ({
  slug,
  title: locale === "zh-HK" && data.artwork.titleZh ? data.artwork.titleZh : data.artwork.title,
  artist: data.artwork.artist,
  image: data.artwork.images[0],
});

/**
 * The buy or trade page's `generateMetadata`: the namespace's `metaTitle` around the artwork's title in the page's
 * language (nothing for an unknown artwork).
 */
export function tradePageMetadata(namespace: "trade" | "market.page") {
  return async ({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> => {
    const { slug } = await params;
    const [data, t, locale] = await Promise.all([getArtworkPage({ slug }), getTranslations(namespace), getLocale()]);
    return data ? { title: t("metaTitle", { title: artworkOf(slug, data, locale).title }) } : {};
  };
}

export type BuyView = {
  artwork: TradeArtwork;
  offering: BuyOffering;
  /** What the summary beside the form says: the terms, the lock-up and the offering's phase. */
  summary: {
    decimals: number;
    pricePerShare: bigint;
    supplyCap: bigint;
    minTicket: bigint;
    maxTicket: bigint;
    lockupDays: number;
    facts: OfferingFacts;
  };
  /** Sold out, closed or ended: no form, the market instead (and whether it trades this token yet). */
  over: boolean;
  hasMarket: boolean;
};

/**
 * Everything the buy page shows for the signed-in investor: the offering's terms and phase, what they already
 * bought, the token's rules and their identity's words (`categoryWord` names an investor category). Null: no such
 * artwork, or no offering for it.
 */
export async function getBuyView({
  slug,
  session,
  categoryWord,
}: {
  slug: string;
  session: Pick<AuthContext, "address" | "roles">;
  categoryWord: (c: CategoryName) => string;
}): Promise<BuyView | null> {
  const [data, locale, trading] = await Promise.all([getArtworkPage({ slug }), getLocale(), getTradingTokens()]);
  if (!data || !data.offering || data.offeringId === null || !data.token) return null;
  const identity = session.roles.identity;
  const purchased = identity
    ? await getPurchasedShares({ offeringId: data.offeringId, investorId: identity.investorId })
    : 0n;
  const terms = data.offering.terms;
  // Upcoming / live / sold out / closed / ended, and the dates that may be said: decided once, from the chain.
  const facts = describeOffering(data.offering);
  const env = getServerEnv();
  const rules = data.rules;
  return {
    artwork: artworkOf(slug, data, locale),
    offering: {
      account: session.address,
      offeringId: data.offeringId,
      token: data.token,
      contracts: getTradeContracts(),
      decimals: data.paymentDecimals,
      pricePerShare: terms.pricePerShare,
      minTicket: terms.minTicket,
      maxTicket: terms.maxTicket,
      remaining: facts.available,
      purchased,
      investorId: identity?.investorId ?? null,
      lockupSeconds: rules?.lockupSeconds ?? 0n,
      opensAt: facts.opensAt,
      closesAt: facts.closesAt,
      upcoming: facts.phase === "upcoming",
      maxHolders: rules?.maxHolders ?? 0,
      maxBalancePerInvestor: rules?.maxBalancePerInvestor ?? 0n,
      names: {
        residence: identity ? countryShortNameFromNumeric(identity.country, locale) : null,
        allowedCountries: (rules?.allowedCountries ?? []).map((c) => countryShortNameFromNumeric(c, locale)),
        category: identity?.category ? categoryWord(identity.category) : null,
        eligibleCategories: categoriesFromMask(terms.eligibleCategories).map(categoryWord),
      },
      kycExpiresAt: identity?.expiresAt ?? null,
      explorerUrl: env.explorerUrl ?? null,
      localChain: env.chainId === LOCAL_CHAIN_ID,
    },
    summary: {
      decimals: data.paymentDecimals,
      pricePerShare: terms.pricePerShare,
      supplyCap: terms.supplyCap,
      minTicket: terms.minTicket,
      maxTicket: terms.maxTicket,
      lockupDays: Number((rules?.lockupSeconds ?? 0n) / 86_400n),
      facts,
    },
    over: facts.phase !== "upcoming" && facts.phase !== "live",
    hasMarket: trading.has(data.token.toLowerCase()),
  };
}

/**
 * Everything the trade page shows for the signed-in wallet: the trade form's setup (the best offers another
 * investor can take, the book as the chain reads it), the wallet's own orders and the book. `market: null` when the
 * market is not deployed or cannot be read. Null: no such artwork, or no token.
 */
/** Own open orders on one page of the trade page, oldest first. */
export const MY_ORDERS_PAGE = 25;

export async function getTradeView({
  slug,
  account,
  cursor = {},
}: {
  slug: string;
  account: Address;
  /** Which page of the wallet's own open orders (by order id, so a cancel elsewhere does not shift it). */
  cursor?: PageCursor;
}) {
  const [data, locale] = await Promise.all([getArtworkPage({ slug }), getLocale()]);
  if (!data || !data.token) return null;
  const token = data.token;
  const artwork = artworkOf(slug, data, locale);
  const [config, book] = await Promise.all([getMarketConfig(), getOrderBook({ token, maker: account })]);
  if (!config || !book) return { artwork, token, decimals: data.paymentDecimals, market: null };
  const me = account.toLowerCase();
  const pick = (o: (typeof book.orders)[number] | undefined) =>
    o ? { id: o.id, maker: o.maker, price: o.price, shares: o.fillable } : null;
  // The best offers another investor can take: never the viewer's own order.
  const others = book.orders.filter((o) => o.maker.toLowerCase() !== me && o.fillable > 0n);
  // `orders` is sorted best first per side; only chain-verified orders are offered to take.
  const contracts = getTradeContracts();
  const setup = {
    account,
    token,
    market: config.market,
    paymentToken: contracts.paymentToken,
    identityRegistry: contracts.identityRegistry,
    decimals: data.paymentDecimals,
    feeBps: config.feeBps,
    bestAsk: pick(others.find((o) => o.side === "ask" && o.verified)),
    bestBid: pick(others.find((o) => o.side === "bid" && o.verified)),
    // Only the head of each side can take part in a placement (the contract matches at most MAX_MATCH_STEPS orders).
    book: matchingHead(book.orders).map((o) => ({
      id: o.id,
      maker: o.maker,
      side: o.side,
      price: o.price,
      remaining: o.remaining,
      // Orders not yet checked against the chain (the indexer's newest) count as deliverable in full.
      fillable: o.verified ? o.fillable : o.remaining,
      reasonCode: o.verified ? o.reasonCode : 0,
      expiresAt: o.expiresAt ? Math.floor(o.expiresAt.getTime() / 1000) : null,
    })),
    explorerUrl: getServerEnv().explorerUrl ?? null,
    platformStopped: (await getPlatformStopped()) === true,
  };
  const own = book.orders.filter((o) => o.maker.toLowerCase() === me).sort((a, b) => (a.id < b.id ? -1 : 1));
  const page = pageMyOrders(own, cursor, MY_ORDERS_PAGE);
  const mine = {
    ...page,
    rows: page.rows.map((o) => ({
      id: o.id,
      side: o.side,
      price: o.price,
      remaining: o.remaining,
      expiresAt: o.expiresAt,
      fillable: o.fillable,
      reasonCode: o.reasonCode,
    })),
  };
  return { artwork, token, decimals: data.paymentDecimals, market: { setup, mine, book } };
}
