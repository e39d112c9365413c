/**
 * The message namespaces each wallet route area's client components read (per-namespace messages): a page's HTML
 * carries only these, not the whole catalogue. Nested providers replace their parent's messages, so each area lists
 * everything its client code reads, the wallet's shared parts included. Kept exact by client-messages.test.ts, which
 * walks each area's imports (client-namespaces.walk.ts) and names what to add or remove.
 */
export const CLIENT_NAMESPACES = {
  /** The wallet layout itself (network banner, wallet provider). */
  wallet: ["wallet"],
  account: ["amounts", "ui", "wallet", "walletLinks"],
  admin: ["admin", "amounts", "chainErrors", "ui", "wallet"],
  buy: ["amounts", "chainErrors", "market", "trade", "ui", "wallet"],
  trade: ["amounts", "chainErrors", "market", "trade", "ui", "wallet"],
  compliance: [
    "amounts",
    "chainErrors",
    "complianceBatch",
    "complianceBatchTransfer",
    "complianceConsole",
    "complianceKyc",
    "distributions",
    "issuer",
    "kyb",
    "kyc",
    "recoveryOrders",
    "trade",
    "ui",
    "wallet",
    "walletLinks",
  ],
  issuer: ["account", "amounts", "chainErrors", "distributions", "issuer", "ui", "wallet"],
  "issuer-application": ["amounts", "kyb", "kyc", "ui"],
  onboarding: ["amounts", "kyc", "ui"],
  portfolio: ["amounts", "chainErrors", "portfolio", "ui", "wallet"],
  "sign-in": ["amounts", "signIn", "ui", "wallet"],
} as const satisfies Record<string, readonly string[]>;

export type ClientMessageArea = keyof typeof CLIENT_NAMESPACES;

/** The catalogue cut to `namespaces` (top-level keys). */
export function pickMessages(
  messages: Record<string, unknown>,
  namespaces: readonly string[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const ns of namespaces) if (ns in messages) out[ns] = messages[ns];
  return out;
}
