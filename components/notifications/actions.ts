"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineFormAction, refuse, unwrap } from "@/lib/actions";
import { locales } from "@/lib/i18n/config";
import { followArtworkBySlug, markAllRead, markRead, savePreferences, unsubscribe } from "@/lib/notifications";

/*
 * Notifications through the action pipeline (lib/actions): zod → session → the domain, which filters every query
 * by the caller's own recipient keys (nobody marks another's notification). Plain forms with `useActionState`.
 */

const messages = "notifications.errors";
/** The header's bell and every page's count change: the whole layout is revalidated. */
const refresh = () => revalidatePath("/", "layout");

export const markNotificationReadAction = defineFormAction<"not_found">()({
  name: "notifications.markRead",
  input: z.object({ id: z.uuid() }),
  auth: "signedIn",
  messages,
  fromForm: (form) => ({ id: form.get("id") }),
  run: async ({ id }, { session, db }) => {
    if (!(await markRead(db, { address: session.address, id }))) refuse("not_found");
    refresh();
    return {};
  },
});

export const markAllNotificationsReadAction = defineFormAction()({
  name: "notifications.markAllRead",
  input: z.object({}),
  auth: "signedIn",
  messages,
  fromForm: () => ({}),
  run: async (_input, { session, db }) => {
    const marked = await markAllRead(db, { address: session.address });
    refresh();
    return { marked };
  },
});

const checkbox = z
  .enum(["on"])
  .nullable()
  .transform((v) => v === "on");

export const savePreferencesAction = defineFormAction<"unknown_wallet">()({
  name: "notifications.savePreferences",
  input: z.object({
    locale: z.enum(locales),
    kyc: checkbox,
    orders: checkbox,
    listings: checkbox,
    offerings: checkbox,
    holdings: checkbox,
    roles: checkbox,
  }),
  auth: "signedIn",
  messages,
  fromForm: (form) => ({
    locale: form.get("locale"),
    kyc: form.get("kyc"),
    orders: form.get("orders"),
    listings: form.get("listings"),
    offerings: form.get("offerings"),
    holdings: form.get("holdings"),
    roles: form.get("roles"),
  }),
  run: async ({ locale, ...email }, { session, db }) => {
    unwrap(await savePreferences(db, { address: session.address, locale, email }));
    revalidatePath("/notifications");
    return {};
  },
});

export const followArtworkAction = defineFormAction<"not_found" | "not_investor">()({
  name: "notifications.followArtwork",
  input: z.object({
    slug: z.string().regex(/^[a-z0-9-]{1,120}$/),
    follow: z.enum(["true", "false"]).transform((v) => v === "true"),
  }),
  auth: "signedIn",
  messages,
  fromForm: (form) => ({ slug: form.get("slug"), follow: form.get("follow") }),
  run: async ({ slug, follow }, { session, db }) => {
    unwrap(
      await followArtworkBySlug(db, { investorId: session.investor?.id ?? null, slug, follow, actor: session.address }),
    );
    revalidatePath(`/artworks/${slug}`);
    return { following: follow };
  },
});

/** The unsubscribe link's confirmation (no sign-in: the token is the proof). */
export const unsubscribeAction = defineFormAction<"invalid_token">()({
  name: "notifications.unsubscribe",
  input: z.object({ token: z.string().min(1).max(600) }),
  auth: "public",
  messages,
  fromForm: (form) => ({ token: form.get("token") }),
  run: async ({ token }, { db }) => {
    const done = await unsubscribe(db, { token });
    if (!done) refuse("invalid_token");
    return {};
  },
});
