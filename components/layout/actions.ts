"use server";

import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { LOCALE_COOKIE, locales } from "@/lib/i18n/config";
import { THEME_COOKIE } from "./theme-constants";

/*
 * Preferences (language, theme): plain `<form action>` actions that work without JavaScript and return nothing. They
 * stay outside the action pipeline (lib/actions) on purpose: no session, no database, no refusal to put in words — a
 * bad value is ignored — so the pipeline would only open the database and build a result no form reads.
 */

const ONE_YEAR = 60 * 60 * 24 * 365;

const localeInput = z.object({ locale: z.enum(locales) });

/** Language switch (a plain form: works without JavaScript). No session needed: a preference only. */
export async function setLocaleAction(formData: FormData): Promise<void> {
  const parsed = localeInput.safeParse({ locale: formData.get("locale") });
  if (!parsed.success) return;
  (await cookies()).set(LOCALE_COOKIE, parsed.data.locale, {
    path: "/",
    maxAge: ONE_YEAR,
    sameSite: "lax",
  });
  revalidatePath("/", "layout");
}

/** Theme toggle fallback without JavaScript: flips the stored theme (light when unset). */
export async function toggleThemeAction(): Promise<void> {
  const store = await cookies();
  const current = store.get(THEME_COOKIE)?.value === "dark" ? "dark" : "light";
  store.set(THEME_COOKIE, current === "dark" ? "light" : "dark", { path: "/", maxAge: ONE_YEAR, sameSite: "lax" });
  revalidatePath("/", "layout");
}
