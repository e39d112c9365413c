"use client";

import { useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import type { Address, Hex } from "viem";
import { CheckboxGroup } from "@/components/ui/checkbox-group";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { type CategoryName, maskFromCategories } from "@/lib/assets/client";
import type { TokenRuleDefaults } from "@/lib/settings/client";
import type { StepTxView } from "./chain-actions";
import { NumField } from "@/components/ui/num-field";
import { CategoryBoxes, StepFormFrame, useIssueWords, useStepField, useStepSend } from "./go-on-chain-form";
import { DAY, type StepContext, type StepTx } from "./go-on-chain-parts";

const DEPLOY_FIELDS = [
  ["name", "token-name", "tokenName"],
  ["symbol", "token-symbol", "symbol"],
  ["allowedCountries", "token-countries", "countries"],
  ["categories", "token-cat", "tokenCategories"],
  ["totalShares", "total-shares", "totalShares"],
  ["maxHolders", "max-holders", "maxHolders"],
  ["maxPerInvestor", "max-per", "maxPerInvestor"],
  ["lockupDays", "lockup", "lockupDays"],
] as const;

export type DeployStepProps = {
  ctx: StepContext;
  tx: StepTx;
  factory: Address;
  tokenName: string;
  symbol: string;
  metadataUri: string;
  metadataHash: Hex;
  token: Address | null;
  deployTx: StepTxView | null;
  /** A deploy sent earlier (another tab, a closed page) that this page is not sending itself. */
  waiting: StepTxView | null;
  failureText: (tx: StepTxView) => string;
  /** Countries the form offers (ISO numeric + name). */
  countries: { code: number; name: string }[];
  /** The token rules the form starts from: the platform's defaults (admin settings); the issuer may change them. */
  ruleDefaults: TokenRuleDefaults;
};

/** The token's name, symbol and rules; deploying asks the server first, so a token is never deployed twice. */
export function DeployForm(props: DeployStepProps & { onFound: () => void }) {
  const t = useTranslations("issuer.chain");
  const te = useTranslations("issuer.errors.fields");
  const words = useIssueWords();
  const { ctx, tx } = props;
  const send = useStepSend(ctx, tx, "deploy");
  const [name, setName] = useState(props.tokenName);
  const [symbol, setSymbol] = useState(props.symbol);
  const defaults = props.ruleDefaults;
  const [countries, setCountries] = useState<number[]>(defaults.allowedCountries);
  const [tokenCats, setTokenCats] = useState<CategoryName[]>(defaults.categories);
  const [totalShares, setTotalShares] = useState("");
  const [maxHolders, setMaxHolders] = useState(String(defaults.maxHolders));
  const [maxPer, setMaxPer] = useState("0");
  const [lockup, setLockup] = useState(String(defaults.lockupDays));
  const [errors, setErrors] = useState<Record<string, string>>({});

  async function onDeploy() {
    const issues: Record<string, string> = {};
    if (!name.trim() || name.length > 64) issues.name = te("required");
    if (!/^[A-Z0-9]{2,11}$/.test(symbol)) issues.symbol = te("symbol");
    // The rules' schema (zod) loads on the first press, not with the page.
    const { fieldIssues, tokenRulesInput } = await import("@/lib/issuer/client");
    const rules = tokenRulesInput.safeParse({
      totalShares,
      allowedCountries: [...countries].sort((a, b) => a - b),
      categories: tokenCats,
      maxHolders,
      maxPerInvestor: maxPer,
      lockupDays: lockup,
    });
    if (!rules.success) for (const [f, i] of Object.entries(fieldIssues(rules.error))) issues[f] = words(i);
    setErrors(issues);
    if (Object.keys(issues).length > 0 || !rules.success) return;
    const r = rules.data;
    // The contract's ABI loads when the issuer signs, not with the page.
    const { shareTokenFactoryAbi } = await import("@/lib/chain/abi/share-token-factory");
    // Never twice: ask the server (which reads the chain, and any deploy already sent) before the wallet opens.
    await send({
      symbol,
      onSymbolTaken: (message) => setErrors({ symbol: message }),
      made: (check) => ({ found: !!check.token, pending: check.deploy?.status === "pending" }),
      onFound: props.onFound,
      call: () => ({
        address: props.factory,
        abi: shareTokenFactoryAbi,
        functionName: "deployToken",
        args: [
          name.trim(),
          symbol,
          BigInt(r.totalShares),
          {
            allowedCountries: r.allowedCountries,
            eligibleCategories: maskFromCategories(r.categories),
            maxHolders: r.maxHolders,
            maxBalancePerInvestor: BigInt(r.maxPerInvestor),
            lockupSeconds: BigInt(r.lockupDays * DAY),
          },
          props.metadataUri,
          props.metadataHash,
        ],
        account: ctx.account,
      }),
    });
  }

  const field = useStepField(DEPLOY_FIELDS, errors);
  return (
    <StepFormFrame
      ctx={ctx}
      tx={tx}
      earlier={{ tx: props.deployTx, body: (d) => t("deployFailedBefore", { reason: props.failureText(d) }) }}
      explain={t("deployExplain")}
      errors={errors}
      fields={DEPLOY_FIELDS}
      signs={
        <DeploySigns
          name={name}
          symbol={symbol}
          totalShares={totalShares}
          metadataUri={props.metadataUri}
          metadataHash={props.metadataHash}
        />
      }
      status={{ confirmed: t("deployConfirmed"), testId: "deploy-status" }}
      action={{ label: t("deploy"), run: () => void onDeploy() }}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <Field {...field("name")}>
          {(c) => <Input {...c} value={name} maxLength={64} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <Field {...field("symbol")} hint={t("symbolHint")}>
          {(c) => (
            <Input {...c} value={symbol} maxLength={11} onChange={(e) => setSymbol(e.target.value.toUpperCase())} />
          )}
        </Field>
      </div>
      {/* The countries whose investors may hold the token (Hong Kong ticked by default). */}
      <CheckboxGroup
        id="token-countries"
        legend={t("countries")}
        hint={t("countriesHint")}
        options={props.countries.map((c) => ({ value: c.code, label: c.name }))}
        checked={countries}
        onChange={setCountries}
      />
      <CategoryBoxes
        legend={t("tokenCategories")}
        selected={tokenCats}
        set={setTokenCats}
        error={errors.categories}
        idp="token-cat"
      />
      <NumField {...field("totalShares")} value={totalShares} set={setTotalShares} hint={t("totalSharesHint")} />
      <div className="grid gap-4 sm:grid-cols-3">
        <NumField {...field("maxHolders")} value={maxHolders} set={setMaxHolders} hint={t("zeroNoLimit")} />
        <NumField {...field("maxPerInvestor")} value={maxPer} set={setMaxPer} hint={t("zeroNoLimit")} />
        <NumField {...field("lockupDays")} value={lockup} set={setLockup} />
      </div>
    </StepFormFrame>
  );
}

/** What the wallet will sign, said before it opens: the token, its shares, and the metadata it commits to. */
function DeploySigns({
  name,
  symbol,
  totalShares,
  metadataUri,
  metadataHash,
}: {
  name: string;
  symbol: string;
  totalShares: string;
  metadataUri: string;
  metadataHash: Hex;
}) {
  const t = useTranslations("issuer.chain");
  const locale = useLocale();
  return (
    <>
      <p>
        {/^\d{1,12}$/.test(totalShares.trim())
          ? t("deploySigns", {
              name: name || "—",
              symbol: symbol || "—",
              shares: Number(totalShares.trim()).toLocaleString(locale),
            })
          : t("deploySignsNoShares", { name: name || "—", symbol: symbol || "—" })}
      </p>
      {(
        [
          ["metadataUri", "metadata-uri", metadataUri],
          ["metadataHash", "metadata-hash", metadataHash],
        ] as const
      ).map(([label, testId, value]) => (
        <p key={testId} className="mt-1 text-xs">
          {t(label)}{" "}
          <code className="font-mono break-all" data-testid={testId}>
            {value}
          </code>
        </p>
      ))}
    </>
  );
}
