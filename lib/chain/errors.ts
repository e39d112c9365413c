/**
 * Turn a viem error into plain words. Usable on the server and in the browser.
 *
 * `message` is English for logs and tests; what a person reads comes from the message catalogue (chainErrorKey, or
 * the feature's own table of its contracts' custom errors). A caller may still word reverts in English:
 *   describeChainError(error, { messages: { MarketPriceMoved: "The price moved; try again." } })
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

/**
 * The reverts every contract shares (OpenZeppelin 5, Solidity panics, the share token's limits on privileged power):
 * each has its words in the `chainErrors.reverts` message catalogue, in both languages (chainErrorKey). Only the names
 * are here: the browser words an error from the catalogue, so no English table ships to every page that signs.
 */
export const SHARED_REVERTS = [
  "AccessControlUnauthorizedAccount",
  "OwnableUnauthorizedAccount",
  "EnforcedPause",
  "ExpectedPause",
  "ERC20InsufficientBalance",
  "ERC20InsufficientAllowance",
  "ERC20InvalidReceiver",
  "ERC20InvalidSender",
  "ERC2612ExpiredSignature",
  "ERC2612InvalidSigner",
  "ReentrancyGuardReentrantCall",
  "SafeERC20FailedOperation",
  "FailedCall",
  "IdentityRegistryLastAgent",
  "DeskLastAgent",
  "InvalidInitialization",
  "Panic",
  "ShareMaxSupplyExceeded",
  "ShareInvalidMaxSupply",
  "ShareRoleNotGrantable",
  "ShareNotPendingOwner",
] as const;

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
  const messages = options.messages ?? {};

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

const TRANSLATED_REVERTS = new Set<string>(SHARED_REVERTS);

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
