"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction, refuse } from "@/lib/actions";
import { SignInError } from "@/lib/auth/errors";
import { homeFor } from "@/lib/auth/client";
import { getRoles, createSignInNonce, signIn, signOut, signOutEverywhere } from "@/lib/auth";
import { toSignInErrorCode, type SignInErrorCode } from "./errors";

/*
 * Sign-in server actions, through the action pipeline (lib/actions) with no session required: zod → the lib/auth
 * call. A refused attempt comes back as a typed result in words (`signIn.errors`); past a rate limit it says how long
 * to wait (`rate_limited`, `retryAfterSeconds`, and `rate_limited_wait` in words). Verification, the session cookie
 * and the audit log live in lib/auth (signIn / signOut write the audit).
 * The two sign-out actions stay plain form actions (no pipeline): they work without JavaScript, return nothing, and
 * end on the home page even when ending the session failed (logged), which a pipeline refusal would not do.
 */

/** Takes no input: whatever is sent is ignored. */
const noInput = z.custom<void>();

const define = defineAction<SignInErrorCode>();

/** Step 1: a fresh single-use nonce for the EIP-4361 message. */
export const getNonceAction = define({
  name: "auth.nonce",
  input: noInput,
  auth: "public",
  messages: "signIn.errors",
  run: async () => ({ nonce: (await createSignInNonce()).nonce }),
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
export const signInAction = define({
  name: "auth.signIn",
  input: z.object({
    message: z.string().min(1).max(4_000),
    signature: z
      .string()
      .regex(/^0x[0-9a-fA-F]+$/)
      .max(100_000),
  }),
  auth: "public",
  messages: "signIn.errors",
  run: async (input) => {
    const { address } = await signIn(input).catch((error: unknown) => {
      if (error instanceof SignInError) refuse(toSignInErrorCode(error.code));
      throw error;
    });
    revalidatePath("/", "layout");
    return { address, home: await homeOf(address) };
  },
});

/** Sign-out form action (header, account page). Works without JavaScript. */
export async function signOutAction(): Promise<void> {
  await endSessionsAndLeave(signOut, "failed");
}

/** "Sign out everywhere" form action (account page): ends every session of this wallet, on every device. */
export async function signOutEverywhereAction(): Promise<void> {
  await endSessionsAndLeave(signOutEverywhere, "everywhere failed");
}

/** Ends the session(s) (a failure is logged: the cookie is gone either way), then back to the home page. */
async function endSessionsAndLeave(end: () => Promise<unknown>, failure: string): Promise<void> {
  try {
    await end();
  } catch (error) {
    console.error(`[sign-out] ${failure}:`, error instanceof Error ? error.message : error);
  }
  revalidatePath("/", "layout");
  redirect("/");
}
