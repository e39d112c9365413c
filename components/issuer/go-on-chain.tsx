"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import type { Address, Hex } from "viem";
import { useWalletConnection } from "@/components/wallet/use-wallet-connection";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ErrorSummary, errorItems } from "@/components/ui/error-summary";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { ConnectDialog } from "@/components/wallet/connect-dialog";
import { primaryOfferingAbi, artworkShareTokenAbi, shareTokenFactoryAbi } from "@/lib/chain/abis";
import { type CategoryName, maskFromCategories } from "@/lib/assets/categories";
import { parseMoneyAmount, parseShareAmount } from "@/lib/format/amount";
import { formatCount, formatMoney } from "@/lib/format/money";
import { formatDayTime, hktInputValue, parseHktInput } from "@/lib/format/date";
import { documentNameToBytes32Plain } from "@/lib/issuer/names";
import { fieldIssueKey, fieldIssues, tokenRulesInput, validateOfferingTerms } from "@/lib/issuer/validation";
import {
  type ChainCheck,
  checkOnChainAction,
  confirmChainTxAction,
  recordSentTxAction,
  type StepTxView,
} from "./chain-actions";
import { TxStatus } from "./tx-status";
import { useTx } from "./use-tx";

export type GoOnChainProps = {
  id: string;
  account: Address;
  contracts: { shareTokenFactory: Address; primaryOffering: Address };
  appOrigin: string;
  tokenName: string;
  symbol: string;
  metadataUri: string;
  metadataHash: Hex;
  decimals: number;
  chainNow: number;
  token: Address | null;
  documents: { id: string; name: string; title: string; sha256: Hex; anchored: boolean }[];
  offeringId: string | null;
  /** The latest deploy / offering transaction as the server recorded it (waiting, confirmed or failed). */
  deployTx: StepTxView | null;
  offeringTx: StepTxView | null;
  /** Confirmed anchoring transaction per document id. */
  anchorTxs: Record<string, Hex>;
  /** Countries the deploy form offers (ISO numeric + name). */
  countries: { code: number; name: string }[];
};

const CATEGORIES: CategoryName[] = ["retail", "professional", "institutional"];
const DAY = 86_400;
/** Each checked field of a step: its name in the checks, its control's id, its label (for the error summary). */
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
const OFFER_FIELDS = [
  ["price", "offer-price", "price"],
  ["supply", "offer-supply", "supply"],
  ["minTicket", "offer-min", "minTicket"],
  ["maxTicket", "offer-max", "maxTicket"],
  ["start", "offer-start", "start"],
  ["end", "offer-end", "end"],
  ["categories", "offer-cat", "offerCategories"],
] as const;

// Offering times are typed and shown in Hong Kong time (the labels say HKT), whatever the browser's zone.
const toLocalInput = hktInputValue;
const fromLocalInput = parseHktInput;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const stillWaiting = (c: ChainCheck) => c.ok && (c.deploy?.status === "pending" || c.offering?.status === "pending");

function TxHash({ label, hash }: { label: string; hash: string }) {
  return (
    <p className="text-xs text-ink-muted">
      {label} <code className="font-mono break-all">{hash}</code>
    </p>
  );
}

/** A deploy or offering transaction that was sent earlier and is still waiting: no new one is offered meanwhile. */
function Waiting({ tx, title, body, testId }: { tx: StepTxView; title: string; body: string; testId: string }) {
  const t = useTranslations("issuer.tx");
  return (
    <div aria-live="polite" role="status" data-testid={testId} data-step="waiting">
      <Alert
        tone="info"
        role="none"
        title={
          <span className="flex items-center gap-2">
            <Spinner className="size-4 shrink-0" />
            {title}
          </span>
        }
      >
        <p>{body}</p>
        <TxHash label={t("hash")} hash={tx.txHash} />
      </Alert>
    </div>
  );
}

/** An earlier attempt that failed (reverted, dropped, replaced), with its reason; the step is offered again. */
function EarlierFailure({ tx, body }: { tx: StepTxView; body: string }) {
  const t = useTranslations("issuer.tx");
  return (
    <Alert tone="warn" title={body}>
      <TxHash label={t("hash")} hash={tx.txHash} />
    </Alert>
  );
}

type StepState = "done" | "current" | "sent" | "waiting";

const stepBadge: Record<StepState, { tone: "success" | "accent" | "neutral"; icon: "check" | "dot" | "clock" }> = {
  done: { tone: "success", icon: "check" },
  current: { tone: "accent", icon: "dot" },
  sent: { tone: "accent", icon: "clock" },
  waiting: { tone: "neutral", icon: "clock" },
};

function StepHeader({ n, title, state }: { n: number; title: string; state: StepState }) {
  const t = useTranslations("issuer.chain");
  return (
    <div className="flex flex-wrap items-center justify-between gap-2">
      <h3 className="font-display text-xl">
        <span className="mr-2 text-ink-muted tabular">{n}.</span>
        {title}
      </h3>
      <Badge tone={stepBadge[state].tone} icon={stepBadge[state].icon}>
        {t(`state.${state}`)}
      </Badge>
    </div>
  );
}

/**
 * Deploy the token → anchor each document → create the offering, from the issuer's own wallet. The server
 * derives progress from the chain on every load, so a reload mid-way resumes at the first unfinished step,
 * and the deploy step asks the server to look for an already-deployed token before the wallet is opened.
 */
export function GoOnChain(props: GoOnChainProps) {
  const t = useTranslations("issuer.chain");
  const te = useTranslations("issuer.errors.fields");
  const tRoot = useTranslations();
  const tc = useTranslations("account.investor.categories");
  const tUi = useTranslations("ui.errorSummary");
  const locale = useLocale();
  const router = useRouter();
  const { address, isConnected, isReconnecting } = useWalletConnection();
  const [connectOpen, setConnectOpen] = useState(false);
  const deploy = useTx();
  const anchor = useTx();
  const offer = useTx();
  const [anchoredNow, setAnchoredNow] = useState<string[]>([]);
  const [syncError, setSyncError] = useState<string | null>(null);
  const [found, setFound] = useState(false);
  const [foundOffering, setFoundOffering] = useState(false);

  // Deploy form
  const [name, setName] = useState(props.tokenName);
  const [symbol, setSymbol] = useState(props.symbol);
  const [countries, setCountries] = useState<number[]>([344]);
  const [tokenCats, setTokenCats] = useState<CategoryName[]>(["retail", "professional", "institutional"]);
  const [totalShares, setTotalShares] = useState("");
  const [maxHolders, setMaxHolders] = useState("500");
  const [maxPer, setMaxPer] = useState("0");
  const [lockup, setLockup] = useState("0");
  const [deployErrors, setDeployErrors] = useState<Record<string, string>>({});

  // Offering form
  const [price, setPrice] = useState("");
  const [supply, setSupply] = useState("");
  const [minTicket, setMinTicket] = useState("1");
  const [maxTicket, setMaxTicket] = useState("");
  const [start, setStart] = useState(() => toLocalInput(Math.max(props.chainNow, Math.floor(Date.now() / 1000))));
  const [end, setEnd] = useState(() =>
    toLocalInput(Math.max(props.chainNow, Math.floor(Date.now() / 1000)) + 14 * DAY),
  );
  const [offerCats, setOfferCats] = useState<CategoryName[]>(["retail", "professional", "institutional"]);
  const [offerErrors, setOfferErrors] = useState<Record<string, string>>({});

  const wrongWallet = isConnected && address?.toLowerCase() !== props.account.toLowerCase();
  const canSign = isConnected && !wrongWallet;
  const pendingDocs = props.documents.filter((d) => !d.anchored && !anchoredNow.includes(d.id));
  const tokenDone = props.token !== null;
  const docsDone = tokenDone && pendingDocs.length === 0;
  const offerDone = props.offeringId !== null;
  const stateOf = (done: boolean, ready: boolean): StepState => (done ? "done" : ready ? "current" : "waiting");
  const failureText = (tx: StepTxView) =>
    t(`failure.${["reverted", "dropped", "replaced"].includes(tx.failure ?? "") ? tx.failure! : "other"}`);
  // A transaction recorded as sent earlier (another tab, a closed page) that this page is not sending itself.
  const deployWaiting = !tokenDone && props.deployTx?.status === "pending" && !deploy.busy ? props.deployTx : null;
  const offerWaiting =
    tokenDone && !offerDone && props.offeringTx?.status === "pending" && !offer.busy ? props.offeringTx : null;
  const waitingHash = (deployWaiting ?? offerWaiting)?.txHash ?? null;

  // While such a transaction waits, ask the server (which waits for its receipt) until it is settled, then refresh.
  useEffect(() => {
    if (!waitingHash) return;
    let stopped = false;
    void (async () => {
      while (!stopped) {
        const result = await checkOnChainAction({ id: props.id, wait: true });
        if (stopped) return;
        if (!result.ok) {
          setSyncError(result.message);
          await sleep(5_000);
          continue;
        }
        setSyncError(null);
        if (!stillWaiting(result)) {
          router.refresh();
          return;
        }
      }
    })();
    return () => {
      stopped = true;
    };
  }, [waitingHash, props.id, router]);

  /** Asks the server where the listing stands on-chain before a step opens the wallet. Null: do not send. */
  async function precheck(
    tx: ReturnType<typeof useTx>,
    symbolToUse?: string,
  ): Promise<(ChainCheck & { ok: true }) | null> {
    tx.setStep({ kind: "checking" });
    const check = await checkOnChainAction({ id: props.id, symbol: symbolToUse });
    if (!check.ok && check.code === "symbol_taken") {
      // Said beside the symbol field, before the wallet opens.
      setDeployErrors({ symbol: check.message });
      tx.setStep({ kind: "idle" });
      return null;
    }
    if (!check.ok) {
      tx.setStep({ kind: "failed", rejected: false, message: check.message });
      return null;
    }
    return check;
  }

  const record = async (hash: Hex) => {
    const result = await confirmChainTxAction({ id: props.id, txHash: hash });
    return result.ok ? null : result.message;
  };

  const toggle = <T,>(list: T[], v: T) => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);

  async function onDeploy() {
    const errors: Record<string, string> = {};
    if (!name.trim() || name.length > 64) errors.name = te("required");
    if (!/^[A-Z0-9]{2,11}$/.test(symbol)) errors.symbol = te("symbol");
    const rules = tokenRulesInput.safeParse({
      totalShares,
      allowedCountries: [...countries].sort((a, b) => a - b),
      categories: tokenCats,
      maxHolders,
      maxPerInvestor: maxPer,
      lockupDays: lockup,
    });
    if (!rules.success)
      for (const [f, i] of Object.entries(fieldIssues(rules.error)))
        errors[f] = tRoot(fieldIssueKey(i) as never, i.params as never);
    setDeployErrors(errors);
    if (Object.keys(errors).length > 0 || !rules.success) return;
    // Never twice: ask the server (which reads the chain, and any deploy already sent) before the wallet opens.
    const check = await precheck(deploy, symbol);
    if (!check) return;
    if (check.token || check.deploy?.status === "pending") {
      setFound(!!check.token);
      deploy.setStep({ kind: "idle" });
      router.refresh();
      return;
    }
    const r = rules.data;
    await deploy.send(
      {
        address: props.contracts.shareTokenFactory,
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
        account: props.account,
      },
      {
        onHash: (txHash) => recordSentTxAction({ id: props.id, kind: "deploy", txHash }),
        record,
      },
    );
    router.refresh();
  }

  async function onAnchor() {
    if (!props.token) return;
    // Read the token's registry first: a document anchored meanwhile (another tab, an interrupted run) is skipped.
    const check = await precheck(anchor);
    if (!check) return;
    const todo = pendingDocs.filter((d) => check.unanchored.includes(d.id));
    setAnchoredNow((a) => [...a, ...pendingDocs.filter((d) => !todo.includes(d)).map((d) => d.id)]);
    anchor.setStep({ kind: "idle" });
    for (const doc of todo) {
      const hash = await anchor.send(
        {
          address: props.token,
          abi: artworkShareTokenAbi,
          functionName: "setDocument",
          args: [documentNameToBytes32Plain(doc.name), `${props.appOrigin}/documents/${doc.id}`, doc.sha256],
          account: props.account,
        },
        { record },
      );
      if (!hash) break;
      setAnchoredNow((a) => [...a, doc.id]);
    }
    router.refresh();
  }

  async function onOffer() {
    if (!props.token) return;
    const now = Math.max(props.chainNow, Math.floor(Date.now() / 1000));
    const parsed = validateOfferingTerms(
      {
        price,
        supply,
        minTicket,
        maxTicket,
        start: fromLocalInput(start),
        end: fromLocalInput(end),
        categories: offerCats,
      },
      { decimals: props.decimals, now },
    );
    if (!parsed.ok) {
      setOfferErrors(
        Object.fromEntries(
          Object.entries(parsed.issues).map(([f, i]) => [f, tRoot(fieldIssueKey(i) as never, i.params as never)]),
        ),
      );
      return;
    }
    setOfferErrors({});
    // Never two offerings for one listing: the server reads the token's offerings (and any offering already sent).
    const check = await precheck(offer);
    if (!check) return;
    if (check.offeringId !== null || check.offering?.status === "pending") {
      setFoundOffering(check.offeringId !== null);
      offer.setStep({ kind: "idle" });
      router.refresh();
      return;
    }
    const v = parsed.data;
    await offer.send(
      {
        address: props.contracts.primaryOffering,
        abi: primaryOfferingAbi,
        functionName: "createOffering",
        args: [
          props.token,
          {
            pricePerShare: v.price,
            supplyCap: BigInt(v.supply),
            minTicket: BigInt(v.minTicket),
            maxTicket: BigInt(v.maxTicket),
            start: BigInt(v.start),
            end: BigInt(v.end),
            eligibleCategories: maskFromCategories(v.categories),
            treasury: props.account,
          },
        ],
        account: props.account,
      },
      {
        onHash: (txHash) => recordSentTxAction({ id: props.id, kind: "offering", txHash }),
        record,
      },
    );
    router.refresh();
  }

  /** A refused step's error summary: focused after each refused attempt, one linked line per refused field. */
  const refusal = (errors: Record<string, string>, fields: typeof DEPLOY_FIELDS | typeof OFFER_FIELDS) => {
    const find = (f: string) => fields.find(([name]) => name === f);
    return Object.keys(errors).length > 0 ? (
      <ErrorSummary
        title={tUi("fields")}
        focusKey={errors}
        items={errorItems(errors, {
          order: fields.map(([name]) => name),
          control: (f) => find(f)?.[1] ?? f,
          label: (f) => {
            const key = find(f)?.[2];
            return key ? t(key) : f;
          },
        })}
      />
    ) : null;
  };

  const checkboxes = (
    legend: string,
    selected: CategoryName[],
    set: (v: CategoryName[]) => void,
    error?: string,
    idp = "cat",
  ) => (
    <fieldset className="flex flex-col gap-2" aria-describedby={error ? `${idp}-error` : undefined}>
      <legend className="text-sm font-medium">{legend}</legend>
      <div className="flex flex-wrap gap-4">
        {CATEGORIES.map((c, i) => (
          <label key={c} className="flex items-center gap-2 text-sm">
            <input
              // The first box carries the group's id: the error summary's link moves focus there.
              id={i === 0 ? idp : undefined}
              type="checkbox"
              checked={selected.includes(c)}
              onChange={() => set(toggle(selected, c))}
              className="size-4 accent-[var(--color-accent)]"
            />
            {tc(c)}
          </label>
        ))}
      </div>
      <p id={`${idp}-error`} aria-live="polite" className="text-xs font-medium text-danger empty:hidden">
        {error}
      </p>
    </fieldset>
  );

  const num = (
    id: string,
    label: string,
    value: string,
    set: (v: string) => void,
    error?: string,
    hint?: string,
    inputMode: "numeric" | "decimal" = "numeric",
  ) => (
    <Field id={id} label={label} error={error} hint={hint}>
      {(c) => (
        <Input {...c} inputMode={inputMode} value={value} onChange={(e) => set(e.target.value)} autoComplete="off" />
      )}
    </Field>
  );

  return (
    <div className="flex flex-col gap-8">
      {/* Once every step is done there is nothing left to sign here. */}
      {offerDone ? null : !isConnected ? (
        <>
          <Alert
            tone="info"
            title={t("connectTitle")}
            action={
              <Button onClick={() => setConnectOpen(true)} loading={isReconnecting}>
                {t("connect")}
              </Button>
            }
          >
            {t("connectBody")}
          </Alert>
          <ConnectDialog open={connectOpen} onOpenChange={setConnectOpen} />
        </>
      ) : wrongWallet ? (
        <Alert tone="warn" title={t("wrongWalletTitle")}>
          {t("wrongWalletBody")}
        </Alert>
      ) : null}
      {syncError ? <Alert tone="error">{syncError}</Alert> : null}

      <ol className="flex flex-col gap-8">
        {/* Step 1: token */}
        <li className="flex flex-col gap-4 rounded-2xl border border-line p-5" aria-label={t("deployTitle")}>
          <StepHeader n={1} title={t("deployTitle")} state={deployWaiting ? "sent" : stateOf(tokenDone, true)} />
          {tokenDone ? (
            <div className="flex flex-col gap-1">
              {found ? (
                <Alert tone="info" role="status">
                  {t("foundExisting")}
                </Alert>
              ) : null}
              <p className="text-sm" data-testid="token-address">
                {t("deployedAt")} <code className="font-mono break-all">{props.token}</code>
              </p>
              {props.deployTx?.status === "confirmed" ? (
                <TxHash label={t("deployedIn")} hash={props.deployTx.txHash} />
              ) : null}
            </div>
          ) : deployWaiting ? (
            <Waiting
              tx={deployWaiting}
              title={t("deployWaitingTitle")}
              body={t("deployWaitingBody", { time: formatDayTime(new Date(deployWaiting.sentAt), locale) })}
              testId="deploy-waiting"
            />
          ) : (
            <>
              {props.deployTx?.status === "failed" ? (
                <EarlierFailure
                  tx={props.deployTx}
                  body={t("deployFailedBefore", { reason: failureText(props.deployTx) })}
                />
              ) : null}
              <p className="text-sm text-ink-muted">{t("deployExplain")}</p>
              {refusal(deployErrors, DEPLOY_FIELDS)}
              <div className="grid gap-4 sm:grid-cols-2">
                <Field id="token-name" label={t("tokenName")} error={deployErrors.name}>
                  {(c) => <Input {...c} value={name} maxLength={64} onChange={(e) => setName(e.target.value)} />}
                </Field>
                <Field id="token-symbol" label={t("symbol")} hint={t("symbolHint")} error={deployErrors.symbol}>
                  {(c) => (
                    <Input
                      {...c}
                      value={symbol}
                      maxLength={11}
                      onChange={(e) => setSymbol(e.target.value.toUpperCase())}
                    />
                  )}
                </Field>
              </div>
              <fieldset className="flex flex-col gap-2">
                <legend className="text-sm font-medium">{t("countries")}</legend>
                <div className="flex flex-wrap gap-4">
                  {props.countries.map((c, i) => (
                    <label key={c.code} className="flex items-center gap-2 text-sm">
                      <input
                        id={i === 0 ? "token-countries" : undefined}
                        type="checkbox"
                        checked={countries.includes(c.code)}
                        onChange={() => setCountries(toggle(countries, c.code))}
                        className="size-4"
                      />
                      {c.name}
                    </label>
                  ))}
                </div>
                <p className="text-xs text-ink-muted">{t("countriesHint")}</p>
              </fieldset>
              {checkboxes(t("tokenCategories"), tokenCats, setTokenCats, deployErrors.categories, "token-cat")}
              {num(
                "total-shares",
                t("totalShares"),
                totalShares,
                setTotalShares,
                deployErrors.totalShares,
                t("totalSharesHint"),
              )}
              <div className="grid gap-4 sm:grid-cols-3">
                {num(
                  "max-holders",
                  t("maxHolders"),
                  maxHolders,
                  setMaxHolders,
                  deployErrors.maxHolders,
                  t("zeroNoLimit"),
                )}
                {num("max-per", t("maxPerInvestor"), maxPer, setMaxPer, deployErrors.maxPerInvestor, t("zeroNoLimit"))}
                {num("lockup", t("lockupDays"), lockup, setLockup, deployErrors.lockupDays)}
              </div>
              <Alert tone="info" role="none" title={t("willSign")}>
                <p>
                  {/^\d{1,12}$/.test(totalShares.trim())
                    ? t("deploySigns", {
                        name: name || "—",
                        symbol: symbol || "—",
                        shares: Number(totalShares.trim()).toLocaleString(locale),
                      })
                    : t("deploySignsNoShares", { name: name || "—", symbol: symbol || "—" })}
                </p>
                <p className="mt-1 text-xs">
                  {t("metadataUri")}{" "}
                  <code className="font-mono break-all" data-testid="metadata-uri">
                    {props.metadataUri}
                  </code>
                </p>
                <p className="mt-1 text-xs">
                  {t("metadataHash")}{" "}
                  <code className="font-mono break-all" data-testid="metadata-hash">
                    {props.metadataHash}
                  </code>
                </p>
              </Alert>
              <TxStatus
                step={deploy.step}
                confirmed={t("deployConfirmed")}
                pendingNote={t("pendingSafe")}
                testId="deploy-status"
              />
              <div>
                <Button onClick={onDeploy} disabled={!canSign} loading={deploy.busy}>
                  {t("deploy")}
                </Button>
              </div>
            </>
          )}
        </li>

        {/* Step 2: documents */}
        <li className="flex flex-col gap-4 rounded-2xl border border-line p-5" aria-label={t("anchorTitle")}>
          <StepHeader n={2} title={t("anchorTitle")} state={stateOf(docsDone, tokenDone)} />
          <p className="text-sm text-ink-muted">{t("anchorExplain")}</p>
          {props.documents.length === 0 ? (
            <p className="text-sm">{t("noDocuments")}</p>
          ) : (
            <ul className="divide-y divide-line rounded-xl border border-line text-sm">
              {props.documents.map((d) => {
                const done = d.anchored || anchoredNow.includes(d.id);
                return (
                  <li
                    key={d.id}
                    className="flex flex-col gap-1 px-3 py-2 sm:flex-row sm:items-center sm:justify-between"
                  >
                    <span className="flex min-w-0 flex-col">
                      <span className="font-medium">{d.title}</span>
                      <code className="font-mono text-xs break-all text-ink-muted">SHA-256 {d.sha256}</code>
                      {props.anchorTxs[d.id] ? <TxHash label={t("anchoredIn")} hash={props.anchorTxs[d.id]!} /> : null}
                    </span>
                    <span className="shrink-0">
                      <Badge tone={done ? "success" : "neutral"} icon={done ? "check" : "clock"}>
                        {done ? t("anchored") : t("notAnchored")}
                      </Badge>
                    </span>
                  </li>
                );
              })}
            </ul>
          )}
          {tokenDone && pendingDocs.length > 0 ? (
            <>
              <Alert tone="info" role="none" title={t("willSign")}>
                {t("anchorSigns", { count: pendingDocs.length })}
              </Alert>
              <TxStatus step={anchor.step} testId="anchor-status" />
              <div>
                <Button onClick={onAnchor} disabled={!canSign} loading={anchor.busy}>
                  {t("anchor", { count: pendingDocs.length })}
                </Button>
              </div>
            </>
          ) : null}
        </li>

        {/* Step 3: offering */}
        <li className="flex flex-col gap-4 rounded-2xl border border-line p-5" aria-label={t("offerTitle")}>
          <StepHeader n={3} title={t("offerTitle")} state={offerWaiting ? "sent" : stateOf(offerDone, docsDone)} />
          {offerDone ? (
            <div className="flex flex-col gap-1">
              {foundOffering ? (
                <Alert tone="info" role="status">
                  {t("offerExisting")}
                </Alert>
              ) : null}
              <p className="text-sm" data-testid="offering-created">
                {t("offerCreated", { id: props.offeringId ?? "" })}
              </p>
              {props.offeringTx?.status === "confirmed" ? (
                <TxHash label={t("createdIn")} hash={props.offeringTx.txHash} />
              ) : null}
            </div>
          ) : offerWaiting ? (
            <Waiting
              tx={offerWaiting}
              title={t("offerWaitingTitle")}
              body={t("offerWaitingBody", { time: formatDayTime(new Date(offerWaiting.sentAt), locale) })}
              testId="offer-waiting"
            />
          ) : docsDone ? (
            <>
              {props.offeringTx?.status === "failed" ? (
                <EarlierFailure
                  tx={props.offeringTx}
                  body={t("offerFailedBefore", { reason: failureText(props.offeringTx) })}
                />
              ) : null}
              <p className="text-sm text-ink-muted">{t("offerExplain")}</p>
              {refusal(offerErrors, OFFER_FIELDS)}
              <div className="grid gap-4 sm:grid-cols-2">
                {num("offer-price", t("price"), price, setPrice, offerErrors.price, t("priceHint"), "decimal")}
                {num("offer-supply", t("supply"), supply, setSupply, offerErrors.supply)}
                {num("offer-min", t("minTicket"), minTicket, setMinTicket, offerErrors.minTicket)}
                {num("offer-max", t("maxTicket"), maxTicket, setMaxTicket, offerErrors.maxTicket)}
                <Field id="offer-start" label={t("start")} error={offerErrors.start}>
                  {(c) => (
                    <Input {...c} type="datetime-local" value={start} onChange={(e) => setStart(e.target.value)} />
                  )}
                </Field>
                <Field id="offer-end" label={t("end")} error={offerErrors.end}>
                  {(c) => <Input {...c} type="datetime-local" value={end} onChange={(e) => setEnd(e.target.value)} />}
                </Field>
              </div>
              {checkboxes(t("offerCategories"), offerCats, setOfferCats, offerErrors.categories, "offer-cat")}
              <Alert tone="info" role="none" title={t("willSign")}>
                {(() => {
                  // Spelled out once the price and the supply read as amounts; until then, what is missing.
                  const units = parseMoneyAmount(price, props.decimals);
                  const shares = parseShareAmount(supply);
                  if (!units.ok || !shares.ok) return t("offerSignsIncomplete");
                  const each = formatMoney(units.value, props.decimals, locale);
                  return t("offerSigns", { supply: formatCount(shares.value, locale), price: each });
                })()}
              </Alert>
              <TxStatus
                step={offer.step}
                confirmed={t("offerConfirmed")}
                pendingNote={t("pendingSafe")}
                testId="offer-status"
              />
              <div>
                <Button onClick={onOffer} disabled={!canSign} loading={offer.busy}>
                  {t("createOffering")}
                </Button>
              </div>
            </>
          ) : (
            <p className="text-sm text-ink-muted">{t("offerWaiting")}</p>
          )}
        </li>
      </ol>
    </div>
  );
}
