"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { SignInError } from "@/lib/auth/errors";
import { homeFor } from "@/lib/auth/home";
import { getRoles } from "@/lib/auth/roles";
import { createSignInNonce, signIn, signOut, signOutEverywhere } from "@/lib/auth/session";
import { RateLimitedError } from "@/lib/rate-limit";
import { toSignInErrorCode, type ActionFailure, type ActionResult, type SignInErrorCode } from "./errors";

/*
 * Sign-in server actions. A server action is a public POST endpoint: every input is parsed with zod,
 * errors reach the client as a typed result with a plain-words message, never as a raw exception.
 * Verification, the session cookie and the audit log live in lib/auth (signIn / signOut write the audit).
 */

async function failure(code: SignInErrorCode): Promise<ActionFailure> {
  const t = await getTranslations("signIn.errors");
  return { ok: false, code, message: t(code) };
}

/** A refused attempt past a rate limit says how long to wait, in seconds, in words and as a number. */
async function rateLimited(error: RateLimitedError): Promise<ActionFailure> {
  const t = await getTranslations("signIn.errors");
  const seconds = error.retryAfterSeconds;
  return { ok: false, code: "rate_limited", message: t("rate_limited_wait", { seconds }), retryAfterSeconds: seconds };
}

/** Step 1: a fresh single-use nonce for the EIP-4361 message. */
export async function getNonceAction(): Promise<ActionResult<{ nonce: string }>> {
  try {
    const { nonce } = await createSignInNonce();
    return { ok: true, nonce };
  } catch (error) {
    if (error instanceof RateLimitedError) return rateLimited(error);
    console.error("[sign-in] nonce failed:", error instanceof Error ? error.message : error);
    return failure("unavailable");
  }
}

const signInInput = z.object({
  message: z.string().min(1).max(4_000),
  signature: z
    .string()
    .regex(/^0x[0-9a-fA-F]+$/)
    .max(100_000),
});

/** Where this wallet lands when no page was asked for: its console by on-chain role, else the portfolio. */
async function homeOf(address: string): Promise<string> {
  try {
    return homeFor(await getRoles(address));
  } catch (error) {
    console.error("[sign-in] role read failed:", error instanceof Error ? error.message : error);
    return "/portfolio";
  }
}

/** Step 2: verify the signed message and set the session cookie; `home` is the wallet's own landing page. */
export async function signInAction(input: {
  message: string;
  signature: string;
}): Promise<ActionResult<{ address: string; home: string }>> {
  const parsed = signInInput.safeParse(input);
  if (!parsed.success) return failure("invalid_input");
  try {
    const { address } = await signIn(parsed.data);
    revalidatePath("/", "layout");
    return { ok: true, address, home: await homeOf(address) };
  } catch (error) {
    if (error instanceof SignInError) return failure(toSignInErrorCode(error.code));
    if (error instanceof RateLimitedError) return rateLimited(error);
    console.error("[sign-in] verification failed:", error instanceof Error ? error.message : error);
    return failure("unavailable");
  }
}

/** Sign-out form action (header, account page). Works without JavaScript. */
export async function signOutAction(): Promise<void> {
  try {
    await signOut();
  } catch (error) {
    console.error("[sign-out] failed:", error instanceof Error ? error.message : error);
  }
  revalidatePath("/", "layout");
  redirect("/");
}

/** "Sign out everywhere" form action (account page): ends every session of this wallet, on every device. */
export async function signOutEverywhereAction(): Promise<void> {
  try {
    await signOutEverywhere();
  } catch (error) {
    console.error("[sign-out] everywhere failed:", error instanceof Error ? error.message : error);
  }
  revalidatePath("/", "layout");
  redirect("/");
}
