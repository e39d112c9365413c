/** Public types of lib/notifications (open to components and routes). */
export type { NotificationKind, PreferenceGroup, Recipient } from "./kinds";

/** One notification as the portal shows it (already in the reader's words). */
export type NotificationItem = {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string;
  createdAt: Date;
  read: boolean;
};

/** A person's email preferences as the form shows them. */
export type PreferencesView = {
  locale: "en" | "zh-HK";
  /** Email on, per group. */
  email: Record<"kyc" | "orders" | "listings" | "offerings" | "holdings" | "roles", boolean>;
  unsubscribedAll: boolean;
  /** False when the portal knows no email address for this person (nothing can be sent). */
  hasEmail: boolean;
};
