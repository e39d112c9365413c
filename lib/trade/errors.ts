/**
 * A failed wallet request or transaction → a translatable message (namespace `trade`). Isomorphic.
 * Contract refusals carrying a reason code are worded with the same table as the pre-sign checks.
 */
import { describeChainError } from "@/lib/chain/errors";
import { buyReason, tradeErrorKeys, transferReason, type Reason, type ReasonContext } from "./reasons";

export type TradeErrorTranslator = (key: string, values?: Record<string, string | number>) => string;

/** The error's plain-words message key and values; nested reasons are translated with `t` first. */
export function describeTradeError(
  error: unknown,
  ctx: ReasonContext,
  t: TradeErrorTranslator,
  chainText?: (error: unknown) => string,
): Reason {
  const d = describeChainError(error);
  if (d.kind === "user_rejected") return { key: "errors.rejected", values: {} };
  if (d.kind === "revert" && d.errorName) {
    if (d.errorName === "OfferingPurchaseRefused") {
      const code = Number(d.args[1] ?? 0);
      const inner = buyReason(code, 0, ctx);
      return { key: "errors.purchaseRefused", values: { reason: t(inner.key, inner.values) } };
    }
    if (d.errorName === "ShareTransferRefused") {
      const inner = transferReason(Number(d.args[0] ?? 0), ctx);
      return { key: "errors.transferRefused", values: { reason: t(inner.key, inner.values) } };
    }
    const key = tradeErrorKeys[d.errorName];
    if (key) return { key: `errors.${key}`, values: {} };
  }
  // Anything else in the reader's language when the caller can word it (the `chainErrors` catalogue).
  return { key: "errors.generic", values: { message: chainText ? chainText(error) : d.message } };
}

/** True when the wallet does not support typed-data signing (EIP-1193 4200 / JSON-RPC -32601 or similar words). */
export function isUnsupportedMethod(error: unknown): boolean {
  let e: unknown = error;
  for (let depth = 0; e && depth < 6; depth++) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (code === 4200 || code === -32601) return true;
    if (
      typeof message === "string" &&
      /not (supported|implemented)|unsupported method|method not found|does not exist/i.test(message)
    )
      return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
