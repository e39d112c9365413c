import "server-only";

/**
 * The platform settings the portal keeps (lib/db platform_settings): read with their defaults when unset, changed by
 * an admin with a before/after audit entry in the same transaction. Changing a setting to its current value is
 * refused (`unchanged`) so the audit log holds only real changes.
 */
import { eq } from "drizzle-orm";
import { writeAudit } from "@/lib/audit";
import type { Database } from "@/lib/db/connect";
import { lockForTransaction } from "@/lib/db/locks";
import { platformSettings } from "@/lib/db/schema";
import { readKycValidity, readTokenRuleDefaults, type TokenRuleDefaults } from "./rules";

export type SettingKey = "kycValidityMonths" | "tokenRuleDefaults";
export type SettingChangeError = "unchanged";

/** When a setting was last changed and by whom (null: never, the default applies). */
export type SettingStamp = { updatedAt: Date; updatedBy: string } | null;

async function readRow(db: Database, key: SettingKey) {
  const [row] = await db.select().from(platformSettings).where(eq(platformSettings.key, key)).limit(1);
  return row ?? null;
}

/** How many months a KYC approval (or renewal) given now is valid: the setting, else 12. */
export async function getKycValidityMonths(db: Database): Promise<number> {
  return readKycValidity((await readRow(db, "kycValidityMonths"))?.value);
}

/** The token rules a new listing's deploy form starts from: the setting, else the platform's defaults. */
export async function getTokenRuleDefaults(db: Database): Promise<TokenRuleDefaults> {
  return readTokenRuleDefaults((await readRow(db, "tokenRuleDefaults"))?.value);
}

/** Both portal settings with when and by whom each was last changed. */
export async function getPortalSettings(db: Database) {
  const rows = await db.select().from(platformSettings);
  const stamp = (key: SettingKey): SettingStamp => {
    const row = rows.find((r) => r.key === key);
    return row ? { updatedAt: row.updatedAt, updatedBy: row.updatedBy } : null;
  };
  const value = (key: SettingKey) => rows.find((r) => r.key === key)?.value;
  return {
    kycValidityMonths: { value: readKycValidity(value("kycValidityMonths")), stamp: stamp("kycValidityMonths") },
    tokenRuleDefaults: { value: readTokenRuleDefaults(value("tokenRuleDefaults")), stamp: stamp("tokenRuleDefaults") },
  };
}

const AUDIT_ACTIONS: Record<SettingKey, string> = {
  kycValidityMonths: "admin.setting.kyc_validity",
  tokenRuleDefaults: "admin.setting.token_rule_defaults",
};

async function changeSetting<T>(
  db: Database,
  { key, value, admin, read }: { key: SettingKey; value: T; admin: string; read: (stored: unknown) => T },
): Promise<{ ok: true; before: T; after: T } | { ok: false; code: SettingChangeError }> {
  return db.transaction(async (tx) => {
    const t = tx as unknown as Database;
    await lockForTransaction(t, `platform_setting:${key}`);
    const before = read((await readRow(t, key))?.value);
    if (JSON.stringify(before) === JSON.stringify(value)) return { ok: false as const, code: "unchanged" as const };
    const actor = admin.toLowerCase();
    const now = new Date();
    await t
      .insert(platformSettings)
      .values({ key, value: value as object, updatedBy: actor, updatedAt: now })
      .onConflictDoUpdate({
        target: platformSettings.key,
        set: { value: value as object, updatedBy: actor, updatedAt: now },
      });
    await writeAudit(t, {
      actor,
      actorRole: "admin",
      action: AUDIT_ACTIONS[key],
      subjectType: "platform_setting",
      subjectId: key,
      before: { [key]: before },
      after: { [key]: value },
    });
    return { ok: true as const, before, after: value };
  });
}

/** Sets the KYC validity period (months, already bounded by the input schema) for new approvals and renewals. */
export function setKycValidityMonths(db: Database, { months, admin }: { months: number; admin: string }) {
  return changeSetting(db, { key: "kycValidityMonths", value: months, admin, read: readKycValidity });
}

/** Sets the token rules new listings start from (already validated as the listing form validates rules). */
export function setTokenRuleDefaults(db: Database, { rules, admin }: { rules: TokenRuleDefaults; admin: string }) {
  return changeSetting(db, { key: "tokenRuleDefaults", value: rules, admin, read: readTokenRuleDefaults });
}
