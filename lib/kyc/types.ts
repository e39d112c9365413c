/** The KYC record types the UI shows, owned by lib/kyc (components do not import the database schema). */
export type { KycApplicationData, KycDocumentKind, KycStatus } from "@/lib/db/schema";

/**
 * One state-machine event applied to an application (an investor's KYC, an issuer's KYB) by someone: the row as
 * read, the event, who acts and in which role, and the columns the transition also writes.
 */
export type ApplicationTransition<App, Event, Role extends string, Insert> = {
  app: App;
  event: Event;
  actor: string;
  actorRole: Role;
  set?: Partial<Insert>;
};
