/**
 * The messages each wallet route's client components read (per-namespace messages, cut to the parts read): a page's
 * HTML carries only these, not the whole catalogue. A provider (`ClientMessages`, components/layout/client-messages.tsx)
 * is rendered by a wallet layout or page with the scope named after its own file (`compliance/layout`,
 * `compliance/tokens/[address]/page`); it covers that file, and a layout's also covers the route files beneath it that
 * render none of their own (pages, loading and error files). Nested providers replace their parent's messages, so
 * each scope lists everything the client code it covers reads. An entry is a message path: a namespace
 * (`amounts`) or a part of one (`complianceConsole.actions`). Kept exact by client-messages.test.ts, which walks each
 * scope's files (client-namespaces.walk.ts) and names what to add or remove.
 */
export const CLIENT_MESSAGES = {
  "account/layout": [
    "ui",
    "wallet.connect",
    "walletLinks.exposure",
    "walletLinks.flow",
    "walletLinks.invite",
    "walletLinks.unlink",
  ],
  "admin/layout": [
    "admin.change",
    "admin.settings.fee",
    "admin.settings.kyc",
    "admin.settings.payout",
    "admin.settings.rules",
    "chainErrors",
    "ui.dialog",
    "wallet.connect",
  ],
  "artworks/[slug]/buy/layout": ["amounts", "chainErrors", "trade", "ui", "wallet.connect"],
  "artworks/[slug]/trade/layout": [
    "amounts",
    "chainErrors",
    "issuer.tx",
    "market",
    "sale.holder",
    "sale.reasons",
    "ui",
    "wallet.connect",
  ],
  "compliance/investors/[id]/layout": [
    "amounts",
    "chainErrors",
    "complianceBatch",
    "complianceBatchTransfer",
    "complianceConsole.actions",
    "complianceConsole.categories",
    "complianceConsole.chainErrors",
    "complianceConsole.transferReasons",
    "ui.dialog",
    "ui.errorSummary",
    "wallet.connect",
  ],
  "compliance/issuers/[id]/layout": ["complianceKyc", "kyb"],
  "compliance/kyc/[id]/layout": ["chainErrors", "complianceKyc", "kyb", "kyc.errors", "ui.dialog", "wallet.connect"],
  "compliance/layout": [],
  "compliance/listings/layout": [
    "chainErrors",
    "complianceConsole.platformStop",
    "issuer.review",
    "ui.dialog",
    "ui.errorSummary",
    "wallet.connect",
  ],
  "compliance/tokens/[address]/layout": [
    "amounts",
    "chainErrors",
    "complianceBatch",
    "complianceBatchTransfer",
    "complianceConsole.actions",
    "complianceConsole.chainErrors",
    "complianceConsole.proposals",
    "complianceConsole.register",
    "complianceConsole.transferReasons",
    "distributions.compliance",
    "distributions.signer",
    "issuer.tx",
    "recoveryOrders",
    "ui",
    "wallet.connect",
  ],
  "compliance/wallets/layout": ["chainErrors", "ui.dialog", "wallet.connect", "walletLinks"],
  "issuer-application/layout": ["kyb.apply", "kyc.documents", "kyc.errors", "ui.errorSummary"],
  "issuer/artworks/[id]/edit/layout": ["issuer.form"],
  "issuer/artworks/[id]/page": [
    "account.investor.categories",
    "amounts",
    "chainErrors",
    "distributions.issuer",
    "distributions.kinds",
    "distributions.signer",
    "issuer.chain",
    "issuer.detail",
    "issuer.errors.fields",
    "issuer.files",
    "issuer.live",
    "issuer.tx",
    "issuer.updates",
    "sale.issuer",
    "ui",
    "wallet.connect",
  ],
  "issuer/artworks/new/layout": ["issuer.form"],
  "issuer/layout": [],
  "issuer/profile/layout": ["issuer.files", "issuer.profile", "ui.errorSummary"],
  /** The wallet layout itself (network banner, wallet provider). */
  layout: ["wallet.network"],
  "onboarding/layout": [
    "amounts",
    "kyc.category",
    "kyc.disclosures",
    "kyc.documents",
    "kyc.errors",
    "kyc.personal",
    "kyc.questionnaire",
    "kyc.residence",
    "kyc.review",
    "kyc.wizard",
    "ui.errorSummary",
  ],
  "portfolio/layout": ["chainErrors", "portfolio.distributions", "ui.dialog", "wallet.connect"],
  "sign-in/layout": ["signIn", "ui", "wallet.connect"],
} as const satisfies Record<string, readonly string[]>;

export type ClientMessageScope = keyof typeof CLIENT_MESSAGES;

/** The catalogue cut to `paths` (namespaces or dotted paths within one); a path the catalogue lacks is left out. */
export function pickMessages(messages: Record<string, unknown>, paths: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const sorted = [...paths].sort();
  // A path under one already taken whole is in it; skipping it also keeps the catalogue's objects unmodified.
  const taken: string[] = [];
  for (const p of sorted) {
    if (taken.some((q) => p === q || p.startsWith(`${q}.`))) continue;
    const keys = p.split(".");
    let value: unknown = messages;
    for (const k of keys)
      value = value && typeof value === "object" && k in value ? (value as Record<string, unknown>)[k] : undefined;
    if (value === undefined) continue;
    let target = out;
    for (const k of keys.slice(0, -1)) target = (target[k] ??= {}) as Record<string, unknown>;
    target[keys[keys.length - 1]!] = value;
    taken.push(p);
  }
  return out;
}
