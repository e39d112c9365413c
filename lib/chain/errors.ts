/**
 * Turn a viem error into plain words. Usable on the server and in the browser.
 *
 * Feature code extends the table with its contracts' custom errors:
 *   const messages = extendRevertMessages(baseRevertMessages, { MarketPriceMoved: "The price moved; try again." });
 *   describeChainError(error, { messages })
 */
// No viem error class is imported here: matching by `name` along viem's cause chain (`walk`) keeps the classes, and the
// ABI decoding some of them bring, out of the browser bundle of every page that shows a chain error.
import { findErrorByName } from "./error-names";

export { findErrorByName };

export type RevertMessage = string | ((args: readonly unknown[]) => string);
export type RevertMessageTable = Readonly<Record<string, RevertMessage>>;

export type ChainErrorKind =
  "revert" | "user_rejected" | "insufficient_funds" | "wrong_network" | "network" | "unknown";

export type DescribedChainError = {
  kind: ChainErrorKind;
  /** The custom error's name (e.g. "ERC20InsufficientBalance"), the require reason, or null. */
  errorName: string | null;
  args: readonly unknown[];
  /** Plain words for the person using the portal. */
  message: string;
};

/** Errors shared by every contract (OpenZeppelin 5 and Solidity panics). */
export const baseRevertMessages: RevertMessageTable = {
  AccessControlUnauthorizedAccount: "Your wallet does not have the role this action needs.",
  OwnableUnauthorizedAccount: "Only the owner of this contract can do that.",
  EnforcedPause: "Trading in this token is paused.",
  ExpectedPause: "This action is only possible while the token is paused.",
  ERC20InsufficientBalance: "Your balance is too small for this amount.",
  ERC20InsufficientAllowance:
    "The contract is not allowed to move that much of your tokens yet. Approve the amount first.",
  ERC20InvalidReceiver: "That receiving address cannot hold tokens.",
  ERC20InvalidSender: "That sending address cannot send tokens.",
  ERC2612ExpiredSignature: "The payment authorisation has expired. Please sign again.",
  ERC2612InvalidSigner: "The payment authorisation was not signed by this wallet.",
  ReentrancyGuardReentrantCall: "The transaction was refused (re-entrant call).",
  SafeERC20FailedOperation: "The payment token refused the transfer.",
  FailedCall: "A call inside the transaction failed.",
  IdentityRegistryLastAgent:
    "This is the registry's last compliance agent: grant the role to another officer before removing it from this one.",
  DeskLastAgent:
    "This is the enforcement desk's last agent: grant the role to another officer before removing it from this one.",
  InvalidInitialization: "This contract is already set up.",
  Panic: "The contract hit an internal error.",
  // The share token's limits on privileged power (every token shares them).
  ShareMaxSupplyExceeded: "That would create more shares than the artwork has: its number of shares is fixed.",
  ShareInvalidMaxSupply: "The number of shares must be a whole number of at least 1.",
  ShareRoleNotGrantable:
    "That role moves, creates or destroys other people's shares, so it cannot be given on a token: only compliance agents and the offering hold it.",
  ShareNotPendingOwner: "Only the wallet the token was offered to can accept it.",
};

export function extendRevertMessages(...tables: RevertMessageTable[]): RevertMessageTable {
  return Object.freeze(Object.assign({}, ...tables) as Record<string, RevertMessage>);
}

function render(entry: RevertMessage, args: readonly unknown[]): string {
  return typeof entry === "function" ? entry(args) : entry;
}

/** True when the error is the blockchain node not answering (a refused, failed or timed-out request), not a refusal. */
export function isChainUnreachable(error: unknown): boolean {
  return findErrorByName(error, ["HttpRequestError", "WebSocketRequestError", "TimeoutError"]) !== null;
}

/** The wallet's and the node's own errors (not reverts), by viem error class name; first match along the chain wins. */
const WALLET_AND_NODE_ERRORS: { kind: ChainErrorKind; names: readonly string[]; message: string }[] = [
  {
    kind: "user_rejected",
    names: ["UserRejectedRequestError"],
    message: "You declined the request in your wallet.",
  },
  {
    kind: "insufficient_funds",
    names: ["InsufficientFundsError"],
    message: "Your wallet does not have enough funds to pay the network fee.",
  },
  {
    kind: "wrong_network",
    names: ["ChainMismatchError"],
    message: "Your wallet is on a different network. Switch network and try again.",
  },
  {
    kind: "network",
    names: ["HttpRequestError", "WebSocketRequestError", "TimeoutError"],
    message: "The blockchain node cannot be reached right now. Please try again shortly.",
  },
];

/** What describeChainError reads of viem's BaseError. */
type ViemError = Error & { shortMessage?: string; walk: (fn: (e: unknown) => boolean) => unknown };

/**
 * A viem error, told without its class: viem's BaseError has a `walk` over the cause chain, a `shortMessage` and its
 * bare version number (wagmi's errors walk too, but their version names the package: `@wagmi/core@…`).
 */
export function isViemError(error: unknown): error is ViemError {
  if (!(error instanceof Error)) return false;
  const { walk, version, shortMessage } = error as { walk?: unknown; version?: unknown; shortMessage?: unknown };
  return (
    typeof walk === "function" &&
    typeof shortMessage === "string" &&
    typeof version === "string" &&
    /^\d+\.\d+/.test(version)
  );
}

/** What describeChainError reads of viem's ContractFunctionRevertedError. */
type Reverted = {
  data?: { errorName?: string; args?: readonly unknown[] };
  reason?: string;
  signature?: string;
};

const named = (names: readonly string[]) => (e: unknown) =>
  !!e && typeof e === "object" && names.includes(String((e as { name?: unknown }).name));

export function describeChainError(
  error: unknown,
  options: { messages?: RevertMessageTable } = {},
): DescribedChainError {
  const messages = options.messages ?? baseRevertMessages;

  if (!isViemError(error)) {
    return {
      kind: "unknown",
      errorName: null,
      args: [],
      message: "Something went wrong. Please try again.",
    };
  }

  const reverted = error.walk(named(["ContractFunctionRevertedError"])) as Reverted | null;
  if (reverted) {
    const errorName = reverted.data?.errorName ?? null;
    const args = reverted.data?.args ?? [];
    if (errorName && errorName !== "Error" && errorName !== "Panic" && messages[errorName]) {
      return { kind: "revert", errorName, args, message: render(messages[errorName], args) };
    }
    if (errorName === "Panic") {
      return {
        kind: "revert",
        errorName,
        args,
        message: render(messages.Panic ?? "The contract hit an internal error.", args),
      };
    }
    if (reverted.reason) {
      // `require(cond, "reason")` — the contract's own words; map them when the table has an entry.
      const mapped = messages[reverted.reason];
      return {
        kind: "revert",
        errorName: reverted.reason,
        args,
        message: mapped ? render(mapped, args) : reverted.reason,
      };
    }
    return {
      kind: "revert",
      errorName,
      args,
      message: errorName
        ? `The contract refused the transaction (${errorName}).`
        : `The contract refused the transaction${reverted.signature ? ` (error ${reverted.signature})` : ""}.`,
    };
  }

  const known = WALLET_AND_NODE_ERRORS.find(({ names }) => error.walk(named(names)));
  return {
    kind: known?.kind ?? "unknown",
    errorName: null,
    args: [],
    message: known?.message ?? (error.shortMessage || "Something went wrong. Please try again."),
  };
}

/** Revert names with their own wording in the `chainErrors.reverts` message catalogue. */
const TRANSLATED_REVERTS = new Set(Object.keys(baseRevertMessages));

/**
 * The message-catalogue key (namespace `chainErrors`) for a described error, so the browser shows it in the reader's
 * language. Feature code translates its own contracts' custom errors first and falls back to this.
 */
export function chainErrorKey(d: DescribedChainError): { key: string; values: Record<string, string> } {
  switch (d.kind) {
    case "user_rejected":
      return { key: "userRejected", values: {} };
    case "insufficient_funds":
      return { key: "insufficientFunds", values: {} };
    case "wrong_network":
      return { key: "wrongNetwork", values: {} };
    case "network":
      return { key: "network", values: {} };
    case "revert":
      if (d.errorName && TRANSLATED_REVERTS.has(d.errorName)) return { key: `reverts.${d.errorName}`, values: {} };
      return d.errorName ? { key: "revertNamed", values: { name: d.errorName } } : { key: "revert", values: {} };
    default:
      return { key: "unknown", values: {} };
  }
}
