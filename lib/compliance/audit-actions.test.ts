import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en/compliance-console.json";
import zh from "@/lib/i18n/messages/zh-HK/compliance-console.json";
import { AUDIT_ACTIONS as LISTING_ACTIONS } from "@/lib/issuer/chain-steps";
import { AUDIT_ACTION as AGENT_ACTIONS } from "@/lib/compliance/agent-audit";
import { AUDIT_ACTION_CODES, auditActionKey, auditActionWording } from "./audit-actions";

const words = { en: en.complianceConsole.audit.actions, "zh-HK": zh.complianceConsole.audit.actions } as Record<
  string,
  Record<string, string>
>;

describe("audit actions in words", () => {
  it("every action the portal writes has words in English and Chinese, and no two codes share a key", () => {
    for (const code of AUDIT_ACTION_CODES)
      for (const locale of ["en", "zh-HK"])
        expect(words[locale]![auditActionKey(code)], `${locale} ${code}`).toBeTruthy();
    expect(new Set(AUDIT_ACTION_CODES.map(auditActionKey)).size).toBe(AUDIT_ACTION_CODES.length);
  });

  it("the agent and listing actions defined elsewhere are all in the list", () => {
    const listing = Object.values(LISTING_ACTIONS).flatMap((group) => Object.values(group));
    for (const code of [...Object.values(AGENT_ACTIONS), ...listing])
      expect(AUDIT_ACTION_CODES as readonly string[], code).toContain(code);
  });

  it("a refused attempt reads as refused plus what was attempted; an unknown code has no words", () => {
    const has = (key: string) => key in words.en!;
    expect(auditActionWording("token.wallet_freeze", has)).toEqual({ key: "token_wallet_freeze", refused: false });
    // Common refusals have their own words; any other reads as "Refused: " + the attempted action.
    expect(auditActionWording("kyc.approve.refused", has)).toEqual({ key: "kyc_approve_refused", refused: false });
    expect(auditActionWording("kyc.reject.refused", has)).toEqual({ key: "kyc_reject", refused: true });
    expect(auditActionWording("something.new", has)).toBeNull();
  });
});
