"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { defineFormAction } from "@/lib/actions";
import { saveIssuerProfile } from "@/lib/issuer";
import { issuerProfileInput } from "@/lib/issuer/client";

/*
 * The issuer's company profile through the action pipeline (lib/actions): zod → session with the issuer role → the
 * caller's own profile (keyed by the session's wallet, never by anything in the form) → saved and audited in
 * lib/issuer. The logo goes through its upload route (lib/uploads `postIssuerLogo`).
 */

const text = (form: FormData, name: string) => form.get(name) ?? "";

export const saveIssuerProfileAction = defineFormAction()({
  name: "issuer.saveProfile",
  input: issuerProfileInput,
  auth: "issuer",
  messages: "issuer.errors.codes",
  fieldMessages: "issuer.profile.fieldErrors",
  fromForm: (form: FormData) => ({
    nameEn: text(form, "nameEn"),
    nameZh: text(form, "nameZh"),
    aboutEn: text(form, "aboutEn"),
    aboutZh: text(form, "aboutZh"),
  }),
  run: async (input: z.output<typeof issuerProfileInput>, { session, db, publicPagesChanged }) => {
    await saveIssuerProfile(db, { issuer: session.address, input });
    publicPagesChanged();
    revalidatePath("/issuer/profile");
    // Every artwork page shows its issuer's profile.
    revalidatePath("/artworks/[slug]", "page");
    return { message: (await getTranslations("issuer.profile"))("saved") };
  },
});
