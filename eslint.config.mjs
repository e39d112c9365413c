import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

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

const config = [
  ...nextVitals,
  ...nextTs,
  {
    files: ["app/**/*.{ts,tsx,js,jsx,mjs}"],
    rules: { "no-restricted-imports": ["error", { patterns: [noDatabase] }] },
  },
  {
    files: ["components/**/*.{ts,tsx,js,jsx,mjs}"],
    rules: { "no-restricted-imports": ["error", { patterns: [noDatabase] }] },
  },
  {
    files: ["lib/**/*.{ts,tsx,js,jsx,mjs}"],
    // Integration tests drive a route or a server action end to end from lib/; production code never does.
    ignores: ["lib/**/*.test.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [noUi] }] },
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
      "lib/chain/bytecode.ts",
      "lib/db/migrations/**",
      "next-env.d.ts",
      "test-results/**",
      "playwright-report/**",
    ],
  },
];

export default config;
