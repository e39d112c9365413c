import type { Locale } from "../config";

/**
 * Message catalogues: the shell's in `<locale>.json`, each feature's in `<locale>/<feature>.json`
 * (one namespace per file, so features can be edited independently). Merged per request.
 */
const loaders: Record<Locale, () => Promise<Record<string, unknown>[]>> = {
  en: () =>
    Promise.all([
      import("./en.json").then((m) => m.default),
      import("./en/artwork.json").then((m) => m.default),
      import("./en/errors.json").then((m) => m.default),
      import("./en/chain-errors.json").then((m) => m.default),
      import("./en/catalogue-page.json").then((m) => m.default),
      import("./en/trade.json").then((m) => m.default),
      import("./en/market.json").then((m) => m.default),
      import("./en/portfolio.json").then((m) => m.default),
      import("./en/onboarding.json").then((m) => m.default),
      import("./en/kyc.json").then((m) => m.default),
      import("./en/compliance-kyc.json").then((m) => m.default),
      import("./en/issuer.json").then((m) => m.default),
      import("./en/compliance-console.json").then((m) => m.default),
      import("./en/wallet-links.json").then((m) => m.default),
      import("./en/compliance-batch.json").then((m) => m.default),
      import("./en/desk-history.json").then((m) => m.default),
      import("./en/compliance-batch-transfer.json").then((m) => m.default),
      import("./en/distributions.json").then((m) => m.default),
      import("./en/sale.json").then((m) => m.default),
      import("./en/admin.json").then((m) => m.default),
      import("./en/notifications.json").then((m) => m.default),
      import("./en/kyb.json").then((m) => m.default),
    ]),
  "zh-HK": () =>
    Promise.all([
      import("./zh-HK.json").then((m) => m.default),
      import("./zh-HK/artwork.json").then((m) => m.default),
      import("./zh-HK/errors.json").then((m) => m.default),
      import("./zh-HK/chain-errors.json").then((m) => m.default),
      import("./zh-HK/catalogue-page.json").then((m) => m.default),
      import("./zh-HK/trade.json").then((m) => m.default),
      import("./zh-HK/market.json").then((m) => m.default),
      import("./zh-HK/portfolio.json").then((m) => m.default),
      import("./zh-HK/onboarding.json").then((m) => m.default),
      import("./zh-HK/kyc.json").then((m) => m.default),
      import("./zh-HK/compliance-kyc.json").then((m) => m.default),
      import("./zh-HK/issuer.json").then((m) => m.default),
      import("./zh-HK/compliance-console.json").then((m) => m.default),
      import("./zh-HK/wallet-links.json").then((m) => m.default),
      import("./zh-HK/compliance-batch.json").then((m) => m.default),
      import("./zh-HK/desk-history.json").then((m) => m.default),
      import("./zh-HK/compliance-batch-transfer.json").then((m) => m.default),
      import("./zh-HK/distributions.json").then((m) => m.default),
      import("./zh-HK/sale.json").then((m) => m.default),
      import("./zh-HK/admin.json").then((m) => m.default),
      import("./zh-HK/notifications.json").then((m) => m.default),
      import("./zh-HK/kyb.json").then((m) => m.default),
    ]),
};

export async function loadMessages(locale: Locale): Promise<Record<string, unknown>> {
  const parts = await loaders[locale]();
  return Object.assign({}, ...parts);
}
