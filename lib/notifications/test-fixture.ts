/**
 * Test fixture for the notifications db tests: fresh wallets (their hex filled with `fill`, so two test files never
 * share one), an investor behind each with or without an email address, and the outbox rows of a notification.
 */
import { eq } from "drizzle-orm";
import type { Database } from "@/lib/db/connect";
import { notificationOutbox } from "@/lib/db/schema";
import { createInvestorWithWallet, updateInvestor } from "@/lib/investors";
import { investorRecipient } from "./kinds";

export function notificationPeople(db: () => Database, fill: string) {
  let seq = 0;
  const wallet = () => `0x${(++seq).toString(16).padStart(40, fill)}`;
  async function investorWithEmail(email: string | null = "mei@example.hk") {
    const address = wallet();
    const investor = await createInvestorWithWallet(db(), { address });
    if (email) await updateInvestor(db(), investor.id, { email });
    return { address, investor, recipient: investorRecipient(investor.id) };
  }
  const outboxOf = (notificationId: string) =>
    db().select().from(notificationOutbox).where(eq(notificationOutbox.notificationId, notificationId));
  /** How many wallets so far: a number unique to this point of the test file. */
  const count = () => seq;
  return { wallet, investorWithEmail, outboxOf, count };
}
