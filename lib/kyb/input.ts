/**
 * What an applicant types, checked as typed: formats are refused in words (message keys under `kyb.fields`), never
 * rewritten — a company number with a space or a wallet without its checksum is refused, not "fixed". Pure (zod
 * only), so the form, the server action and the domain share one rule.
 */
import { getAddress, isAddress } from "viem";
import { z } from "zod";
import { MAX_PEOPLE, MAX_WALLETS } from "./limits";

/** Companies Registry number: 7 or 8 digits. Business Registration number: 8 digits. */
export const CR_NUMBER = /^\d{7,8}$/;
export const BR_NUMBER = /^\d{8}$/;
export { MAX_PEOPLE, MAX_WALLETS };

const blankOr = <T extends z.ZodType>(schema: T) => z.union([z.literal(""), schema]);
const text = (max: number, key: string) =>
  z
    .string({ error: key })
    .max(max, key)
    .refine((s) => s === "" || s.trim().length > 0, key);

/** A wallet exactly as EIP-55 writes it (mixed capitals): a lowercase or mistyped address is refused. */
export function isChecksummed(address: string): boolean {
  return isAddress(address, { strict: false }) && getAddress(address) === address;
}

const person = z.object({
  name: z
    .string()
    .max(120, "person_name")
    .refine((s) => s.trim().length >= 2, "person_name"),
  role: z
    .string()
    .max(80, "person_role")
    .refine((s) => s.trim().length >= 2, "person_role"),
});

/** A draft: every field may be empty; what is filled in must have its format. */
export const kybDraftInput = z.object({
  legalNameEn: text(200, "legal_name_en"),
  legalNameZh: text(100, "legal_name_zh"),
  crNumber: blankOr(z.string().regex(CR_NUMBER, "cr_number")),
  brNumber: blankOr(z.string().regex(BR_NUMBER, "br_number")),
  registeredAddress: text(400, "registered_address"),
  people: z.array(person).max(MAX_PEOPLE, "people_many"),
  signatoryWallets: z
    .array(z.string().refine(isChecksummed, "wallet_checksum"))
    .max(MAX_WALLETS, "wallets_many")
    .refine((ws) => new Set(ws.map((w) => w.toLowerCase())).size === ws.length, "wallets_repeated"),
  listingPlan: text(2000, "listing_plan"),
});
export type KybDraftInput = z.infer<typeof kybDraftInput>;

/** What submission needs beyond a draft's formats: each missing piece as a field and its message key. */
export function missingForSubmission(d: KybDraftInput): Record<string, string> {
  const out: Record<string, string> = {};
  if (!d.legalNameEn.trim()) out.legalNameEn = "legal_name_en";
  if (!d.legalNameZh.trim()) out.legalNameZh = "legal_name_zh";
  if (!d.crNumber && !d.brNumber) out.crNumber = "company_number_required";
  if (!d.registeredAddress.trim()) out.registeredAddress = "registered_address";
  if (d.people.length === 0) out.people = "people_required";
  if (d.signatoryWallets.length === 0) out.signatoryWallets = "wallets_required";
  if (d.listingPlan.trim().length < 20) out.listingPlan = "listing_plan";
  return out;
}
