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

/*
 * Components that still read the database or its schema today. Their owners are converting them (server actions to
 * lib/actions, investors to lib/investors, KYC approval to lib/kyc); empty this list as they land, and never add to it.
 */
const componentsStillOnTheDatabase = [
  "components/account/wallet-link-actions.ts",
  "components/asset/artwork-details.tsx",
  "components/compliance/console/actions.ts",
  "components/compliance/console/audit-table.tsx",
  "components/compliance/console/batch-actions.ts",
  "components/compliance/console/batch-transfer-actions.ts",
  "components/compliance/kyc-actions.ts",
  "components/compliance/kyc-status-badge.tsx",
  "components/compliance/wallet-link-actions.ts",
  "components/issuer/actions.ts",
  "components/issuer/chain-actions.ts",
  "components/issuer/form-values.ts",
  "components/issuer/listing-forms.tsx",
  "components/issuer/update-actions.ts",
  "components/issuer/update-form.tsx",
  "components/onboarding/actions.ts",
  "components/onboarding/document-upload.tsx",
  "components/onboarding/step-forms.tsx",
  "components/wallet/tx-actions.ts",
];

const config = [
  ...nextVitals,
  ...nextTs,
  {
    files: ["app/**/*.{ts,tsx,js,jsx,mjs}"],
    rules: { "no-restricted-imports": ["error", { patterns: [noDatabase] }] },
  },
  {
    files: ["components/**/*.{ts,tsx,js,jsx,mjs}"],
    ignores: componentsStillOnTheDatabase,
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
