import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getAddress, isAddress } from "viem";
import { BatchFreezeAction, BatchSelectBox } from "@/components/compliance/console/batch-freeze";
import { BatchTransferAction } from "@/components/compliance/console/batch-transfer";
import { ConsoleHeader } from "@/components/compliance/console/console-nav";
import { HolderActions, TokenPauseAction } from "@/components/compliance/console/holder-actions";
import { KycBadge } from "@/components/compliance/console/kyc-badge";
import { PendingProposals } from "@/components/compliance/console/pending-proposals";
import { RecoveredOrders } from "@/components/compliance/console/recovered-orders";
import { DeskHistory } from "@/components/compliance/desk-history";
import { TokenRoleHistory } from "@/components/compliance/token-role-history";
import { Address } from "@/components/ui/address";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { buttonStyles } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Input, Select } from "@/components/ui/input";
import { requirePageSession } from "@/lib/auth/guard";
import {
  crossCheckRegister,
  getTokenRegister,
  getTokenTitle,
  RegisterUnavailableError,
  type TokenRegister,
} from "@/lib/compliance/register";
import {
  parseRegisterParams,
  queryRegister,
  REGISTER_PAGE_SIZES,
  type RegisterParams,
  type RegisterSort,
} from "@/lib/compliance/register-query";
import { loadProposalTransferRows } from "@/lib/compliance/batch-transfer-preview";
import {
  getDeskAddress,
  getPaymentDecimals,
  getPendingProposals,
  getRecoveredWalletOrders,
  getWalletOpenOrders,
} from "@/lib/compliance/enforcement";
import { getDeployments, getPublicClient } from "@/lib/chain/server";
import { getDb } from "@/lib/db";
import { readSuccessor } from "@/lib/issuer/token-migration";
import { formatDay, formatDayTime } from "@/lib/format/date";
import { formatMoney } from "@/lib/format/money";

type Props = {
  params: Promise<{ address: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("complianceConsole.register");
  return { title: t("title") };
}

function hrefWith(base: string, p: RegisterParams, change: Partial<RegisterParams>): string {
  const next = { ...p, ...change };
  const qs = new URLSearchParams();
  if (next.q) qs.set("q", next.q);
  if (next.sort !== "shares") qs.set("sort", next.sort);
  if (next.dir !== "desc") qs.set("dir", next.dir);
  if (next.page > 1) qs.set("page", String(next.page));
  if (next.per !== 50) qs.set("per", String(next.per));
  if (next.block) qs.set("block", next.block);
  const s = qs.toString();
  return s ? `${base}?${s}` : base;
}

/** The holder register of one token: chain truth joined to identities; search, sort, paging and past block in the URL. */
export default async function RegisterPage({ params, searchParams }: Props) {
  const { address: raw } = await params;
  if (!isAddress(raw, { strict: false })) notFound();
  const token = getAddress(raw);
  const base = `/compliance/tokens/${token}`;
  const ctx = await requirePageSession({ role: "compliance", next: base });
  const p = parseRegisterParams(await searchParams);
  const db = await getDb();
  const [t, tc, locale] = await Promise.all([
    getTranslations("complianceConsole.register"),
    getTranslations("complianceConsole"),
    getLocale(),
  ]);

  let register: TokenRegister;
  let notice: string | null = null;
  try {
    register = await getTokenRegister(db, token, p.block);
  } catch (error) {
    if (!(error instanceof RegisterUnavailableError)) throw error;
    if (error.code === "not_a_token") notFound();
    notice = t(`unavailable.${error.code}`, { through: error.indexedThrough?.toString() ?? "" });
    register = await getTokenRegister(db, token);
  }
  // The archive read as a cross-check of the indexer's register, on request (it costs a full read of that block).
  const check = p.check && register.source === "indexer" ? await crossCheckRegister(register) : null;
  const [listing, successor] = await Promise.all([getTokenTitle(db, token), readSuccessor(getPublicClient(), token)]);
  const view = queryRegister(register.rows, p);
  const past = !register.atLatest;
  // Enforcement (pause, freeze, two-agent proposals) is for the desk's agents; an identity agent reads the register.
  const act = !past && ctx.roles.enforcementAgent;
  const nf = new Intl.NumberFormat(locale === "en" ? "en-HK" : locale);
  const pct = new Intl.NumberFormat(locale === "en" ? "en-HK" : locale, { style: "percent", maximumFractionDigits: 2 });
  const columns: { key: string; sort?: RegisterSort; numeric?: boolean }[] = [
    { key: "wallet" },
    { key: "investor", sort: "name" },
    { key: "country", sort: "country" },
    { key: "kyc", sort: "kyc" },
    { key: "shares", sort: "shares", numeric: true },
    { key: "share", numeric: true },
    { key: "frozen", sort: "frozen", numeric: true },
    { key: "lockup", numeric: true },
  ];
  const csvHref = hrefWith(
    `${base}/register.csv`,
    { ...p, page: 1, per: 50 },
    { ...(register.atLatest ? {} : { block: register.blockNumber.toString() }) },
  );
  const title = listing?.title ?? register.name;
  const desk = getDeskAddress();
  const proposals = desk && act ? await getPendingProposals(token) : [];
  // A recovery's reviewer sees the lost wallet's open orders and the escrow that will return to the new wallet.
  const lostOrders = await Promise.all(
    proposals.map((x) =>
      x.functionName === "recoverWallet" && typeof x.args.lostWallet === "string"
        ? getWalletOpenOrders({ token, wallet: getAddress(x.args.lostWallet) })
        : null,
    ),
  );
  // Wallets recovered already whose orders are still open: the officer cancels them (escrow to the recovered wallet).
  const market = getDeployments().market;
  const recovered = !past && market ? await getRecoveredWalletOrders({ token }) : [];
  const payDecimals = lostOrders.some((o) => o) || recovered.length > 0 ? await getPaymentDecimals() : 0;
  const transferRows = await loadProposalTransferRows(db, proposals);

  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-6 px-4 pt-6 pb-20 sm:px-6 lg:px-8">
      <ConsoleHeader
        current="tokens"
        title={
          <>
            {title} <span className="text-xl text-ink-muted">· {register.symbol}</span>
          </>
        }
        intro={
          <>
            <Link href="/compliance/tokens" className="underline underline-offset-4">
              {t("breadcrumb")}
            </Link>
          </>
        }
      >
        <div className="flex flex-wrap items-center gap-2 text-sm text-ink-muted">
          <Address address={token} />
          <span aria-hidden="true">·</span>
          <span>
            {t("atBlock", {
              block: register.blockNumber.toString(),
              date: formatDayTime(new Date(register.blockTime * 1000), locale),
            })}
          </span>
          <Badge tone={past ? "warn" : "neutral"} icon={past ? "clock" : "dot"}>
            {past ? t("past") : t("latest")}
          </Badge>
        </div>
      </ConsoleHeader>

      {successor ? (
        <Alert
          tone="warn"
          action={
            <Link
              href={`/compliance/tokens/${successor}`}
              className={buttonStyles({ variant: "secondary", size: "sm" })}
            >
              {t("retiredLink")}
            </Link>
          }
        >
          {t("retired")}
        </Alert>
      ) : null}
      {notice ? <Alert tone="warn">{notice}</Alert> : null}
      {past ? (
        <Alert
          tone="info"
          action={
            <Link
              href={hrefWith(base, p, { block: undefined, page: 1 })}
              className={buttonStyles({ variant: "secondary", size: "sm" })}
            >
              {t("backToLatest")}
            </Link>
          }
        >
          {t("pastNote", { block: register.blockNumber.toString() })}
        </Alert>
      ) : null}
      {register.source !== "chain" ? (
        <p
          className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-ink-muted"
          data-testid="register-source"
          data-source={register.source}
        >
          <span>
            {register.source === "indexer"
              ? t("source.indexer", { through: register.indexedThrough?.toString() ?? "" })
              : register.indexedThrough === null
                ? t("source.archiveNoIndexer")
                : t("source.archive", { through: register.indexedThrough.toString() })}
          </span>
          {register.source === "indexer" && !check ? (
            <Link
              href={`${hrefWith(base, p, {})}${p.block ? "&" : "?"}check=1`}
              className="underline underline-offset-4"
              prefetch={false}
            >
              {t("crossCheck.link")}
            </Link>
          ) : null}
        </p>
      ) : null}
      {check ? (
        <Alert tone={check.ok && check.differences.length === 0 ? "success" : "warn"}>
          {!check.ok
            ? t("crossCheck.unavailable", { block: register.blockNumber.toString() })
            : check.differences.length === 0
              ? t("crossCheck.agree", { block: register.blockNumber.toString() })
              : t("crossCheck.differ", {
                  block: register.blockNumber.toString(),
                  count: check.differences.length,
                  list: check.differences.slice(0, 10).join(", "),
                })}
        </Alert>
      ) : null}

      <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-5">
        {[
          [t("supply"), nf.format(register.totalSupply)],
          [t("investors"), nf.format(register.holderCount)],
          [t("wallets"), nf.format(register.holderWalletCount)],
          [
            t("limit"),
            register.maxHolders === null
              ? t("limitUnknown")
              : register.maxHolders
                ? nf.format(register.maxHolders)
                : tc("tokens.noLimit"),
          ],
        ].map(([k, v]) => (
          <div key={k} className="rounded-xl border border-line px-3 py-2">
            <dt className="text-xs text-ink-muted">{k}</dt>
            <dd className="text-lg tabular">{v}</dd>
          </div>
        ))}
        {/* A dl's groups hold only dt and dd: the pause action sits inside the status's dd. */}
        <div className="col-span-2 rounded-xl border border-line px-3 py-2 sm:col-span-1">
          <dt className="text-xs text-ink-muted">{t("status")}</dt>
          <dd className="flex items-center justify-between gap-2">
            {register.paused ? (
              <Badge tone="danger" icon="lock">
                {tc("tokens.paused")}
              </Badge>
            ) : (
              <Badge tone="success" icon="check">
                {tc("tokens.active")}
              </Badge>
            )}
            {act ? (
              <TokenPauseAction token={token} symbol={register.symbol} officer={ctx.address} paused={register.paused} />
            ) : null}
          </dd>
        </div>
      </dl>

      {desk && act ? (
        <PendingProposals
          desk={desk}
          symbol={register.symbol}
          officer={ctx.address}
          proposals={proposals.map((x, i) => ({
            id: x.id,
            token: x.token,
            proposer: x.proposer,
            expires: formatDayTime(new Date(x.expiresAt * 1000), locale),
            expired: x.expired,
            functionName: x.functionName,
            args: x.args,
            data: x.data,
            lostOrders: lostOrders[i]
              ? {
                  count: lostOrders[i].orders.length,
                  escrow: formatMoney(lostOrders[i].escrow, payDecimals, locale),
                }
              : undefined,
          }))}
          transferRows={transferRows}
        />
      ) : null}

      {market && recovered.length > 0 ? (
        <RecoveredOrders
          market={market}
          symbol={register.symbol}
          officer={ctx.address}
          rows={recovered.map((r) => ({
            lostWallet: r.lostWallet,
            recoveredTo: r.recoveredTo,
            escrow: formatMoney(r.escrow, payDecimals, locale),
            hasEscrow: r.escrow > 0n,
            orders: r.orders.map((o) => ({
              id: o.id,
              side: o.side,
              remaining: o.remaining.toString(),
              price: formatMoney(o.price, payDecimals, locale),
              escrow: formatMoney(o.escrow, payDecimals, locale),
            })),
          }))}
        />
      ) : null}

      <form
        method="get"
        action={base}
        role="search"
        aria-label={t("filters")}
        className="grid gap-3 rounded-xl border border-line p-3 sm:grid-cols-[2fr_1fr_auto_auto] sm:items-end"
      >
        <div className="flex flex-col gap-1">
          <label htmlFor="register-q" className="text-sm font-medium">
            {t("search")}
          </label>
          <Input
            id="register-q"
            name="q"
            defaultValue={p.q}
            placeholder={t("searchHint")}
            aria-describedby="register-q-hint"
          />
          <p id="register-q-hint" className="sr-only">
            {t("searchHint")}
          </p>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="register-block" className="text-sm font-medium">
            {t("block")}
          </label>
          <Input
            id="register-block"
            name="block"
            inputMode="numeric"
            defaultValue={p.block ?? ""}
            placeholder={t("blockHint")}
          />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="register-per" className="text-sm font-medium">
            {t("perPage")}
          </label>
          <Select id="register-per" name="per" defaultValue={String(p.per)}>
            {REGISTER_PAGE_SIZES.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </Select>
        </div>
        {p.sort !== "shares" ? <input type="hidden" name="sort" value={p.sort} /> : null}
        {p.dir !== "desc" ? <input type="hidden" name="dir" value={p.dir} /> : null}
        <div className="flex gap-2">
          <button type="submit" className={buttonStyles({ size: "md" })}>
            {t("apply")}
          </button>
          <Link href={base} className={buttonStyles({ variant: "ghost", size: "md" })}>
            {t("reset")}
          </Link>
        </div>
      </form>

      <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <p aria-live="polite">
          {t("count", { count: view.total })} · {t("pageOf", { page: view.page, pages: view.pages })}
        </p>
        <div className="flex flex-wrap items-center gap-2">
          {act && register.rows.length > 0 ? (
            <BatchFreezeAction token={token} symbol={register.symbol} officer={ctx.address} />
          ) : null}
          {!past && desk && register.rows.length > 0 ? (
            <BatchTransferAction token={token} symbol={register.symbol} officer={ctx.address} desk={desk} />
          ) : null}
          <a href={csvHref} className={buttonStyles({ variant: "secondary", size: "sm" })} download>
            {t("exportCsv")}
          </a>
        </div>
      </div>

      {register.rows.length === 0 ? (
        <EmptyState title={t("emptyTitle")} description={t("emptyBody")} />
      ) : view.total === 0 ? (
        <EmptyState title={t("noMatchTitle")} description={t("noMatchBody")} />
      ) : (
        <div className="max-h-[70vh] overflow-auto rounded-xl border border-line">
          <table className="w-full min-w-[62rem] border-collapse text-sm">
            <caption className="sr-only">
              {t("caption", {
                symbol: register.symbol,
                sort: t(`columns.${p.sort === "name" ? "name" : p.sort}` as never),
                dir: t(p.dir),
              })}
            </caption>
            <thead className="sticky top-0 z-10 bg-surface-muted text-left text-xs text-ink-muted">
              <tr>
                {act ? (
                  <th scope="col" className="border-b border-line px-3 py-2 font-medium">
                    <span className="sr-only">{t("columns.select")}</span>
                  </th>
                ) : null}
                {columns.map((c) => {
                  const active = c.sort && c.sort === p.sort;
                  const label = t(`columns.${c.key}` as never);
                  return (
                    <th
                      key={c.key}
                      scope="col"
                      aria-sort={active ? (p.dir === "asc" ? "ascending" : "descending") : undefined}
                      className={`border-b border-line px-3 py-2 font-medium ${c.numeric ? "text-right" : ""}`}
                    >
                      {c.sort ? (
                        <Link
                          href={hrefWith(base, p, {
                            sort: c.sort,
                            dir: active && p.dir === "desc" ? "asc" : "desc",
                            page: 1,
                          })}
                          className="inline-flex items-center gap-1 hover:text-ink"
                          aria-label={t("sortBy", { column: label })}
                        >
                          {label}
                          <span aria-hidden="true">{active ? (p.dir === "asc" ? "▲" : "▼") : "↕"}</span>
                        </Link>
                      ) : (
                        label
                      )}
                    </th>
                  );
                })}
                {act ? (
                  <th scope="col" className="border-b border-line px-3 py-2 font-medium">
                    <span className="sr-only">{t("columns.actions")}</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {view.rows.map((r) => {
                const id = r.identity;
                const others = (id?.wallets ?? []).filter((w) => w !== r.wallet.toLowerCase()).length;
                return (
                  <tr
                    key={r.wallet}
                    className="border-b border-line last:border-0 hover:bg-surface-muted/50"
                    data-wallet={r.wallet.toLowerCase()}
                  >
                    {act ? (
                      <td className="px-3 py-2 align-top">
                        <BatchSelectBox
                          wallet={r.wallet}
                          label={t("selectRow", { who: id?.name ?? t("unknownInvestor"), wallet: r.wallet })}
                        />
                      </td>
                    ) : null}
                    <td className="px-3 py-2 align-top whitespace-nowrap">
                      <Address address={r.wallet} />
                      {!r.verified ? (
                        <div>
                          <Badge tone="danger" icon="warn">
                            {t("unverified")}
                          </Badge>
                        </div>
                      ) : null}
                    </td>
                    <th scope="row" className="px-3 py-2 text-left align-top font-normal">
                      {id ? (
                        <Link
                          href={`/compliance/investors/${id.id}`}
                          className="font-medium underline-offset-4 hover:underline"
                        >
                          {id.name ?? t("unknownInvestor")}
                        </Link>
                      ) : (
                        <span className="text-ink-muted">{t("unknownInvestor")}</span>
                      )}
                      <div className="text-xs text-ink-muted">
                        {id?.category ? tc(`categories.${id.category}` as never) : null}
                        {others > 0 ? <> · {t("otherWallets", { count: others })}</> : null}
                      </div>
                    </th>
                    <td className="px-3 py-2 align-top">{id?.residence ?? t("none")}</td>
                    <td className="px-3 py-2 align-top">
                      {id ? <KycBadge status={id.kycStatus} /> : t("none")}
                      {id?.kycExpiresAt ? (
                        <div className="text-xs text-ink-muted">
                          {tc(id.kycExpiresAt.getTime() < register.blockTime * 1000 ? "kyc.expiredOn" : "kyc.expires", {
                            date: formatDay(id.kycExpiresAt, locale),
                          })}
                        </div>
                      ) : null}
                    </td>
                    <td className="px-3 py-2 text-right align-top tabular" data-col="shares">
                      {nf.format(r.shares)}
                    </td>
                    <td className="px-3 py-2 text-right align-top tabular">{pct.format(r.share)}</td>
                    <td className="px-3 py-2 text-right align-top" data-col="frozen">
                      {r.frozen ? (
                        <Badge tone="danger" icon="lock">
                          {t("walletFrozen")}
                        </Badge>
                      ) : null}
                      {r.frozenAmount > 0n ? (
                        <div>
                          <Badge tone="warn" icon="lock">
                            {t("partFrozen", { amount: Number(r.frozenAmount) })}
                          </Badge>
                        </div>
                      ) : null}
                      {!r.frozen && r.frozenAmount === 0n ? t("none") : null}
                    </td>
                    <td className="px-3 py-2 text-right align-top text-xs tabular" data-col="lockup">
                      {r.lockedAmount > 0n
                        ? t("lockedUntil", {
                            amount: Number(r.lockedAmount),
                            date: formatDay(new Date(r.lockedUntil * 1000), locale),
                          })
                        : t("none")}
                    </td>
                    {act ? (
                      <td className="px-3 py-2 text-right align-top">
                        <HolderActions
                          token={token}
                          symbol={register.symbol}
                          officer={ctx.address}
                          desk={desk}
                          holder={{
                            wallet: r.wallet,
                            name: id?.name ?? null,
                            shares: r.shares.toString(),
                            frozen: r.frozen,
                            frozenAmount: r.frozenAmount.toString(),
                            lockedAmount: r.lockedAmount.toString(),
                          }}
                        />
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      {view.pages > 1 ? (
        <nav aria-label={t("pagination")} className="flex items-center justify-between gap-2 text-sm">
          {view.page > 1 ? (
            <Link
              rel="prev"
              href={hrefWith(base, p, { page: view.page - 1 })}
              className={buttonStyles({ variant: "secondary", size: "sm" })}
            >
              {t("previous")}
            </Link>
          ) : (
            <span />
          )}
          <span>{t("pageOf", { page: view.page, pages: view.pages })}</span>
          {view.page < view.pages ? (
            <Link
              rel="next"
              href={hrefWith(base, p, { page: view.page + 1 })}
              className={buttonStyles({ variant: "secondary", size: "sm" })}
            >
              {t("next")}
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}

      <DeskHistory token={token} />
      <TokenRoleHistory token={token} />
    </div>
  );
}
