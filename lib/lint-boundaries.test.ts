import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

/**
 * The layer boundaries of eslint.config.mjs hold by themselves: an import across a boundary fails the lint, and the
 * allowed import next to it does not. Linted as text under a file name, so no fixture file is written.
 */
const root = path.resolve(__dirname, "..");
let eslint: ESLint;

async function restricted(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

beforeAll(() => {
  eslint = new ESLint({ cwd: root });
}, 60_000);

describe("lint boundaries", () => {
  it("refuses the database in app/ (drizzle-orm, @/lib/db and its schema) and allows a view loader", async () => {
    const file = "app/(wallet)/boundary-probe/page.tsx";
    expect(await restricted(file, 'import { eq } from "drizzle-orm";\nexport const x = eq;\n')).toHaveLength(1);
    expect(await restricted(file, 'import { getDb } from "@/lib/db";\nexport const x = getDb;\n')).toHaveLength(1);
    const schema = 'import type { Artwork } from "@/lib/db/schema";\nexport type X = Artwork;\n';
    expect((await restricted(file, schema))[0]).toMatch(/view loader/);
    const allowed = 'import { getRegisterView } from "@/lib/compliance";\nexport const x = getRegisterView;\n';
    expect(await restricted(file, allowed)).toEqual([]);
  });

  it("refuses the database in route handlers too", async () => {
    const file = "app/api/boundary-probe/route.ts";
    expect(await restricted(file, 'import { sql } from "drizzle-orm";\nexport const x = sql;\n')).toHaveLength(1);
  });

  it("refuses the database in components/, server actions included (they get the db from the action pipeline)", async () => {
    const code = 'import { getDb } from "@/lib/db";\nexport const x = getDb;\n';
    expect(await restricted("components/compliance/boundary-probe.tsx", code)).toHaveLength(1);
    expect(await restricted("components/compliance/desk-history.tsx", code)).toHaveLength(1);
    expect(await restricted("components/issuer/actions.ts", code)).toHaveLength(1);
    const schema = 'import type { KycStatus } from "@/lib/db/schema";\nexport type X = KycStatus;\n';
    expect(await restricted("components/compliance/kyc-status-badge.tsx", schema)).toHaveLength(1);
    const allowed = 'import { getDeskHistoryView } from "@/lib/compliance";\nexport const x = getDeskHistoryView;\n';
    expect(await restricted("components/compliance/boundary-probe.tsx", allowed)).toEqual([]);
  });

  it("refuses components/ and app/ in lib/ and allows another lib module", async () => {
    const file = "lib/issuer/boundary-probe.ts";
    const ui = 'import type { BadgeTone } from "@/components/ui/badge";\nexport type X = BadgeTone;\n';
    expect((await restricted(file, ui))[0]).toMatch(/lib\/ is below the UI/);
    const route = 'import { GET } from "@/app/api/health/route";\nexport const x = GET;\n';
    expect(await restricted(file, route)).toHaveLength(1);
    const allowed = 'import type { BadgeTone } from "@/lib/format/badge-look";\nexport type X = BadgeTone;\n';
    expect(await restricted(file, allowed)).toEqual([]);
  });

  it("refuses another domain's internals of a sealed domain (one with an index.ts) and allows its index, types and errors", async () => {
    const internal = 'import { findInvestorRow } from "@/lib/investors/records";\nexport const x = findInvestorRow;\n';
    expect((await restricted("lib/kyc/boundary-probe.ts", internal))[0]).toMatch(
      /lib\/investors is entered through its index/,
    );
    expect(await restricted("components/compliance/boundary-probe.tsx", internal)).toHaveLength(1);
    expect(await restricted("app/(wallet)/boundary-probe/page.tsx", internal)).toHaveLength(1);
    const relative = 'import { findInvestorRow } from "../investors/records";\nexport const x = findInvestorRow;\n';
    expect(await restricted("lib/kyc/boundary-probe.ts", relative)).toHaveLength(1);
    // The domain's own files import each other freely; the index and the public types/errors modules are open to all.
    expect(await restricted("lib/investors/boundary-probe.ts", internal)).toEqual([]);
    const index = 'import { findInvestorByWallet } from "@/lib/investors";\nexport const x = findInvestorByWallet;\n';
    expect(await restricted("lib/kyc/boundary-probe.ts", index)).toEqual([]);
    const types = 'import type { AuditLogEntry } from "@/lib/audit/types";\nexport type X = AuditLogEntry;\n';
    expect(await restricted("components/compliance/boundary-probe.tsx", types)).toEqual([]);
    const errors = 'import { ActionError } from "@/lib/actions/errors";\nexport const x = ActionError;\n';
    expect(await restricted("lib/issuer/boundary-probe.ts", errors)).toEqual([]);
    // The layer rules still hold in a sealed domain's own files.
    const ui = 'import type { BadgeTone } from "@/components/ui/badge";\nexport type X = BadgeTone;\n';
    expect(await restricted("lib/investors/boundary-probe.ts", ui)).toHaveLength(1);
  });

  it("seals the domains sealed with this rule's second round (kyc, issuer, compliance…): index and client open, internals closed", async () => {
    const internal = 'import { getApplication } from "@/lib/kyc/applications";\nexport const x = getApplication;\n';
    expect((await restricted("components/compliance/boundary-probe.tsx", internal))[0]).toMatch(
      /lib\/kyc is entered through its index/,
    );
    expect(await restricted("app/(wallet)/boundary-probe/page.tsx", internal)).toHaveLength(1);
    expect(await restricted("lib/uploads/boundary-probe.ts", internal)).toHaveLength(1);
    const relative = 'import { getListingById } from "../issuer/listings";\nexport const x = getListingById;\n';
    expect(await restricted("lib/uploads/boundary-probe.ts", relative)).toHaveLength(1);
    const pure = 'import { kycLooks } from "@/lib/kyc/status-look";\nexport const x = kycLooks;\n';
    expect(await restricted("components/compliance/boundary-probe.tsx", pure)).toHaveLength(1);
    // Allowed: the index, the client-safe module, a domain's projection for the indexer's registry.
    const index = 'import { getApplication } from "@/lib/kyc";\nexport const x = getApplication;\n';
    expect(await restricted("lib/uploads/boundary-probe.ts", index)).toEqual([]);
    const client = '"use client";\nimport { kycLooks } from "@/lib/kyc/client";\nexport const x = kycLooks;\n';
    expect(await restricted("components/compliance/boundary-probe.tsx", client)).toEqual([]);
    const projection =
      'import { marketProjection } from "@/lib/market/projection";\nexport const x = marketProjection;\n';
    expect(await restricted("lib/indexer/boundary-probe.ts", projection)).toEqual([]);
    // Infrastructure stays open file by file.
    const infra =
      'import { getRequestIp } from "@/lib/http/request-ip";\nimport { listCountries } from "@/lib/i18n/countries";\n' +
      'import { getIndexerCoverage } from "@/lib/indexer/coverage";\nexport const x = [getRequestIp, listCountries, getIndexerCoverage];\n';
    expect(await restricted("lib/kyc/boundary-probe.ts", infra)).toEqual([]);
  });

  it("gives every folder of lib/ but the infrastructure an index.ts, so the lint seals it", async () => {
    const { infrastructure } = (await import("../eslint.config.mjs")) as { infrastructure: Set<string> };
    const unsealed = readdirSync(path.join(root, "lib"), { withFileTypes: true })
      .filter((d) => d.isDirectory() && !infrastructure.has(d.name))
      .filter((d) => !existsSync(path.join(root, "lib", d.name, "index.ts")))
      .map((d) => d.name);
    expect(unsealed).toEqual([]);
  });

  it("lets no client component import a domain's index (it re-exports server modules): the client module instead", () => {
    const domains = readdirSync(path.join(root, "lib")).filter((d) =>
      existsSync(path.join(root, "lib", d, "index.ts")),
    );
    const barrel = new RegExp(`^import (?!type )[^;]*? from "@/lib/(${domains.join("|")})";`, "gm");
    const offenders = ["app", "components", "lib"].flatMap((dir) =>
      readdirSync(path.join(root, dir), { recursive: true, encoding: "utf8" })
        .filter((f) => /\.tsx?$/.test(f))
        .map((f) => path.join(dir, f))
        .filter((f) => /^["']use client["']/m.test(readFileSync(path.join(root, f), "utf8").slice(0, 400)))
        .flatMap((f) => (readFileSync(path.join(root, f), "utf8").match(barrel) ?? []).map((m) => `${f}: ${m}`)),
    );
    expect(offenders).toEqual([]);
  });

  it("refuses a file over 400 lines and a function over 150 in app/, components/ and lib/ (tests aside)", async () => {
    const rules = async (file: string, code: string) => {
      const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
      return result!.messages.map((m) => m.ruleId);
    };
    const body = (n: number) => Array.from({ length: n }, (_, i) => `  const v${i} = ${i};`).join("\n");
    const fn = (n: number) => `export function f() {\n${body(n - 3)}\n  return 0;\n}\n`;
    expect(await rules("lib/issuer/boundary-probe.ts", fn(151))).toContain("max-lines-per-function");
    expect(await rules("components/issuer/boundary-probe.tsx", fn(151))).toContain("max-lines-per-function");
    expect(await rules("lib/issuer/boundary-probe.ts", fn(150))).not.toContain("max-lines-per-function");
    const long = Array.from({ length: 401 }, (_, i) => `export const c${i} = ${i};`).join("\n") + "\n";
    expect(await rules("app/boundary-probe/page.tsx", long)).toContain("max-lines");
    expect(await rules("lib/issuer/boundary-probe.test.ts", long)).not.toContain("max-lines");
  });
});
