/**
 * Audit actions in words. The log keeps the dotted codes (`token.wallet_freeze`), and the CSV exports them as they
 * are; people read them in words, from `complianceConsole.audit.actions` in each language. Message keys cannot hold
 * dots, so each code's key is the code with dots as underscores. A refused attempt (`….refused`) reads as
 * "Refused: " + the words of what was attempted.
 */

/** Every action the portal writes. A test checks that each has words in every language. */
export const AUDIT_ACTION_CODES = [
  "auth.sign_in",
  "auth.sign_out",
  "auth.forbidden",
  "investor.create",
  "kyc.application.create",
  "kyc.step.save",
  "kyc.document.upload",
  "kyc.document.view",
  "kyc.document.view_refused",
  "kyc.submit",
  "kyc.start_review",
  "kyc.review.save",
  "kyc.request_information",
  "kyc.pre_approve",
  "kyc.pre_approve.begin",
  "kyc.approve.begin",
  "kyc.approve",
  "kyc.approve.refused",
  "kyc.pre_approve.refused",
  "kyc.reject",
  "kyc.expire",
  "wallet_link.start",
  "wallet_link.sign_current",
  "wallet_link.submit",
  "wallet_link.cancel",
  "wallet_link.approve",
  "wallet_link.propose",
  "platform.stop",
  "platform.resume",
  "admin.role_grant",
  "admin.role_revoke",
  "wallet_link.reject",
  "wallet_link.expire",
  "wallet_link.officer_start",
  "wallet_unlink.request",
  "wallet_unlink.cancel",
  "wallet_unlink.approve",
  "listing.create",
  "listing.update",
  "listing.image_add",
  "listing.image_remove",
  "listing.document_add",
  "listing.document_remove",
  "listing.submit",
  "listing.withdraw",
  "listing.delete",
  "listing.approve",
  "listing.return",
  "listing.approve.refused",
  "listing.return.refused",
  "listing.deploy.sent",
  "listing.deploy.failed",
  "listing.token_deployed",
  "listing.document_anchored",
  "listing.offering.sent",
  "listing.offering.failed",
  "listing.offering_created",
  "listing.offering_closed",
  "listing.proceeds_withdrawn",
  "listing.trading",
  "update.create",
  "update.publish",
  "update.document_anchored",
  "token.pause",
  "token.unpause",
  "token.wallet_freeze",
  "token.wallet_unfreeze",
  "token.shares_freeze",
  "token.shares_unfreeze",
  "token.forced_transfer",
  "token.wallet_recovery",
  "token.burn",
  "token.batch_wallet_freeze",
  "token.batch_wallet_unfreeze",
  "token.batch_shares_freeze",
  "token.batch_shares_unfreeze",
  "token.batch_forced_transfer",
  "token.batch_wallet_recovery",
  "token.batch_burn",
  "market.recovered_orders_cancel",
  "enforcement.propose",
  "enforcement.cancel",
  "registry.investor_register",
  "registry.investor_update",
  "registry.investor_remove",
  "registry.wallet_link",
  "registry.wallet_unlink",
  "registry.batch_investor_register",
  "registry.batch_investor_update",
  "registry.batch_investor_remove",
  "registry.batch_wallet_link",
  "registry.batch_wallet_unlink",
  "registry.investor_register_propose",
  "registry.investor_update_propose",
  "registry.investor_change_confirm",
  "registry.investor_change_cancel",
  "agent.onchain_action",
  "audit.exported",
  "register.exported",
  "portfolio.statement_exported",
  "distribution.claim",
  "artwork.seeded",
  "distribution.prepare",
  "distribution.create",
  "distribution.close",
  "distribution.hold",
  "distribution.release",
  "notifications.preferences_save",
  "notifications.unsubscribe",
  "notifications.follow",
  "notifications.unfollow",
] as const;

/** The message key of an action code (dots → underscores). */
export function auditActionKey(code: string): string {
  return code.replace(/\./g, "_");
}

/**
 * How to word an action: its own key, or — for a refused attempt — the key of what was attempted, marked refused.
 * `null` when the portal has no words for it (then the code itself is shown).
 */
export function auditActionWording(
  code: string,
  has: (key: string) => boolean,
): { key: string; refused: boolean } | null {
  const own = auditActionKey(code);
  if (has(own)) return { key: own, refused: false };
  if (code.endsWith(".refused")) {
    const attempted = auditActionKey(code.slice(0, -".refused".length));
    if (has(attempted)) return { key: attempted, refused: true };
  }
  return null;
}
