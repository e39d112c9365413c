"use client";

import { useTranslations } from "next-intl";
import { useCallback, useState } from "react";
import type { Hex } from "viem";
import { useConfig } from "wagmi";
import type { simulateContract } from "wagmi/actions";
import { loadTxActions } from "./wallet-tx-actions";
import { isUserRejection } from "./wallet-errors";

/**
 * The one step union of a wallet transaction, from the first read to the server's word on it. `phase` names a
 * caller's own step within a composed flow (an approval before a purchase, a withdrawal before a proposal), so its
 * status can say which transaction the wallet is on.
 */
export type WalletTxStep<P extends string = string> =
  | { kind: "idle" }
  /** The caller's own work before the wallet opens (a plan from the server, an allowance read). */
  | { kind: "preparing"; phase?: P }
  /** Simulating: a refusal is said in words before the wallet opens. */
  | { kind: "checking"; phase?: P }
  | { kind: "signing"; phase?: P }
  | { kind: "pending"; hash: Hex; phase?: P }
  /** Mined (or found already on chain): the server reads the receipt and records the step. */
  | { kind: "recording"; hash: Hex | null }
  | { kind: "confirmed"; hash: Hex | null }
  /** `hash` set: the transaction exists, only the server's record of it is missing — settling again resumes. */
  | { kind: "failed"; error?: unknown; rejected: boolean; message: string; hash?: Hex | null };

/** A contract call as wagmi's `simulateContract` takes it (address, abi, function, args, account). */
export type WalletCall = Parameters<typeof simulateContract>[1];

/** The server's verification of a transaction (or of the chain's state, with no hash): null, or its refusal in words. */
export type Settle = (hash: Hex | null) => Promise<string | null>;

export type SendOptions<P extends string> = {
  phase?: P;
  /** Called as soon as the wallet returns the hash, before waiting for it (the server persists it). Best effort. */
  onHash?: (hash: Hex) => Promise<unknown>;
};

export type WalletTxOptions = {
  /**
   * A failure in words (default: the shared `chainErrors` messages, their code loaded when a failure needs them; a
   * user rejection included).
   */
  describe?: (error: unknown) => string;
  /** The caller's own words for a request the user rejected in the wallet (before `describe`). */
  rejected?: string;
  /** The caller's own words for a mined transaction that reverted (before `describe`). */
  reverted?: string;
};

/** A caller's own refusal before the wallet opens (the server's plan refused), in words: shown as it is. */
export class TxRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TxRefused";
  }
}

/** Thrown when a mined transaction reverted. */
export class RevertedTxError extends Error {
  constructor(readonly hash: Hex) {
    super("The transaction was reverted.");
    this.name = "RevertedTxError";
  }
}

const BUSY = new Set<WalletTxStep["kind"]>(["preparing", "checking", "signing", "pending", "recording"]);
export const isBusy = (step: WalletTxStep) => BUSY.has(step.kind);

/**
 * One wallet transaction flow: simulate → sign → wait for the receipt → settle on the server through the caller's
 * callback, always ending settled (confirmed only once the server has the chain's word for it) or failed in words.
 * A flow of several transactions (approve then buy, withdraw then propose) composes `send` inside `run`.
 */
export function useWalletTx<P extends string = string>(options: WalletTxOptions = {}) {
  const config = useConfig();
  const tChain = useTranslations("chainErrors");
  const [step, setStep] = useState<WalletTxStep<P>>({ kind: "idle" });
  const describe = async (error: unknown): Promise<string> => {
    if (error instanceof TxRefused) return error.message;
    if (options.rejected && isUserRejection(error)) return options.rejected;
    if (options.reverted && error instanceof RevertedTxError) return options.reverted;
    if (options.describe) return options.describe(error);
    // The shared words and viem's error walk load with the first failure that needs them, not with the page (if
    // they cannot be fetched, the failure is still said, in the words for an unknown error).
    const words = await import("./chain-error-text").catch(() => null);
    return words ? words.chainErrorText(tChain, error) : tChain("unknown");
  };

  /** Simulates, has the wallet sign and waits for a successful receipt; throws on refusal, rejection or revert. */
  const send = useCallback(
    async (call: WalletCall, { phase, onHash }: SendOptions<P> = {}): Promise<Hex> => {
      setStep({ kind: "checking", phase });
      const { simulateContract, waitForTransactionReceipt, writeContract } = await loadTxActions();
      const { request } = await simulateContract(config, call);
      setStep({ kind: "signing", phase });
      const hash = await writeContract(config, request as Parameters<typeof writeContract>[1]);
      setStep({ kind: "pending", hash, phase });
      // Best effort: if this fails, the confirmation (or the next page load) still finds the transaction.
      await onHash?.(hash).catch(() => null);
      const receipt = await waitForTransactionReceipt(config, { hash });
      if (receipt.status !== "success") throw new RevertedTxError(hash);
      return hash;
    },
    [config],
  );

  /** The server's word on a transaction; a refusal fails the step with the hash kept (settling again resumes). */
  async function settle(hash: Hex | null, settler?: Settle): Promise<Hex | null | false> {
    if (settler) {
      setStep({ kind: "recording", hash });
      let refusal: string | null;
      try {
        refusal = await settler(hash);
      } catch (error) {
        refusal = await describe(error);
      }
      if (refusal) {
        setStep({ kind: "failed", error: null, rejected: false, message: refusal, hash });
        return false;
      }
    }
    setStep({ kind: "confirmed", hash });
    return hash;
  }

  /**
   * Runs a flow: `body` sends one or more transactions (or none, when the chain already holds the step) and
   * returns the hash to settle; its failure becomes the failed step, in words (with the last hash the wallet
   * returned, if any). Returns the settled hash (null when settled without a transaction), or false when the flow
   * failed or the server refused.
   */
  async function run(
    body: (tx: { send: typeof send }) => Promise<Hex | null>,
    settler?: Settle,
  ): Promise<Hex | null | false> {
    let last: Hex | undefined;
    const tracked: typeof send = (call, o = {}) =>
      send(call, {
        ...o,
        onHash: async (h) => {
          last = h;
          await o.onHash?.(h);
        },
      });
    let hash: Hex | null;
    try {
      setStep({ kind: "preparing" });
      hash = await body({ send: tracked });
    } catch (error) {
      const message = await describe(error);
      setStep({ kind: "failed", error, rejected: isUserRejection(error), message, hash: last });
      return false;
    }
    return settle(hash, settler);
  }

  /** One transaction: `run` with a single `send`. */
  function execute(call: WalletCall, settler?: Settle, sendOptions?: SendOptions<P>) {
    return run(({ send }) => send(call, sendOptions), settler);
  }

  return { step, setStep, send, run, execute, settle, busy: isBusy(step) };
}
