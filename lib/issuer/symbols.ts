/**
 * Token symbols are unique on the platform: two tokens called "HARBS" read identically in alerts, registers and
 * wallets. The portal checks a symbol against every token the factory deployed (and every deploy still pending)
 * before the issuer's wallet is asked to sign. Pure here; the chain read is the caller's.
 */
export type SymbolHolder = { token: string; symbol: string; title: string | null };

const norm = (s: string) => s.trim().toUpperCase();

/** The token (or pending deploy) already using this symbol, compared without case or spaces; null when free. */
export function findSymbolHolder<T extends SymbolHolder>(symbol: string, tokens: readonly T[]): T | null {
  const wanted = norm(symbol);
  return tokens.find((t) => norm(t.symbol) === wanted) ?? null;
}
