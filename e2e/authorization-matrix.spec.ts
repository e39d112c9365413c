import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { createPublicClient, getAddress, http, parseAbi, type Address } from "viem";
import { buildSignInMessage } from "../lib/auth/siwe-message";
import { accounts, ANVIL_URL, DEV_MNEMONIC } from "./fixtures/wallet";
import { E2E_DATA_DIR, E2E_DIST_DIR, E2E_ORIGIN } from "./ports";
import { mnemonicToAccount } from "viem/accounts";

/*
 * The authorization matrix (issue 12, suite 1). Every server action and route handler is discovered FROM THE BUILD
 * (`server-reference-manifest.json`, `app-path-routes-manifest.json`), then called directly — a server action as
 * React's client calls it (the `Next-Action` header, arguments encoded by React's own `encodeReply`), a route with a
 * plain request — as each of eight callers, with a well-formed and a malformed input. The expected outcome of every
 * cell is in MATRIX below; an action or route of the build missing from it, or a row of it the build does not have,
 * fails the test. Outcomes are read from the typed result (`ok` / `code`) or the HTTP status, never from words.
 *
 * The server and database are shared with the other journeys: well-formed inputs either name nothing (a random id,
 * a transaction that does not exist) or another party's object (an ownership refusal), so that an "allowed" caller
 * reaches the domain without changing the seed. A cell that cannot be called without a lasting effect is `skip(…)`
 * with the reason; its refusals are still called. Refused calls must write nothing: the audit log gains only
 * the refusal records (`auth.forbidden`) and the reads' own entries (exports, sign-ins).
 */

const require = createRequire(import.meta.url);
// React's own client encoder for server-action arguments (what `useActionState` / a bound action sends).
const { encodeReply } = require("next/dist/compiled/react-server-dom-turbopack/client.edge.js") as {
  encodeReply: (value: unknown) => Promise<string | FormData>;
};

// ---------------------------------------------------------------------------------------------------------------
// Callers

const CALLERS = [
  "anonymous",
  "unverified",
  "investor",
  "otherInvestor",
  "issuer",
  "otherIssuer",
  "compliance",
  "admin",
] as const;
type Caller = (typeof CALLERS)[number];

/** The wallet behind each caller (anvil dev accounts, as seeded); `unverified` is a wallet the seed never saw. */
const WALLET_INDEX: Record<Exclude<Caller, "anonymous">, number> = {
  unverified: 19,
  investor: accounts.mei,
  otherInvestor: accounts.alice,
  issuer: accounts.lumen,
  otherIssuer: accounts.harbourfront,
  compliance: accounts.grace,
  admin: accounts.admin,
};

// ---------------------------------------------------------------------------------------------------------------
// Outcomes

/**
 * allowed: ok / a redirect onward / a void action that returned; unauthenticated: no session; refused: a session
 * without the role (or ownership) — `forbidden` / 403; invalid: refused by the input's parser (400 / `invalid*`);
 * not-found: the caller passed the guard (or is kept from knowing the object exists) and the object is not theirs
 * or not there; state:<code>: the caller passed the guard and ownership, and the object's state refused it;
 * error: the server failed the call (a thrown error, 5xx).
 */
type Outcome = "allowed" | "unauthenticated" | "refused" | "invalid" | "not-found" | "error" | `state:${string}`;
type Skip = { skip: string };
type Cell = Outcome | Skip;
const skip = (reason: string): Skip => ({ skip: reason });
type Cells = readonly [Cell, Cell, Cell, Cell, Cell, Cell, Cell, Cell];

const A = "allowed" as const;
const U = "unauthenticated" as const;
const R = "refused" as const;
const I = "invalid" as const;
const N = "not-found" as const;
/** A claim transaction the node does not know (distribution claims: any signed-in wallet records its own). */
const NO_CLAIM = "state:tx_not_found" as const;

/** Objects of the seed the inputs name (read from the running stack, never written). */
type Fixture = {
  /** An approved, on-chain listing of the `issuer` (lumen) and of the `otherIssuer` (harbourfront). */
  issuerListing: string;
  otherIssuerListing: string;
  /** The `investor`'s (Mei Chan's) approved KYC application. */
  investorApplication: string;
  /** A share token of the factory. */
  token: Address;
  identityRegistry: Address;
  /** A public document and image of an artwork page. */
  documentPath: string;
  mediaPath: string;
};

const ZERO_ID = "00000000-0000-4000-8000-000000000000";
const NO_TX = `0x${"ab".repeat(32)}`;
const SOME_WALLET = "0x000000000000000000000000000000000000dEaD";

/** A FormData from plain fields (React encodes it as `$K` + prefixed multipart fields). */
function form(fields: Record<string, string>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
}

type ActionRow = {
  kind: "action";
  /** Well-formed and malformed arguments. */
  ok: (f: Fixture) => unknown[];
  bad: (f: Fixture) => unknown[];
  expect: { ok: Cells; bad: Cells };
  /** Why an `allowed` caller reaches the domain without changing the seed, or why a cell is skipped. */
  note?: string;
};

type RouteRow = {
  kind: "route";
  method: "GET" | "POST";
  ok: (f: Fixture) => { path: string; body?: FormData | string; contentType?: string };
  bad: (f: Fixture) => { path: string; body?: FormData | string; contentType?: string };
  expect: { ok: Cells; bad: Cells };
  note?: string;
};

const listingListing = (f: Fixture) => f.otherIssuerListing;

/** Mei Chan's wallet (the `investor`), checksummed: an issuer application may not name it as a signatory. */
const MEI_WALLET = mnemonicToAccount(DEV_MNEMONIC, { addressIndex: accounts.mei }).address;
/** An issuer application's answers, well-formed, naming these signatory wallets. */
const kybDraft = (signatoryWallets: string[]) => ({
  legalNameEn: "Matrix Gallery Limited",
  legalNameZh: "矩陣畫廊有限公司",
  crNumber: "1234567",
  brNumber: "",
  registeredAddress: "1 Matrix Road, Hong Kong",
  people: [{ name: "Mat Rix", role: "Director" }],
  signatoryWallets,
  listingPlan: "Works on paper, a few a year, kept by an insured custodian.",
});

// ---------------------------------------------------------------------------------------------------------------
// THE MATRIX. Columns: anonymous, unverified, investor, otherInvestor, issuer, otherIssuer, compliance, admin.

const MATRIX: Record<string, ActionRow | RouteRow> = {
  // ---- sign-in, session, preferences: public by design -------------------------------------------------------
  "components/wallet/actions.ts#getNonceAction": {
    kind: "action",
    ok: () => [],
    bad: () => [{ junk: "x".repeat(1000) }],
    expect: { ok: [A, A, A, A, A, A, A, A], bad: [A, A, A, A, A, A, A, A] },
    note: "a nonce is single-use and pruned by the housekeeping job; arguments are ignored",
  },
  "components/wallet/actions.ts#signInAction": {
    kind: "action",
    // A well-formed message whose nonce the server never issued: refused before any signature work.
    ok: () => [
      {
        message: buildSignInMessage({
          address: SOME_WALLET,
          chainId: 31337,
          nonce: "authzmatrixnonce0",
          origin: E2E_ORIGIN,
        }),
        signature: `0x${"11".repeat(65)}`,
      },
    ],
    bad: () => [{ message: "", signature: "not hex" }],
    expect: {
      ok: [
        "state:nonce_invalid",
        "state:nonce_invalid",
        "state:nonce_invalid",
        "state:nonce_invalid",
        "state:nonce_invalid",
        "state:nonce_invalid",
        "state:nonce_invalid",
        "state:nonce_invalid",
      ],
      bad: [I, I, I, I, I, I, I, I],
    },
    note: "a real sign-in is how every session of this test is made (signIn below)",
  },
  "components/wallet/actions.ts#signOutAction": {
    kind: "action",
    ok: () => [],
    bad: () => [{ junk: 1 }],
    expect: { ok: [A, A, A, A, A, A, A, A], bad: [A, A, A, A, A, A, A, A] },
    note: "ends only the session it is called with (called last); a second call finds none and still moves on",
  },
  "components/wallet/actions.ts#signOutEverywhereAction": {
    kind: "action",
    ok: () => [],
    bad: () => [{ junk: 1 }],
    expect: {
      ok: [
        A,
        A,
        skip("ends every session of a shared demo wallet; the unverified wallet shows the same code path"),
        skip("ends every session of a shared demo wallet"),
        skip("ends every session of a shared demo wallet"),
        skip("ends every session of a shared demo wallet"),
        skip("ends every session of a shared demo wallet"),
        skip("ends every session of a shared demo wallet"),
      ],
      bad: [
        A,
        skip("same call as ok"),
        skip("ends every session of a shared demo wallet"),
        skip("ends every session of a shared demo wallet"),
        skip("ends every session of a shared demo wallet"),
        skip("ends every session of a shared demo wallet"),
        skip("ends every session of a shared demo wallet"),
        skip("ends every session of a shared demo wallet"),
      ],
    },
  },
  "components/layout/actions.ts#setLocaleAction": {
    kind: "action",
    ok: () => [form({ locale: "en" })],
    bad: () => [form({ locale: "xx-evil" })],
    expect: { ok: [A, A, A, A, A, A, A, A], bad: [A, A, A, A, A, A, A, A] },
    note: "a cookie of the caller's own; an unknown locale is ignored",
  },
  "components/layout/actions.ts#toggleThemeAction": {
    kind: "action",
    ok: () => [],
    bad: () => [{ junk: 1 }],
    expect: { ok: [A, A, A, A, A, A, A, A], bad: [A, A, A, A, A, A, A, A] },
    note: "a cookie of the caller's own",
  },
  "components/wallet/tx-actions.ts#settleTransactionAction": {
    kind: "action",
    ok: () => [{ txHash: NO_TX }],
    bad: () => [{ txHash: "0x1234" }],
    expect: { ok: [U, N, N, N, N, N, N, N], bad: [I, I, I, I, I, I, I, I] },
    note: "a transaction the node does not know: answered at once, nothing recorded",
  },

  // ---- notifications (any signed-in wallet, its own notifications; the unsubscribe link is public) ----------------
  "components/notifications/actions.ts#markNotificationReadAction": {
    kind: "action",
    ok: () => [null, form({ id: ZERO_ID })],
    bad: () => [null, form({ id: "x" })],
    expect: { ok: [U, N, N, N, N, N, N, N], bad: [I, I, I, I, I, I, I, I] },
    note: "a notification that does not exist; another's is not-found alike (filtered by the caller's own keys)",
  },
  "components/notifications/actions.ts#markAllNotificationsReadAction": {
    kind: "action",
    ok: () => [null, form({})],
    bad: () => [null, form({ junk: "x" })],
    expect: { ok: [U, A, A, A, A, A, A, A], bad: [U, A, A, A, A, A, A, A] },
    note: "marks only the caller's own notifications read (the notifications journey uses another wallet); takes no input",
  },
  "components/notifications/actions.ts#savePreferencesAction": {
    kind: "action",
    ok: () => [null, form({ locale: "en", kyc: "on", orders: "on", listings: "on", offerings: "on", holdings: "on" })],
    bad: () => [null, form({ locale: "xx-evil", kyc: "yes" })],
    expect: { ok: [U, "state:unknown_wallet", A, A, A, A, A, A], bad: [I, I, I, I, I, I, I, I] },
    note: "the caller's own preferences, saved as the default (every email, in English); a wallet the portal does not know has none",
  },
  "components/notifications/actions.ts#followArtworkAction": {
    kind: "action",
    ok: () => [null, form({ slug: "no-such-artwork", follow: "true" })],
    bad: () => [null, form({ slug: "../x", follow: "maybe" })],
    expect: { ok: [U, N, N, N, N, N, N, N], bad: [I, I, I, I, I, I, I, I] },
    note: "an artwork that is not listed: nothing followed",
  },
  "components/notifications/actions.ts#unsubscribeAction": {
    kind: "action",
    ok: () => [null, form({ token: "bm90LWEtdG9rZW4.c2lnbmF0dXJl" })],
    bad: () => [null, form({ token: "" })],
    expect: {
      ok: [
        "state:invalid_token",
        "state:invalid_token",
        "state:invalid_token",
        "state:invalid_token",
        "state:invalid_token",
        "state:invalid_token",
        "state:invalid_token",
        "state:invalid_token",
      ],
      bad: [I, I, I, I, I, I, I, I],
    },
    note: "public by design (the link in every email); a token without a valid signature changes nothing",
  },

  // ---- onboarding (any signed-in wallet, its own application) ---------------------------------------------------
  "components/onboarding/actions.ts#startApplicationAction": {
    kind: "action",
    ok: () => [],
    bad: () => [{ junk: 1 }],
    expect: {
      ok: [
        U,
        skip("creates the wallet's investor record and draft application (a lasting row)"),
        skip("opens a renewal draft for a verified investor (a lasting row)"),
        skip("opens a renewal draft (a lasting row)"),
        skip("creates a draft application for the issuer's wallet (a lasting row)"),
        skip("creates a draft application (a lasting row)"),
        skip("creates a draft application (a lasting row)"),
        skip("creates a draft application (a lasting row)"),
      ],
      bad: [U, skip("as ok"), skip("as ok"), skip("as ok"), skip("as ok"), skip("as ok"), skip("as ok"), skip("as ok")],
    },
    note: "takes no input; signed out it sends the caller to sign-in (it threw before: an error page), nothing is written",
  },
  "components/onboarding/actions.ts#saveStepAction": {
    kind: "action",
    // The investor's own approved application: only she reaches it (and its state refuses the edit).
    ok: (f) => ["personal", null, form({ applicationId: f.investorApplication, fullName: "Authz Matrix" })],
    bad: () => ["bogus-step", null, form({ applicationId: "x" })],
    expect: { ok: [U, N, "state:not_editable", N, N, N, N, N], bad: [I, I, I, I, I, I, I, I] },
    note: "compliance may read an application but never edit it: not-found like anyone else's",
  },
  "components/onboarding/actions.ts#submitApplicationAction": {
    kind: "action",
    ok: (f) => [null, form({ applicationId: f.investorApplication })],
    bad: () => [null, form({ applicationId: "../x" })],
    expect: { ok: [U, N, "state:incomplete", N, N, N, N, N], bad: [I, I, I, I, I, I, I, I] },
  },

  // ---- the investor's wallet links (verified investor, its own requests) ------------------------------------
  "components/account/wallet-link-actions.ts#startWalletLinkAction": {
    kind: "action",
    ok: () => [],
    bad: () => [{ junk: 1 }],
    expect: {
      ok: [
        U,
        R,
        skip("opens a link request (a lasting row)"),
        skip("opens a link request (a lasting row)"),
        R,
        R,
        R,
        R,
      ],
      bad: [U, R, skip("as ok"), skip("as ok"), R, R, R, R],
    },
  },
  "components/account/wallet-link-actions.ts#signCurrentWalletAction": {
    kind: "action",
    ok: () => [{ id: ZERO_ID, signature: `0x${"11".repeat(65)}` }],
    bad: () => [{ id: ZERO_ID, signature: "0x11" }],
    expect: {
      ok: [U, R, N, N, R, R, R, R],
      bad: [I, I, I, I, I, I, I, I],
    },
  },
  "components/account/wallet-link-actions.ts#newWalletMessageAction": {
    kind: "action",
    ok: () => [{ id: ZERO_ID, newWallet: SOME_WALLET }],
    bad: () => [{ id: ZERO_ID, newWallet: "0xnot" }],
    expect: {
      ok: [U, R, N, N, R, R, R, R],
      bad: [I, I, I, I, I, I, I, I],
    },
  },
  "components/account/wallet-link-actions.ts#signNewWalletAction": {
    kind: "action",
    ok: () => [{ id: ZERO_ID, newWallet: SOME_WALLET, signature: `0x${"11".repeat(65)}` }],
    bad: () => [{ id: "1", newWallet: SOME_WALLET, signature: "0x" }],
    expect: {
      ok: [U, R, N, N, R, R, R, R],
      bad: [I, I, I, I, I, I, I, I],
    },
  },
  "components/account/wallet-link-actions.ts#cancelWalletLinkAction": {
    kind: "action",
    ok: () => [{ id: ZERO_ID }],
    bad: () => [{ id: 42 }],
    expect: {
      ok: [U, R, N, N, R, R, R, R],
      bad: [I, I, I, I, I, I, I, I],
    },
  },
  "components/account/wallet-link-actions.ts#signInvitedLinkAction": {
    kind: "action",
    ok: () => [{ id: ZERO_ID, signature: `0x${"11".repeat(65)}` }],
    bad: () => [{ id: ZERO_ID }],
    expect: {
      ok: [U, N, N, N, N, N, N, N],
      bad: [I, I, I, I, I, I, I, I],
    },
    note: "any signed-in wallet: the request must name the session's wallet",
  },
  "components/account/wallet-link-actions.ts#requestUnlinkAction": {
    kind: "action",
    // A wallet that is not the investor's: refused by ownership, nothing opened.
    ok: () => [{ wallet: SOME_WALLET }],
    bad: () => [{ wallet: "me" }],
    expect: {
      ok: [U, R, "state:not_yours", "state:not_yours", R, R, R, R],
      bad: [I, I, I, I, I, I, I, I],
    },
  },
  "components/account/wallet-link-actions.ts#cancelUnlinkAction": {
    kind: "action",
    ok: () => [{ id: ZERO_ID }],
    bad: () => [{}],
    expect: {
      ok: [U, R, N, N, R, R, R, R],
      bad: [I, I, I, I, I, I, I, I],
    },
  },

  // ---- issuer listings (issuer role, its own listing) -----------------------------------------------------------
  "components/issuer/actions.ts#saveListingAction": {
    kind: "action",
    // An edit of the other issuer's approved listing: lumen is refused by ownership; harbourfront by its state.
    ok: (f) => [
      null,
      form({
        id: listingListing(f),
        title: "Authz matrix",
        artist: "Nobody",
        descriptionMd: "Not saved.",
      }),
    ],
    bad: () => [null, form({ id: "not-a-uuid" })],
    expect: {
      ok: [U, R, R, R, N, "state:not_editable", R, R],
      bad: [I, I, I, I, I, I, I, I],
    },
    note: "the input is parsed before anything (an id that is not a uuid is refused as invalid)",
  },
  "components/issuer/profile-actions.ts#saveIssuerProfileAction": {
    kind: "action",
    ok: () => [null, form({ nameEn: "Authz matrix", nameZh: "", aboutEn: "", aboutZh: "" })],
    bad: () => [null, form({ nameEn: "x".repeat(500), aboutEn: "\u0000" })],
    expect: {
      ok: [
        U,
        R,
        R,
        R,
        skip("would overwrite the demo issuer's seeded profile (the db test saves one)"),
        skip("would overwrite the demo issuer's seeded profile (the db test saves one)"),
        R,
        R,
      ],
      bad: [I, I, I, I, I, I, I, I],
    },
    note: "an issuer saves its own profile only: the wallet is the session's, never a field of the form",
  },
  "components/issuer/actions.ts#removeImageAction": {
    kind: "action",
    ok: (f) => [null, form({ id: listingListing(f), src: "/media/artworks/none/none.webp" })],
    bad: () => [null, form({ id: ZERO_ID, src: "../../etc/passwd" })],
    expect: {
      ok: [U, R, R, R, N, "state:not_editable", R, R],
      bad: [I, I, I, I, I, I, I, I],
    },
  },
  "components/issuer/actions.ts#removeDocumentAction": {
    kind: "action",
    ok: (f) => [null, form({ id: listingListing(f), documentId: ZERO_ID })],
    bad: () => [null, form({ id: ZERO_ID, documentId: "x" })],
    expect: {
      ok: [U, R, R, R, N, "state:not_editable", R, R],
      bad: [I, I, I, I, I, I, I, I],
    },
  },
  "components/issuer/actions.ts#submitListingAction": {
    kind: "action",
    ok: (f) => [null, form({ id: listingListing(f) })],
    bad: () => [null, form({ id: "x" })],
    expect: {
      ok: [U, R, R, R, N, "state:not_submittable", R, R],
      bad: [I, I, I, I, I, I, I, I],
    },
  },
  "components/issuer/actions.ts#withdrawListingAction": {
    kind: "action",
    ok: (f) => [null, form({ id: listingListing(f) })],
    bad: () => [null, form({ id: "x" })],
    expect: {
      ok: [U, R, R, R, N, "state:not_withdrawable", R, R],
      bad: [I, I, I, I, I, I, I, I],
    },
  },
  "components/issuer/actions.ts#deleteListingAction": {
    kind: "action",
    ok: (f) => [null, form({ id: listingListing(f) })],
    bad: () => [null, form({ id: "x" })],
    expect: {
      ok: [U, R, R, R, N, "state:not_deletable", R, R],
      bad: [I, I, I, I, I, I, I, I],
    },
  },
  "components/issuer/actions.ts#reviewListingAction": {
    kind: "action",
    // Approving a listing that is already approved: the reviewers reach the listing, its state refuses.
    ok: (f) => [null, form({ id: f.issuerListing, decision: "approve", comment: "" })],
    bad: (f) => [null, form({ id: f.issuerListing, decision: "publish", comment: "" })],
    expect: {
      ok: [U, R, R, R, R, R, "state:not_reviewable", "state:not_reviewable"],
      bad: [I, I, I, I, I, I, I, I],
    },
  },
  "components/issuer/chain-actions.ts#checkOnChainAction": {
    kind: "action",
    ok: (f) => [{ id: listingListing(f) }],
    bad: () => [{ id: "x" }],
    expect: {
      ok: [U, R, R, R, N, A, R, R],
      bad: [I, I, I, I, I, I, I, I],
    },
    note: "reads the chain and records only what it already shows (idempotent)",
  },
  "components/issuer/chain-actions.ts#recordSentTxAction": {
    kind: "action",
    ok: (f) => [{ id: listingListing(f), kind: "deploy", txHash: NO_TX }],
    bad: (f) => [{ id: listingListing(f), kind: "mint", txHash: NO_TX }],
    expect: {
      ok: [U, R, R, R, N, skip("records a waiting deploy on a seeded listing (a lasting row)"), R, R],
      bad: [I, I, I, I, I, I, I, I],
    },
  },
  "components/issuer/chain-actions.ts#confirmChainTxAction": {
    kind: "action",
    ok: (f) => [{ id: listingListing(f), txHash: NO_TX }],
    bad: () => [{ id: ZERO_ID, txHash: "0x" }],
    expect: {
      ok: [U, R, R, R, N, skip("waits up to 30 s for a receipt of a transaction that does not exist"), R, R],
      bad: [I, I, I, I, I, I, I, I],
    },
  },
  "components/issuer/update-actions.ts#unanchoredUpdateDocumentsAction": {
    kind: "action",
    ok: () => [{ updateId: ZERO_ID }],
    bad: () => [{ updateId: 7 }],
    expect: {
      ok: [U, R, R, R, N, N, R, R],
      bad: [I, I, I, I, I, I, I, I],
    },
  },
  "components/issuer/update-actions.ts#publishUpdateAction": {
    kind: "action",
    ok: () => [{ updateId: ZERO_ID }],
    bad: () => [{}],
    expect: {
      ok: [U, R, R, R, N, N, R, R],
      bad: [I, I, I, I, I, I, I, I],
    },
  },

  "components/issuer/distribution-actions.ts#planDistributionAction": {
    kind: "action",
    ok: (f) => [{ token: f.token, kind: "income", amount: "1000000", recordBlock: "now", claimDays: 7 }],
    bad: (f) => [{ token: f.token, kind: "bonus", amount: "1000000", recordBlock: "now", claimDays: 30 }],
    expect: {
      ok: [U, R, R, R, "state:invalid_window", "state:invalid_window", R, R],
      bad: [I, I, I, I, I, I, I, I],
    },
    note: "a window under the distributor's minimum is refused before anything is built (the refusal alone is audited)",
  },
  "components/issuer/distribution-actions.ts#recordDistributionAction": {
    kind: "action",
    ok: () => [{ id: ZERO_ID, txHash: NO_TX }],
    bad: () => [{ id: "x", txHash: NO_TX }],
    expect: { ok: [U, R, R, R, N, N, R, R], bad: [I, I, I, I, I, I, I, I] },
  },
  "components/issuer/distribution-actions.ts#recordDistributionCloseAction": {
    kind: "action",
    ok: () => [{ onChainId: "999999", txHash: NO_TX }],
    bad: () => [{ onChainId: "-1", txHash: NO_TX }],
    expect: {
      ok: [U, R, R, R, "state:tx_not_found", "state:tx_not_found", R, R],
      bad: [I, I, I, I, I, I, I, I],
    },
    note: "a transaction the node does not know: answered at once, nothing recorded",
  },

  "components/sale/actions.ts#planSaleAction": {
    kind: "action",
    ok: (f) => [
      {
        token: f.token,
        buyer: SOME_WALLET,
        price: "1000000",
        offerHash: NO_TX,
        offerName: "offer.pdf",
        recordBlock: "now",
        votingDays: 3,
        quorumBps: 5000,
        approvalBps: 5000,
      },
    ],
    bad: (f) => [{ token: f.token, buyer: "nobody", price: "1", offerHash: NO_TX, offerName: "x", recordBlock: "now" }],
    expect: {
      ok: [U, R, R, R, "state:invalid_period", "state:invalid_period", R, R],
      bad: [I, I, I, I, I, I, I, I],
    },
    note: "a vote shorter than the sale contract's 7 days is refused before anything is built (the refusal alone is audited)",
  },
  "components/sale/actions.ts#recordSaleOpenedAction": {
    kind: "action",
    ok: () => [{ id: ZERO_ID, txHash: NO_TX }],
    bad: () => [{ id: "x", txHash: NO_TX }],
    expect: { ok: [U, R, R, R, N, N, R, R], bad: [I, I, I, I, I, I, I, I] },
  },
  "components/sale/actions.ts#recordSaleStepAction": {
    kind: "action",
    ok: () => [{ step: "vote", txHash: NO_TX }],
    bad: () => [{ step: "sweep", txHash: NO_TX }],
    expect: {
      ok: [U, NO_CLAIM, NO_CLAIM, NO_CLAIM, NO_CLAIM, NO_CLAIM, NO_CLAIM, NO_CLAIM],
      bad: [I, I, I, I, I, I, I, I],
    },
    note: "any signed-in wallet records its own vote, finalize or redemption; a transaction the node does not know: answered at once",
  },
  "/api/sales/[id]/weights": {
    kind: "route",
    method: "GET",
    ok: () => ({ path: `/api/sales/${ZERO_ID}/weights` }),
    bad: () => ({ path: "/api/sales/not-an-id/weights" }),
    expect: { ok: [N, N, N, N, N, N, N, N], bad: [N, N, N, N, N, N, N, N] },
    note: "a sale's weights document is public (its SHA-256 is anchored on-chain); none exists for the zero id",
  },

  // ---- compliance: KYC, console, batch, wallet links (compliance role) ------------------------------------------
  "components/compliance/kyc-actions.ts#rejectAction": {
    kind: "action",
    ok: () => [null, form({ id: ZERO_ID, message: "A reason of enough length." })],
    bad: () => [null, form({ id: ZERO_ID, message: "no" })],
    expect: { ok: [U, R, R, R, R, R, N, R], bad: [I, I, I, I, I, I, I, I] },
    note: "the action pipeline: the input is parsed before the session and the role",
  },
  "components/compliance/kyc-actions.ts#requestInformationAction": {
    kind: "action",
    ok: () => [null, form({ id: ZERO_ID, message: "Please send a clearer copy." })],
    bad: () => [null, form({ id: "x", message: "Please send a clearer copy." })],
    expect: { ok: [U, R, R, R, R, R, N, R], bad: [I, I, I, I, I, I, I, I] },
  },
  "components/compliance/kyc-actions.ts#beginPreApprovalAction": {
    kind: "action",
    ok: () => [{ id: ZERO_ID }],
    bad: () => [{ id: null }],
    expect: { ok: [U, R, R, R, R, R, N, R], bad: [I, I, I, I, I, I, I, I] },
  },
  "components/compliance/kyc-actions.ts#preApproveAction": {
    kind: "action",
    ok: () => [{ id: ZERO_ID, txHash: null }],
    bad: () => [{ id: ZERO_ID, txHash: "0x1" }],
    expect: { ok: [U, R, R, R, R, R, N, R], bad: [I, I, I, I, I, I, I, I] },
  },
  "components/compliance/kyc-actions.ts#saveReviewAction": {
    kind: "action",
    ok: () => [{ id: ZERO_ID, checklist: { identity_match: true }, note: "matrix" }],
    bad: () => [{ id: ZERO_ID, checklist: { "BAD KEY": "yes" } }],
    expect: { ok: [U, R, R, R, R, R, N, R], bad: [I, I, I, I, I, I, I, I] },
  },
  "components/compliance/kyc-actions.ts#beginApprovalAction": {
    kind: "action",
    ok: () => [{ id: ZERO_ID }],
    bad: () => [{ id: [] }],
    expect: { ok: [U, R, R, R, R, R, N, R], bad: [I, I, I, I, I, I, I, I] },
  },
  "components/compliance/kyc-actions.ts#confirmApprovalAction": {
    kind: "action",
    ok: () => [{ id: ZERO_ID, txHash: null }],
    bad: () => [{ id: ZERO_ID, txHash: 5 }],
    expect: { ok: [U, R, R, R, R, R, N, R], bad: [I, I, I, I, I, I, I, I] },
  },
  // ---- issuer applications (KYB): the applicant's own, and compliance's decisions (identity agents) --------------
  "components/kyb/actions.ts#saveIssuerApplicationAction": {
    kind: "action",
    ok: () => [kybDraft([MEI_WALLET])],
    bad: () => [{ ...kybDraft([]), crNumber: "12 34" }],
    expect: {
      ok: [
        U,
        "state:wallet_investor",
        "state:applicant_investor",
        "state:applicant_investor",
        "state:applicant_role",
        "state:applicant_role",
        "state:applicant_role",
        "state:applicant_role",
      ],
      bad: [I, I, I, I, I, I, I, I],
    },
    note: "any signed-in wallet applies for a company; naming an investor's wallet as signatory is refused before any row is written",
  },
  "components/kyb/actions.ts#submitIssuerApplicationAction": {
    kind: "action",
    ok: () => [{ id: ZERO_ID }],
    bad: () => [{ id: "x" }],
    expect: { ok: [U, N, N, N, N, N, N, N], bad: [I, I, I, I, I, I, I, I] },
    note: "only the applying wallet reaches its application",
  },
  "components/compliance/kyb-actions.ts#rejectKybAction": {
    kind: "action",
    ok: () => [null, form({ id: ZERO_ID, message: "A reason of enough length." })],
    bad: () => [null, form({ id: ZERO_ID, message: "no" })],
    expect: { ok: [U, R, R, R, R, R, N, R], bad: [I, I, I, I, I, I, I, I] },
  },
  "components/compliance/kyb-actions.ts#requestKybInformationAction": {
    kind: "action",
    ok: () => [null, form({ id: ZERO_ID, message: "Please add the board resolution." })],
    bad: () => [null, form({ id: "x", message: "Please add the board resolution." })],
    expect: { ok: [U, R, R, R, R, R, N, R], bad: [I, I, I, I, I, I, I, I] },
  },
  "components/compliance/kyb-actions.ts#saveKybReviewAction": {
    kind: "action",
    ok: () => [{ id: ZERO_ID, checklist: { sanctions_clear: true }, note: "matrix" }],
    bad: () => [{ id: ZERO_ID, checklist: { "BAD KEY": "yes" } }],
    expect: { ok: [U, R, R, R, R, R, N, R], bad: [I, I, I, I, I, I, I, I] },
  },
  "components/compliance/kyb-actions.ts#preApproveKybAction": {
    kind: "action",
    ok: () => [{ id: ZERO_ID }],
    bad: () => [{ id: null }],
    expect: { ok: [U, R, R, R, R, R, N, R], bad: [I, I, I, I, I, I, I, I] },
  },
  "components/compliance/kyb-actions.ts#approveKybAction": {
    kind: "action",
    ok: () => [{ id: ZERO_ID }],
    bad: () => [{ id: [] }],
    expect: { ok: [U, R, R, R, R, R, N, R], bad: [I, I, I, I, I, I, I, I] },
  },
  "components/compliance/console/actions.ts#recordAgentActionAction": {
    kind: "action",
    ok: () => [{ txHash: NO_TX, reason: "matrix: a transaction that does not exist" }],
    bad: () => [{ txHash: NO_TX, reason: "no" }],
    expect: { ok: [U, R, R, R, R, R, "state:tx_not_found", R], bad: [I, I, I, I, I, I, I, I] },
  },
  "components/compliance/distributions/actions.ts#recordDistributionHoldAction": {
    kind: "action",
    ok: () => [{ onChainId: "999999", txHash: NO_TX }],
    bad: () => [{ onChainId: "1", txHash: "0x12" }],
    expect: { ok: [U, R, R, R, R, R, "state:tx_not_found", R], bad: [I, I, I, I, I, I, I, I] },
    note: "the registry's agents only (the distributor's hold); an unknown transaction is answered at once",
  },
  "components/compliance/console/batch-actions.ts#previewBatchAction": {
    kind: "action",
    ok: (f) => [{ token: f.token, mode: "freeze", list: "" }],
    bad: (f) => [{ token: f.token, mode: "burn", list: "" }],
    expect: { ok: [U, R, R, R, R, R, "state:empty", R], bad: [I, I, I, I, I, I, I, I] },
    note: "reads only",
  },
  "components/compliance/console/batch-transfer-actions.ts#previewBatchTransferAction": {
    kind: "action",
    ok: (f) => [{ token: f.token, list: "" }],
    bad: () => [{ token: "x", list: "" }],
    expect: { ok: [U, R, R, R, R, R, "state:empty", R], bad: [I, I, I, I, I, I, I, I] },
    note: "reads only",
  },
  "components/compliance/console/batch-transfer-actions.ts#previewTransferProposalAction": {
    kind: "action",
    ok: () => [{ id: "999999" }],
    bad: () => [{ id: "0" }],
    expect: { ok: [U, R, R, R, R, R, "state:not_pending", R], bad: [I, I, I, I, I, I, I, I] },
    note: "reads only; no such proposal",
  },
  "components/admin/role-actions.ts#checkRoleChangeAction": {
    kind: "action",
    ok: () => [{ change: "revoke", role: "identityAgent", account: "0x000000000000000000000000000000000000dEaD" }],
    bad: () => [{ change: "revoke", role: "owner", account: "0xnot-a-wallet" }],
    expect: { ok: [U, R, R, R, R, R, R, "state:not_holder"], bad: [I, I, I, I, I, I, I, I] },
    note: "reads only; the wallet holds no role",
  },
  "components/admin/role-actions.ts#recordRoleChangeAction": {
    kind: "action",
    ok: () => [
      {
        change: "grant",
        role: "identityAgent",
        account: "0x000000000000000000000000000000000000dEaD",
        reason: "matrix: a transaction that does not exist",
        txHash: NO_TX,
      },
    ],
    bad: () => [{ change: "grant", role: "identityAgent", account: "0xnot-a-wallet", reason: "no", txHash: NO_TX }],
    expect: { ok: [U, R, R, R, R, R, R, "state:tx_not_found"], bad: [I, I, I, I, I, I, I, I] },
    note: "the admin's role change is verified from its transaction; an unknown hash is refused without waiting",
  },
  "components/admin/settings-actions.ts#setKycValidityAction": {
    kind: "action",
    ok: () => [{ months: 12 }],
    bad: () => [{ months: 40 }],
    expect: { ok: [U, R, R, R, R, R, R, "state:unchanged"], bad: [I, I, I, I, I, I, I, I] },
    note: "the period already set (the default, or put back by the settings journey): refused as unchanged, nothing written",
  },
  "components/admin/settings-actions.ts#setTokenRuleDefaultsAction": {
    kind: "action",
    ok: () => [
      {
        allowedCountries: [344],
        categories: ["retail", "professional", "institutional"],
        maxHolders: "500",
        lockupDays: "0",
      },
    ],
    bad: () => [{ allowedCountries: [344], categories: [], maxHolders: "500", lockupDays: "0" }],
    expect: { ok: [U, R, R, R, R, R, R, "state:unchanged"], bad: [I, I, I, I, I, I, I, I] },
    note: "the platform's default rules, already in force: refused as unchanged, nothing written",
  },
  "components/admin/settings-actions.ts#recordMarketFeeAction": {
    kind: "action",
    ok: () => [{ feeBps: 50, feeRecipient: SOME_WALLET, txHash: NO_TX }],
    bad: () => [{ feeBps: 150, feeRecipient: SOME_WALLET, txHash: NO_TX }],
    expect: { ok: [U, R, R, R, R, R, R, "state:tx_not_found"], bad: [I, I, I, I, I, I, I, I] },
    note: "the admin's fee change is verified from its transaction; an unknown hash is refused without waiting",
  },
  "components/admin/settings-actions.ts#recordFeesWithdrawalAction": {
    kind: "action",
    ok: () => [{ txHash: NO_TX }],
    bad: () => [{ txHash: "0xnot-a-hash" }],
    expect: { ok: [U, R, R, R, R, R, R, "state:tx_not_found"], bad: [I, I, I, I, I, I, I, I] },
    note: "the admin's payout of accrued fees is verified from its transaction; an unknown hash is refused without waiting",
  },
  "components/compliance/platform-stop-actions.ts#recordPlatformStopAction": {
    kind: "action",
    ok: () => [{ stop: true, reason: "matrix: a transaction that does not exist", txHash: NO_TX }],
    bad: () => [{ stop: true, reason: "no", txHash: NO_TX }],
    expect: { ok: [U, R, R, R, R, R, R, "state:tx_failed"], bad: [I, I, I, I, I, I, I, I] },
    note: "the admin's stop is verified from its transaction; an unknown hash is refused without waiting",
  },
  "components/compliance/wallet-link-actions.ts#beginWalletLinkAction": {
    kind: "action",
    ok: () => [{ id: ZERO_ID }],
    bad: () => [{ id: "x" }],
    expect: { ok: [U, R, R, R, R, R, N, R], bad: [I, I, I, I, I, I, I, I] },
  },
  "components/compliance/wallet-link-actions.ts#confirmWalletLinkAction": {
    kind: "action",
    ok: () => [{ id: ZERO_ID, txHash: null }],
    bad: () => [{ id: ZERO_ID, txHash: "x" }],
    expect: { ok: [U, R, R, R, R, R, N, R], bad: [I, I, I, I, I, I, I, I] },
  },
  "components/compliance/wallet-link-actions.ts#rejectWalletLinkAction": {
    kind: "action",
    ok: () => [null, form({ id: ZERO_ID, reason: "matrix: not a real request" })],
    bad: () => [null, form({ id: ZERO_ID, reason: "no" })],
    expect: { ok: [U, R, R, R, R, R, N, R], bad: [I, I, I, I, I, I, I, I] },
  },
  "components/compliance/wallet-link-actions.ts#officerStartLinkAction": {
    kind: "action",
    ok: () => [{ investorId: ZERO_ID, wallet: SOME_WALLET }],
    bad: () => [{ investorId: ZERO_ID, wallet: "nope" }],
    expect: { ok: [U, R, R, R, R, R, "state:investor_not_found", R], bad: [I, I, I, I, I, I, I, I] },
  },
  "components/compliance/wallet-link-actions.ts#beginUnlinkAction": {
    kind: "action",
    ok: () => [{ id: ZERO_ID }],
    bad: () => [{ id: "x" }],
    expect: { ok: [U, R, R, R, R, R, N, R], bad: [I, I, I, I, I, I, I, I] },
  },
  "components/compliance/wallet-link-actions.ts#confirmUnlinkAction": {
    kind: "action",
    ok: () => [{ id: ZERO_ID, txHash: NO_TX }],
    bad: () => [{ id: ZERO_ID, txHash: null }],
    expect: { ok: [U, R, R, R, R, R, N, R], bad: [I, I, I, I, I, I, I, I] },
  },

  // ---- route handlers ---------------------------------------------------------------------------------------
  "/api/health": {
    kind: "route",
    method: "GET",
    ok: () => ({ path: "/api/health" }),
    bad: () => ({ path: "/api/health?x=%00" }),
    expect: { ok: [A, A, A, A, A, A, A, A], bad: [A, A, A, A, A, A, A, A] },
  },
  "/documents/[id]": {
    kind: "route",
    method: "GET",
    ok: (f) => ({ path: f.documentPath }),
    bad: () => ({ path: "/documents/..%2F..%2Fsecrets.json" }),
    expect: { ok: [A, A, A, A, A, A, A, A], bad: [N, N, N, N, N, N, N, N] },
    note: "documents of approved listings are public",
  },
  "/media/[...path]": {
    kind: "route",
    method: "GET",
    ok: (f) => ({ path: f.mediaPath }),
    bad: () => ({ path: "/media/artworks/x/..%2F..%2F..%2Fsecrets.json" }),
    expect: { ok: [A, A, A, A, A, A, A, A], bad: [N, N, N, N, N, N, N, N] },
  },
  "components/portfolio/distribution-actions.ts#recordDistributionClaimAction": {
    kind: "action",
    ok: () => [{ txHash: NO_TX }],
    bad: () => [{ txHash: "0x1234" }],
    expect: {
      ok: [U, NO_CLAIM, NO_CLAIM, NO_CLAIM, NO_CLAIM, NO_CLAIM, NO_CLAIM, NO_CLAIM],
      bad: [I, I, I, I, I, I, I, I],
    },
    note: "any signed-in wallet records its own claim; a claim transaction the node does not know: answered at once, nothing audited",
  },
  "/api/distributions/[id]/tree": {
    kind: "route",
    method: "GET",
    ok: () => ({ path: `/api/distributions/${ZERO_ID}/tree` }),
    bad: () => ({ path: "/api/distributions/not-an-id/tree" }),
    expect: { ok: [N, N, N, N, N, N, N, N], bad: [N, N, N, N, N, N, N, N] },
    note: "a distribution's tree document is public (its SHA-256 is anchored on-chain); none exists for the zero id",
  },
  "/api/kyc/documents/[id]": {
    kind: "route",
    method: "GET",
    ok: () => ({ path: `/api/kyc/documents/${ZERO_ID}` }),
    bad: () => ({ path: "/api/kyc/documents/not-an-id" }),
    expect: { ok: [U, N, N, N, N, N, N, N], bad: [U, N, N, N, N, N, N, N] },
  },
  "/api/uploads/kyc/[applicationId]/[kind]": {
    kind: "route",
    method: "POST",
    ok: (f) => ({
      path: `/api/uploads/kyc/${f.investorApplication}/identity?name=a.pdf`,
      body: "%PDF-1.4",
      contentType: "application/pdf",
    }),
    bad: () => ({
      path: `/api/uploads/kyc/not-an-id/passport-scan?name=a.pdf`,
      body: "",
      contentType: "application/pdf",
    }),
    expect: { ok: [U, R, "state:not_editable", R, R, R, R, R], bad: [U, I, I, I, I, I, I, I] },
    note: "only the applicant adds to an application (403 before any byte is read), and only while it is editable",
  },
  "/api/kyb/documents/[id]": {
    kind: "route",
    method: "GET",
    ok: () => ({ path: `/api/kyb/documents/${ZERO_ID}` }),
    bad: () => ({ path: "/api/kyb/documents/not-an-id" }),
    expect: { ok: [U, N, N, N, N, N, N, N], bad: [U, N, N, N, N, N, N, N] },
    note: "a company document opens for its applicant and compliance only; anyone else is told it does not exist",
  },
  "/api/uploads/issuer-applications/[applicationId]/[kind]": {
    kind: "route",
    method: "POST",
    ok: () => ({
      path: `/api/uploads/issuer-applications/${ZERO_ID}/board_resolution?name=a.pdf`,
      body: "%PDF-1.4",
      contentType: "application/pdf",
    }),
    bad: () => ({
      path: `/api/uploads/issuer-applications/not-an-id/passport?name=a.pdf`,
      body: "",
      contentType: "application/pdf",
    }),
    expect: { ok: [U, R, R, R, R, R, R, R], bad: [U, I, I, I, I, I, I, I] },
    note: "only the applying wallet adds to its application (403 before any byte is read)",
  },
  "/api/uploads/issuer-profile/logo": {
    kind: "route",
    method: "POST",
    // Bytes that are no image: an issuer passes every guard and is refused by the content check (nothing stored).
    ok: () => ({ path: "/api/uploads/issuer-profile/logo", body: "not an image", contentType: "image/png" }),
    bad: () => ({ path: "/api/uploads/issuer-profile/logo", body: "", contentType: "image/png" }),
    expect: { ok: [U, R, R, R, I, I, R, R], bad: [U, R, R, R, I, I, R, R] },
    note: "an issuer's own logo (the session's wallet); the role is checked before any byte is read",
  },
  "/api/uploads/listings/[id]/images": {
    kind: "route",
    method: "POST",
    ok: (f) => ({ path: `/api/uploads/listings/${listingListing(f)}/images?alt=x`, body: form({}) }),
    bad: () => ({ path: `/api/uploads/listings/not-a-uuid/images`, body: form({}) }),
    expect: {
      ok: [U, R, R, R, R, "state:not_editable", R, R],
      bad: [U, R, R, R, N, N, R, R],
    },
    note: "the other issuer's listing (403 for lumen); harbourfront's own is approved, so no file is taken",
  },
  "/api/uploads/listings/[id]/documents": {
    kind: "route",
    method: "POST",
    ok: (f) => ({
      path: `/api/uploads/listings/${listingListing(f)}/documents?title=x&kind=appraisal`,
      body: form({}),
    }),
    bad: () => ({ path: `/api/uploads/listings/not-a-uuid/documents`, body: form({}) }),
    expect: {
      ok: [U, R, R, R, R, "state:not_editable", R, R],
      bad: [U, R, R, R, N, N, R, R],
    },
  },
  "/api/uploads/listings/[id]/updates": {
    kind: "route",
    method: "POST",
    // Multipart without fields: the owner passes every guard and is refused by the content check.
    ok: (f) => ({ path: `/api/uploads/listings/${listingListing(f)}/updates`, body: form({}) }),
    bad: (f) => ({ path: `/api/uploads/listings/${listingListing(f)}/updates`, body: "x", contentType: "text/plain" }),
    expect: {
      ok: [U, R, R, R, R, I, R, R],
      bad: [U, R, R, R, R, I, R, R],
    },
  },
  "/portfolio/statement.csv": {
    kind: "route",
    method: "GET",
    ok: () => ({ path: "/portfolio/statement.csv" }),
    bad: () => ({ path: "/portfolio/statement.csv?evil=1" }),
    expect: { ok: [U, A, A, A, A, A, A, A], bad: [I, I, I, I, I, I, I, I] },
    note: "the caller's own holdings only (an empty statement for a wallet that holds nothing)",
  },
  "/portfolio/statement.pdf": {
    kind: "route",
    method: "GET",
    // This year in Hong Kong (the route refuses a year after it).
    ok: () => ({ path: `/portfolio/statement.pdf?year=${new Date(Date.now() + 8 * 3_600_000).getUTCFullYear()}` }),
    bad: () => ({ path: "/portfolio/statement.pdf?year=20x6&evil=1" }),
    expect: { ok: [U, A, A, A, A, A, A, A], bad: [I, I, I, I, I, I, I, I] },
    note: "the caller's own yearly statement only (no wallet or investor parameter; an empty one for a wallet with no activity)",
  },
  "/compliance/audit/audit.csv": {
    kind: "route",
    method: "GET",
    ok: () => ({ path: "/compliance/audit/audit.csv?action=auth.forbidden" }),
    bad: () => ({ path: "/compliance/audit/audit.csv?from=notadate&page=-1" }),
    expect: { ok: [N, N, N, N, N, N, A, N], bad: [N, N, N, N, N, N, A, N] },
    note: "staff pages answer 404 to everyone else (their existence is not revealed)",
  },
  "/compliance/tokens/[address]/register.csv": {
    kind: "route",
    method: "GET",
    ok: (f) => ({ path: `/compliance/tokens/${f.token}/register.csv` }),
    bad: () => ({ path: "/compliance/tokens/0xnot-an-address/register.csv" }),
    expect: { ok: [N, N, N, N, N, N, A, N], bad: [N, N, N, N, N, N, N, N] },
  },
};

// ---------------------------------------------------------------------------------------------------------------
// Discovery from the build

type ManifestEntry = { filename?: string; exportedName?: string };

function buildActions(): Map<string, string> {
  const manifest = JSON.parse(
    readFileSync(path.join(E2E_DIST_DIR, "server", "server-reference-manifest.json"), "utf8"),
  ) as { node: Record<string, ManifestEntry>; edge?: Record<string, ManifestEntry> };
  const found = new Map<string, string>();
  for (const [id, v] of [...Object.entries(manifest.node), ...Object.entries(manifest.edge ?? {})]) {
    if (!v.filename || !v.exportedName) throw new Error(`action ${id} without module or export in the manifest`);
    found.set(`${v.filename}#${v.exportedName}`, id);
  }
  return found;
}

function buildRoutes(): Set<string> {
  const manifest = JSON.parse(readFileSync(path.join(E2E_DIST_DIR, "app-path-routes-manifest.json"), "utf8")) as Record<
    string,
    string
  >;
  // "/(wallet)/compliance/audit/audit.csv/route" → "/compliance/audit/audit.csv"; pages end in /page.
  return new Set(
    Object.entries(manifest)
      .filter(([entry]) => entry.endsWith("/route"))
      .map(([, route]) => route)
      // Next's own metadata routes (icons, robots) are files, not handlers of ours.
      .filter(
        (route) => !/\/(favicon\.ico|icon|apple-icon|robots\.txt|sitemap\.xml|manifest\.webmanifest)$/.test(route),
      ),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Calling

type ActionResponse = { status: number; redirect: string | null; value: unknown; error: boolean; raw: string };

/** Rows of a React Flight response: `<hex id>:<json>`; typed rows (`I`, `E`, `T`, …) start with a letter. */
function parseFlight(text: string): { rows: Map<string, unknown>; errors: Set<string> } {
  const rows = new Map<string, unknown>();
  const errors = new Set<string>();
  for (const line of text.split("\n")) {
    const m = /^([0-9a-f]+):(.*)$/.exec(line);
    if (!m) continue;
    const [, id, rest] = m;
    if (rest!.startsWith("E")) {
      errors.add(id!);
      continue;
    }
    if (!/^[[{"0-9tfn-]/.test(rest!)) continue;
    try {
      rows.set(id!, JSON.parse(rest!));
    } catch {
      // a text row, not a model
    }
  }
  return { rows, errors };
}

function resolveFlight(value: unknown, rows: Map<string, unknown>, depth = 0): unknown {
  if (depth > 20) return value;
  if (typeof value === "string") {
    if (value === "$undefined") return undefined;
    const ref = /^\$@?([0-9a-f]+)$/.exec(value);
    if (ref && rows.has(ref[1]!)) return resolveFlight(rows.get(ref[1]!), rows, depth + 1);
    if (value.startsWith("$$")) return value.slice(1);
    return value;
  }
  if (Array.isArray(value)) return value.map((v) => resolveFlight(v, rows, depth + 1));
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveFlight(v, rows, depth + 1)]));
  return value;
}

async function callAction(id: string, args: unknown[], cookie: string | null): Promise<ActionResponse> {
  const encoded = await encodeReply(args);
  const headers: Record<string, string> = {
    "Next-Action": id,
    Accept: "text/x-component",
    Origin: E2E_ORIGIN,
  };
  if (typeof encoded === "string") headers["Content-Type"] = "text/plain;charset=UTF-8";
  if (cookie) headers.Cookie = cookie;
  const res = await fetch(`${E2E_ORIGIN}/`, { method: "POST", headers, body: encoded, redirect: "manual" });
  const raw = await res.text();
  const redirect = res.headers.get("x-action-redirect");
  const { rows, errors } = parseFlight(raw);
  const root = rows.get("0") as { a?: unknown } | undefined;
  const a = root && typeof root === "object" && "a" in root ? root.a : undefined;
  // The action threw: its result is a reference to an error row (or there is no root at all).
  const threw = (typeof a === "string" && errors.has(a.replace(/^\$@?/, ""))) || (!root && errors.size > 0);
  const value = threw ? undefined : resolveFlight(a, rows);
  return { status: res.status, redirect, value, error: threw, raw };
}

function actionOutcome(r: ActionResponse): Outcome {
  if (r.status >= 500 || r.error) return "error";
  if (r.redirect) return r.redirect.startsWith("/sign-in") ? "unauthenticated" : "allowed";
  const v = r.value as { ok?: boolean; code?: string } | undefined | null;
  if (v === undefined || v === null) return "allowed";
  if (v.ok === true) return "allowed";
  switch (v.code) {
    case "unauthenticated":
      return "unauthenticated";
    case "forbidden":
      return "refused";
    case "invalid":
    case "invalid_input":
      return "invalid";
    case "not_found":
    case "image_not_found":
      return "not-found";
    default:
      return `state:${v.code}`;
  }
}

async function callRoute(
  method: "GET" | "POST",
  req: { path: string; body?: FormData | string; contentType?: string },
  cookie: string | null,
): Promise<{ status: number; code?: string }> {
  const headers: Record<string, string> = { Origin: E2E_ORIGIN };
  if (cookie) headers.Cookie = cookie;
  if (req.contentType) headers["Content-Type"] = req.contentType;
  const res = await fetch(`${E2E_ORIGIN}${req.path}`, { method, headers, body: req.body, redirect: "manual" });
  const text = await res.text();
  let code: string | undefined;
  try {
    code = (JSON.parse(text) as { code?: string }).code;
  } catch {
    // not JSON
  }
  return { status: res.status, code };
}

function routeOutcome(r: { status: number; code?: string }): Outcome {
  if (r.status >= 500) return "error";
  if (r.status >= 200 && r.status < 300) return "allowed";
  if (r.status === 401) return "unauthenticated";
  if (r.status === 403) return "refused";
  if (r.status === 404) return "not-found";
  if (r.status === 400 || r.status === 422) return "invalid";
  if (r.status >= 300 && r.status < 400) return "allowed";
  return `state:${r.code ?? r.status}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Sessions: a real EIP-4361 sign-in through the app's own actions, signed with the wallet's key.

const sessionCookies = new Map<Caller, string | null>();

function cookieHeader(res: Response): string {
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .filter((c) => !/=$/.test(c))
    .join("; ");
}

/**
 * The sign-in limits (nonce 30 and sign-in 20 a minute per IP) hold here too: every caller of the matrix shares the
 * test's IP, and its sign-in rows call those actions 16 times each. A call refused as `rate_limited` is repeated
 * once the server's own Retry-After has passed, so a cell records the action's answer, not the shared budget.
 */
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
function retryAfterOf(value: unknown): number | null {
  const v = value as { code?: string; retryAfterSeconds?: number } | null | undefined;
  return v && v.code === "rate_limited" ? (v.retryAfterSeconds ?? 60) : null;
}

async function signIn(actions: Map<string, string>, index: number): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await signInOnce(actions, index);
    } catch (error) {
      const wait = error instanceof RateLimited ? error.seconds : null;
      if (wait === null || attempt >= 3) throw error;
      await sleep((wait + 1) * 1000);
    }
  }
}

class RateLimited extends Error {
  constructor(readonly seconds: number) {
    super(`rate limited for ${seconds} s`);
  }
}

async function signInOnce(actions: Map<string, string>, index: number): Promise<string> {
  const account = mnemonicToAccount(DEV_MNEMONIC, { addressIndex: index });
  const nonce = await callAction(actions.get("components/wallet/actions.ts#getNonceAction")!, [], null);
  const limited = retryAfterOf(nonce.value);
  if (limited !== null) throw new RateLimited(limited);
  const { nonce: n } = nonce.value as { ok: true; nonce: string };
  const message = buildSignInMessage({ address: account.address, chainId: 31337, nonce: n, origin: E2E_ORIGIN });
  const signature = await account.signMessage({ message });
  const res = await fetch(`${E2E_ORIGIN}/`, {
    method: "POST",
    headers: {
      "Next-Action": actions.get("components/wallet/actions.ts#signInAction")!,
      Accept: "text/x-component",
      "Content-Type": "text/plain;charset=UTF-8",
      Origin: E2E_ORIGIN,
    },
    body: (await encodeReply([{ message, signature }])) as string,
  });
  const cookie = cookieHeader(res);
  const text = await res.text();
  const wait = /"retryAfterSeconds":(\d+)/.exec(text);
  if (!cookie && text.includes('"rate_limited"')) throw new RateLimited(wait ? Number(wait[1]) : 60);
  if (!cookie) throw new Error(`sign-in of wallet #${index} set no cookie: ${text.slice(0, 300)}`);
  return cookie;
}

// ---------------------------------------------------------------------------------------------------------------
// Fixture objects, read from the running stack

async function readFixture(
  issuerCookie: string,
  otherIssuerCookie: string,
  complianceCookie: string,
): Promise<Fixture> {
  const deployments = JSON.parse(readFileSync(path.join(E2E_DATA_DIR, "deployments", "31337.json"), "utf8")) as {
    shareTokenFactory: Address;
    identityRegistry: Address;
  };
  const client = createPublicClient({ transport: http(ANVIL_URL) });
  const [token] = await client.readContract({
    address: deployments.shareTokenFactory,
    abi: parseAbi(["function tokens(uint256 offset, uint256 limit) view returns (address[])"]),
    functionName: "tokens",
    args: [0n, 1n],
  });
  const listingOf = async (cookie: string) => {
    const html = await (await fetch(`${E2E_ORIGIN}/issuer`, { headers: { Cookie: cookie } })).text();
    const id = /\/issuer\/artworks\/([0-9a-f-]{36})/.exec(html)?.[1];
    if (!id) throw new Error("no listing on the issuer console");
    return id;
  };
  const artworkHtml = (await (await fetch(`${E2E_ORIGIN}/artworks/harbour-at-dusk-no-3`)).text()).replace(/%2F/gi, "/");
  const documentPath = /\/documents\/[0-9a-f-]{36}/.exec(artworkHtml)?.[0];
  const mediaPath = /\/media\/artworks\/[^"&?\s]+\.(?:webp|jpg|jpeg|png|avif)/.exec(artworkHtml)?.[0];
  if (!documentPath || !mediaPath) throw new Error("no public document or image on the artwork page");
  const queue = await (
    await fetch(`${E2E_ORIGIN}/compliance/kyc?status=approved`, { headers: { Cookie: complianceCookie } })
  ).text();
  const investorApplication = /\/compliance\/kyc\/([0-9a-f-]{36})"[^>]*>Mei Chan</.exec(queue)?.[1];
  if (!investorApplication) throw new Error("no approved application of Mei Chan in the KYC queue");
  return {
    investorApplication,
    issuerListing: await listingOf(issuerCookie),
    otherIssuerListing: await listingOf(otherIssuerCookie),
    token: getAddress(token!),
    identityRegistry: deployments.identityRegistry,
    documentPath,
    mediaPath,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Audit log: the rows written while the matrix ran (read through the compliance export).

function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n") {
      row.push(field.replace(/\r$/, ""));
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  return rows;
}

/**
 * Audit entries after `afterId`, less those the indexer's reconciliation wrote meanwhile (`details.source` "indexer"):
 * agent transactions it found on-chain — the seed's, or an earlier journey's — which no call of the matrix made.
 */
async function auditSince(cookie: string, afterId: number): Promise<{ id: number; action: string; actor: string }[]> {
  const text = await (await fetch(`${E2E_ORIGIN}/compliance/audit/audit.csv`, { headers: { Cookie: cookie } })).text();
  const [header, ...rows] = csvRows(text);
  const col = (name: string) => header!.indexOf(name);
  // The export writes `after` as `key=value` pairs (lib/compliance/audit-query `auditDetails`): "source=indexer".
  const fromIndexer = (details: string | undefined) => /(^|[\s·])source=indexer(\s|$)/.test(details ?? "");
  return rows
    .filter((r) => !fromIndexer(r[col("details")]))
    .map((r) => ({ id: Number(r[col("id")]), action: r[col("action")]!, actor: r[col("actor")]! }))
    .filter((r) => r.id > afterId);
}

// ---------------------------------------------------------------------------------------------------------------

/**
 * Audit entries a call of the matrix may leave: refusals (`auth.forbidden`, a domain's own `*.refused` record of a
 * privileged attempt its state refused), the exports it reads, its own sign-ins and sign-outs. Anything else is a
 * change a refused (or harmless) call must not have made.
 */
const AUDIT_OF_READS = new Set([
  "auth.forbidden",
  "audit.exported",
  "register.exported",
  "portfolio.statement_exported",
  "auth.sign_in",
  "auth.sign_out",
  "auth.sign_out_everywhere",
  // Allowed to every signed-in caller on their own account, and audited as consent to email: not a refused call's.
  "notifications.preferences_save",
]);
const auditAllowed = (action: string) => AUDIT_OF_READS.has(action) || /[._]refused$/.test(action);

test("authorization matrix: every action and route of the build, as eight callers, well-formed and malformed", async () => {
  // Up to three minutes of calls, plus waits for the shared sign-in limits to reset.
  test.setTimeout(420_000);
  const actions = buildActions();
  const routes = buildRoutes();

  // 1. The table and the build name the same actions and routes.
  const actionKeys = Object.entries(MATRIX)
    .filter(([, r]) => r.kind === "action")
    .map(([k]) => k);
  const routeKeys = Object.entries(MATRIX)
    .filter(([, r]) => r.kind === "route")
    .map(([k]) => k);
  expect(
    [...actions.keys()].filter((k) => !actionKeys.includes(k)),
    "actions of the build missing from MATRIX",
  ).toEqual([]);
  expect(
    actionKeys.filter((k) => !actions.has(k)),
    "MATRIX rows with no action in the build",
  ).toEqual([]);
  expect(
    [...routes].filter((k) => !routeKeys.includes(k)),
    "routes of the build missing from MATRIX",
  ).toEqual([]);
  expect(
    routeKeys.filter((k) => !routes.has(k)),
    "MATRIX rows with no route in the build",
  ).toEqual([]);

  // 2. Sessions (the anonymous caller has none).
  sessionCookies.set("anonymous", null);
  for (const caller of CALLERS.slice(1) as Exclude<Caller, "anonymous">[])
    sessionCookies.set(caller, await signIn(actions, WALLET_INDEX[caller]));
  const complianceCookie = sessionCookies.get("compliance")!;
  const fixture = await readFixture(
    sessionCookies.get("issuer")!,
    sessionCookies.get("otherIssuer")!,
    sessionCookies.get("compliance")!,
  );
  const auditStart = Math.max(0, ...(await auditSince(complianceCookie, 0)).map((r) => r.id));

  // 3. Every cell. Sign-out actions last: they end the session they are called with.
  const last = new Set([
    "components/wallet/actions.ts#signOutAction",
    "components/wallet/actions.ts#signOutEverywhereAction",
  ]);
  // The sign-in rows first: their window of the shared per-IP sign-in limits has passed by the time the other rows
  // are done, so the journeys after this one start with the budget they expect.
  const first = new Set(["components/wallet/actions.ts#getNonceAction", "components/wallet/actions.ts#signInAction"]);
  const rank = (k: string) => (first.has(k) ? 0 : last.has(k) ? 2 : 1);
  const ordered = Object.keys(MATRIX).sort((a, b) => rank(a) - rank(b));
  const mismatches: string[] = [];
  let called = 0;
  let skipped = 0;
  for (const key of ordered) {
    const row = MATRIX[key]!;
    for (const variant of ["ok", "bad"] as const) {
      const cells = row.expect[variant];
      await Promise.all(
        CALLERS.map(async (caller, i) => {
          const expected = cells[i]!;
          if (typeof expected === "object") {
            skipped++;
            return;
          }
          const cookie = sessionCookies.get(caller) ?? null;
          let actual: Outcome;
          let detail = "";
          if (row.kind === "action") {
            let res = await callAction(actions.get(key)!, row[variant](fixture), cookie);
            // The shared sign-in budget ran out (see signIn): ask again once the server's wait has passed.
            for (let retry = 0; retry < 3 && expected !== "state:rate_limited"; retry++) {
              const wait = retryAfterOf(res.value);
              if (wait === null) break;
              await sleep((wait + 1) * 1000);
              res = await callAction(actions.get(key)!, row[variant](fixture), cookie);
            }
            actual = actionOutcome(res);
            detail = res.redirect
              ? ` redirect ${res.redirect}`
              : ` ${JSON.stringify(res.value ?? res.raw.slice(0, 200))}`;
          } else {
            const res = await callRoute(row.method, row[variant](fixture), cookie);
            actual = routeOutcome(res);
            detail = ` ${res.status} ${res.code ?? ""}`;
          }
          called++;
          if (actual !== expected)
            mismatches.push(
              `${key} [${variant}] as ${caller}: expected ${expected}, got ${actual}${detail.slice(0, 300)}`,
            );
        }),
      );
    }
  }
  console.log(
    `authorization matrix: ${actionKeys.length} actions × ${CALLERS.length} callers × 2 inputs, ` +
      `${routeKeys.length} routes × ${CALLERS.length} callers × 2 inputs; ${called} cells called, ${skipped} skipped`,
  );
  expect(mismatches, mismatches.join("\n")).toEqual([]);

  // 4. Refused calls wrote nothing: the audit log gained only refusals, the reads' own entries and sign-ins.
  const fresh = await signIn(actions, WALLET_INDEX.compliance);
  const written = await auditSince(fresh, auditStart);
  expect(written.filter((r) => !auditAllowed(r.action)).map((r) => `${r.id} ${r.action} by ${r.actor}`)).toEqual([]);
  // The unverified wallet is one the portal does not know: it leaves no permanent row at all (no refusal, no export).
  const stranger = mnemonicToAccount(DEV_MNEMONIC, { addressIndex: WALLET_INDEX.unverified }).address.toLowerCase();
  expect(written.filter((r) => r.actor.toLowerCase() === stranger).map((r) => `${r.id} ${r.action}`)).toEqual([]);
  // The reader sees this run's rows (its sign-ins); refusals are recorded up to a per-wallet cap, so their count is
  // not asserted here.
  expect(written.some((r) => r.action === "auth.sign_in")).toBe(true);
});
