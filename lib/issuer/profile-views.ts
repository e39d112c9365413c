import "server-only";

import { cache } from "react";
import { getDb } from "@/lib/db";
import { getIssuerProfileEditView, getPublicIssuer } from "./profile";
import type { IssuerProfileEditView, PublicIssuerView } from "./profile-input";

/** The issuer console's company profile page: the caller's own profile and the legal names it falls back to. */
export async function getIssuerProfilePageView({ issuer }: { issuer: string }): Promise<IssuerProfileEditView> {
  return getIssuerProfileEditView(await getDb(), { issuer });
}

/** An artwork page's issuer, in the reader's language (once per request). */
export const getArtworkIssuerView = cache(
  async ({ address, locale }: { address: string; locale: string }): Promise<PublicIssuerView> =>
    getPublicIssuer(await getDb(), { address, locale }),
);
