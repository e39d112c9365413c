import { describe, expect, it, vi } from "vitest";

vi.mock("next-intl/server", () => ({
  getTranslations: async (ns: string) => (key: string) => `${ns}:${key}`,
}));

const { titleMetadata } = await import("./metadata");

describe("titleMetadata", () => {
  it("titles the page with the namespace's title by default", async () => {
    expect(await titleMetadata("account")()).toEqual({ title: "account:title" });
  });

  it("titles the page with the key given", async () => {
    expect(await titleMetadata("issuer.form", "editTitle")()).toEqual({ title: "issuer.form:editTitle" });
  });
});
