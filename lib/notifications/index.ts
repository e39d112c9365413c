/**
 * Notifications (issue 16): the one module that owns `notifications`, `notification_outbox`,
 * `notification_preferences` and `artwork_follows`. Events notify through the `emit…` functions inside their own
 * transaction; the portal lists and marks through the inbox functions; the outbox worker (lib/jobs/notifications.ts)
 * sends the emails. Plain module (no `server-only`): the indexer worker process emits order fills.
 */
export {
  emitExpiryReminders,
  emitKycDecision,
  emitListingReviewed,
  emitOfferingOpened,
  emitOrderFill,
  type OrderFill,
} from "./events";
export { emitDistributionToClaim, emitEnforcementNotices, type EnforcementEvent } from "./enforcement";
export { emitRoleChanges, type NotifiedRole, type RoleChangeNotice } from "./roles";
export { defaultMailSettings, notify, type MailSettings, type NotifyInput } from "./emit";
export {
  followArtworkBySlug,
  isFollowing,
  notifyOpenedOfferings,
  setFollow,
  type OfferingState,
  type ReadOfferings,
} from "./follows";
export { countUnread, listNotifications, markAllRead, markRead } from "./inbox";
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
export { createSmtpSender } from "./mailer";
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
export { getPreferences, savePreferences, unsubscribe } from "./preferences";
export { toMailLocale, type MailLocale } from "./render";
export { emailWanted } from "./recipients";
export { unsubscribeToken, verifyUnsubscribeToken } from "./token";
export { loadFollowState, loadNotificationsView, loadUnreadCount } from "./views";
export type { NotificationItem, PreferencesView } from "./types";
