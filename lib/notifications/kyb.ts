/**
 * A decision on a company's issuer application (know your business), told to the company: the wallet that applied
 * and each of its signatory wallets (each signs in with its own session and reads its own bell), once per person,
 * in the portal and by email in the reader's language. Called by lib/kyb's transitions inside the decision's own
 * transaction, as KYC decisions are (./events `emitKycDecision`). The issuer role itself is told when the chain
 * grants it (./roles). Plain module.
 */
import type { Database } from "@/lib/db/connect";
import { type MailSettings, notify } from "./emit";
import type { NotificationKind, Recipient } from "./kinds";
import { recipientOfWallet } from "./recipients";

/** The decisions the company is told of, by the state machine's event, with where it acts on each. */
const kybNotices: Record<string, { kind: NotificationKind; link: string }> = {
  request_information: { kind: "kyb_needs_information", link: "/issuer-application" },
  approve: { kind: "kyb_approved", link: "/issuer-application" },
  reject: { kind: "kyb_rejected", link: "/issuer-application" },
};

export type KybDecisionNotice = {
  applicationId: string;
  /** The wallet that applied, and the signatory wallets the issuer role goes to. */
  applicant: string;
  signatoryWallets: readonly string[];
  legalNameEn: string | null;
  legalNameZh: string | null;
  /** The state machine's event: `request_information`, `approve` and `reject` notify; others do not. */
  event: string;
  message?: string | null;
  at: Date;
};

/** Returns the ids of the new notifications (one per person; none for a move that is not a decision). */
export async function emitKybDecision(db: Database, n: KybDecisionNotice, settings?: MailSettings): Promise<string[]> {
  const notice = kybNotices[n.event];
  if (!notice) return [];
  const params: Record<string, string> = { company: n.legalNameEn ?? "", companyZh: n.legalNameZh ?? "" };
  if (notice.kind === "kyb_rejected") params.reason = n.message ?? "";
  if (notice.kind === "kyb_needs_information") params.request = n.message ?? "";
  // One notice per person: a signatory that is the applicant (or two wallets of one investor) is told once.
  const recipients = new Set<Recipient>();
  for (const wallet of [n.applicant, ...n.signatoryWallets]) recipients.add(await recipientOfWallet(db, wallet));
  const ids: string[] = [];
  for (const recipient of recipients) {
    const id = await notify(
      db,
      {
        recipient,
        kind: notice.kind,
        params,
        link: notice.link,
        dedupeKey: `kyb:${n.applicationId}:${n.event}:${n.at.toISOString()}:${recipient}`,
        now: n.at,
      },
      settings,
    );
    if (id) ids.push(id);
  }
  return ids;
}
