import { describe, expect, it } from "vitest";
import { disclosureTextHash } from "./disclosure-hash";

describe("disclosure text hash", () => {
  it("names the exact words read: any change to title or text changes it", () => {
    const a = disclosureTextHash({ title: "You can lose money", body: "The value can fall." });
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(disclosureTextHash({ title: "You can lose money", body: "The value can fall." })).toBe(a);
    expect(disclosureTextHash({ title: "You can lose money", body: "The value can fall!" })).not.toBe(a);
    expect(disclosureTextHash({ title: "You may lose money", body: "The value can fall." })).not.toBe(a);
  });
});
