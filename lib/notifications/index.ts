export * from "./events";
export * from "./kyb";
export * from "./enforcement";
export * from "./holders";
export * from "./roles";
export * from "./emit";
export * from "./follows";
export * from "./inbox";
export {
  investorRecipient,
  isNotificationKind,
  notificationKinds,
  preferenceGroupNames,
  walletRecipient,
  type NotificationKind,
  type PreferenceGroup,
  type Recipient,
} from "./kinds";
export * from "./mailer";
export {
  backoffMs,
  claimDueEmails,
  deleteOldOutboxRows,
  drainOutbox,
  KEEP_FAILED_MS,
  KEEP_SENT_MS,
  MAX_ATTEMPTS,
  renewClaim,
  type SendEmail,
} from "./outbox";
export * from "./preferences";
export { toMailLocale, type MailLocale } from "./render";
export { emailWanted } from "./recipients";
export { unsubscribeToken, verifyUnsubscribeToken } from "./token";
export * from "./views";
export type { NotificationItem, PreferencesView } from "./types";
