import type { WalletExposure } from "@/lib/kyc/client";

type Translate = (key: string, values?: Record<string, string | number>) => string;

/**
 * What a wallet still holds, one line per holding and per open order, in the viewer's language (`t` is the
 * `walletLinks.exposure` namespace). Shares are whole numbers: safe as JS numbers for any artwork's share count.
 */
export function exposureLines(t: Translate, exposure: WalletExposure, locale: string): string[] {
  const title = (x: { title: string; titleZh: string | null }) => (locale !== "en" && x.titleZh ? x.titleZh : x.title);
  return [
    ...exposure.holdings.map((h) => t("holding", { shares: Number(h.shares), title: title(h) })),
    ...exposure.orders.map((o) => t(o.side, { shares: Number(o.remaining), title: title(o) })),
  ];
}
