import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/*
 * Layer boundaries (README, "Architecture"): app → components → lib domains → chain/db. Data flows down only:
 * routes and components never reach the database (they call one view loader or domain function in lib/), and lib/
 * never imports the UI. Each block below is a lint error, tested in lib/lint-boundaries.test.ts.
 */
const noDatabase = {
  group: ["drizzle-orm", "drizzle-orm/*", "@/lib/db", "@/lib/db/*"],
  message:
    "Routes and components do not reach the database: call a server-only view loader or domain function in lib/<domain> (README, Architecture).",
};
const noUi = {
  group: ["@/components", "@/components/*", "@/app", "@/app/*"],
  message:
    "lib/ is below the UI: it must not import components/ or app/. Move the shared type or helper into lib/ (README, Architecture).",
};

/*
 * Sealed domains: every folder of lib/ with an `index.ts`, except the infrastructure below, is a domain entered
 * through it. Other domains, components and routes import `@/lib/<domain>` (its index) or one of its public modules,
 * never its other files (the table access and the workflow behind the index):
 *   - `client`: the client-safe part of the surface (pure helpers and types, no server-only module behind a value).
 *     A "use client" file, and any file a client component imports, takes the domain's code from here, since the
 *     index re-exports server modules. The index re-exports `client` too, so server code may use either.
 *   - `types` and `errors`: shared shapes and error classes.
 *   - `projection`: the domain's event projection, which the indexer's registry (lib/indexer/projections.ts) composes.
 * Found by listing lib/, so a domain is sealed by giving it an index.ts.
 *
 * Infrastructure is used file by file, by every domain, and holds no domain rules:
 *   - `db` (connection, schema, migrations) and `chain` (ABIs, clients, deployments, chain reads).
 *   - `format` (pure formatting, shared by server and client).
 *   - `i18n`: the locale config, message catalogues and country lists are imported one by one by server and client
 *     code alike, and `request.ts` is next-intl's entry (named in next.config.mjs); one barrel would put next-intl's
 *     server API and every catalogue behind each client import.
 *   - `http`: request and response plumbing below the routes (client IP, security headers, CSV responses); it
 *     holds no rule of its own, and `client-ip.ts` is also loaded by instrumentation.ts before any route.
 *   - `indexer`: the event record's engine (`projection` framework, `coverage`, `loop`) that domains build their
 *     projections on, and the registry that imports those projections back: behind one index the two would form an
 *     import cycle (domain → indexer index → registry → domain).
 *   - `faults` is no layer: the fault-injection harness of the database tests (test files and their helpers).
 * Every other folder of lib/ is a domain with an index.ts (lib/lint-boundaries.test.ts holds that).
 */
const libDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "lib");
export const infrastructure = new Set(["db", "format", "chain", "i18n", "http", "indexer", "faults"]);
const sealedDomains = fs
  .readdirSync(libDir, { withFileTypes: true })
  .filter((d) => d.isDirectory() && !infrastructure.has(d.name) && fs.existsSync(path.join(libDir, d.name, "index.ts")))
  .map((d) => d.name)
  .sort();
const publicModules = ["types", "errors", "client", "projection"];
const sealed = (domain) => ({
  group: [
    `@/lib/${domain}/*`,
    `../${domain}/*`,
    ...publicModules.flatMap((m) => [`!@/lib/${domain}/${m}`, `!../${domain}/${m}`]),
  ],
  message: `lib/${domain} is entered through its index: import "@/lib/${domain}" (or its client, types, errors or projection module), not its internals (README, Architecture).`,
});
const sealedExcept = (own) => sealedDomains.filter((d) => d !== own).map(sealed);

const config = [
  ...nextVitals,
  ...nextTs,
  {
    files: ["app/**/*.{ts,tsx,js,jsx,mjs}"],
    rules: { "no-restricted-imports": ["error", { patterns: [noDatabase, ...sealedExcept(null)] }] },
  },
  {
    files: ["components/**/*.{ts,tsx,js,jsx,mjs}"],
    rules: { "no-restricted-imports": ["error", { patterns: [noDatabase, ...sealedExcept(null)] }] },
  },
  {
    files: ["lib/**/*.{ts,tsx,js,jsx,mjs}"],
    // Integration tests drive a route or a server action end to end from lib/; production code never does.
    ignores: ["lib/**/*.test.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [noUi, ...sealedExcept(null)] }] },
  },
  // Inside a sealed domain its own files are free to import each other (a later block replaces the rule's options).
  ...sealedDomains.map((domain) => ({
    files: [`lib/${domain}/**/*.{ts,tsx,js,jsx,mjs}`],
    ignores: ["lib/**/*.test.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [noUi, ...sealedExcept(domain)] }] },
  })),
  // One person can hold a file and a function (README, Architecture): files up to 400 lines, functions up to 150.
  {
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "lib/**/*.{ts,tsx}"],
    ignores: ["**/*.test.ts", "**/*.test.tsx"],
    rules: {
      "max-lines": ["error", { max: 400 }],
      "max-lines-per-function": ["error", { max: 150 }],
    },
  },
  {
    ignores: [
      "node_modules/**",
      ".next/**",
      ".next-*/**",
      ".data-*/**",
      ".data/**",
      "contracts/out/**",
      "contracts/cache/**",
      "lib/chain/abis.ts",
      "lib/chain/abi/**",
      "lib/chain/bytecode.ts",
      "lib/db/migrations/**",
      "next-env.d.ts",
      "test-results/**",
      "playwright-report/**",
    ],
  },
];

export default config;
