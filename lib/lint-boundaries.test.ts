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
    const allowed =
      'import { getRegisterView } from "@/lib/compliance/register-view";\nexport const x = getRegisterView;\n';
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
    const allowed =
      'import { getDeskHistoryView } from "@/lib/compliance/views";\nexport const x = getDeskHistoryView;\n';
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
