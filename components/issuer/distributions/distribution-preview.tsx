"use client";

import { useLocale, useTranslations } from "next-intl";
import { type Address, getAddress, type Hex } from "viem";
import { Cell, DataTable, keyColumns, RIGHT } from "@/components/ui/data-table";
import { FactList } from "@/components/ui/fact-list";
import { PAYMENT_DECIMALS, DISTRIBUTION_KINDS } from "@/lib/distributions/client";
import { formatDayTime } from "@/lib/format/date";
import { formatCount, formatMoney } from "@/lib/format/money";
import type { planDistributionAction } from "../distribution-actions";
import { recordDistributionAction } from "../distribution-actions";
import { HolderRow, PlanPreviewFrame, PlanSignSteps, usePlanSigning } from "../plan-preview";

export type Plan = Extract<Awaited<ReturnType<typeof planDistributionAction>>, { ok: true }>;

/** The plan before signing (holders, amounts, left-out wallets, total, dust, deadline, document), then the two steps. */
export function DistributionPreview({
  plan,
  account,
  onDiscard,
}: {
  plan: Plan;
  account: Address;
  onDiscard: () => void;
}) {
  const t = useTranslations("distributions.issuer");
  const locale = useLocale();
  const money = (v: bigint | string) => formatMoney(BigInt(v), PAYMENT_DECIMALS, locale);
  const amount = BigInt(plan.terms.amount);
  const {
    steps,
    phase,
    sign: signPlan,
  } = usePlanSigning(account, { paymentToken: plan.paymentToken, spender: plan.distributor, amount }, "create");
  const done = steps.tx.step.kind === "confirmed";

  async function sign() {
    // The contract's ABI loads when the issuer signs, not with the page.
    const { distributorAbi } = await import("@/lib/chain/abi/distributor");
    const terms = {
      kind: plan.terms.kind,
      amount,
      recordBlock: BigInt(plan.terms.recordBlock),
      claimDeadline: BigInt(plan.terms.claimDeadline),
      root: plan.terms.root as Hex,
      treeHash: plan.terms.treeHash as Hex,
      leafCount: BigInt(plan.terms.leafCount),
    };
    await signPlan(
      () => ({
        address: getAddress(plan.distributor),
        abi: distributorAbi,
        functionName: "createDistribution",
        args: [getAddress(plan.token), terms, plan.treeURI],
        account,
      }),
      (hash) => recordDistributionAction({ id: plan.id, txHash: hash }),
    );
  }

  return (
    <PlanPreviewFrame testId="distribution-preview" title={t("previewTitle")} intro={t("previewIntro")}>
      <PreviewFacts plan={plan} />
      <PreviewTables plan={plan} />
      <PlanSignSteps
        {...steps}
        phaseLine={phase ? (phase === "approve" ? t("approving", { amount: money(amount) }) : t("creating")) : null}
        words={{
          connect: t("connectHint"),
          wrong: t("wrongWallet"),
          confirmed: t("created"),
          sign: t("sign", { amount: money(amount) }),
          discard: t("discard"),
          done: t("another"),
        }}
        statusTestId="distribution-create-status"
        onSign={sign}
        onDiscard={onDiscard}
      >
        {!done ? <p className="text-sm">{t("stepsIntro", { amount: money(amount) })}</p> : null}
      </PlanSignSteps>
    </PlanPreviewFrame>
  );
}

/** Who is paid what, and who is left out and why (the rest of a long list is in the tree document). */
function PreviewTables({ plan }: { plan: Plan }) {
  const t = useTranslations("distributions.issuer");
  const locale = useLocale();
  const money = (v: string) => formatMoney(BigInt(v), PAYMENT_DECIMALS, locale);
  const leftOutReason = (e: Plan["leftOut"][number]) =>
    e.reason === "platform"
      ? t("reasonPlatform", { contract: e.contract ?? "" })
      : e.reason === "token"
        ? t("reasonToken")
        : t("reasonUnderCent");
  const more = plan.entitled - plan.entitlements.length;
  return (
    <>
      <DataTable
        caption={t("holdersCaption")}
        captionVisible
        minWidth="18rem"
        maxHeight="24rem"
        regionLabel={t("holdersCaption")}
        testId="distribution-preview-holders"
        columns={keyColumns(["colWallet", "colShares", "colAmount"], t, { colShares: RIGHT, colAmount: RIGHT })}
      >
        {plan.entitlements.map((e) => (
          <HolderRow key={e.wallet} holder={e}>
            <Cell align="right">{money(e.amount)}</Cell>
          </HolderRow>
        ))}
      </DataTable>
      {more > 0 ? <p className="text-sm text-ink-muted">{t("moreRows", { count: more })}</p> : null}
      {plan.leftOut.length === 0 ? (
        <p className="text-sm text-ink-muted">{t("leftOutNone")}</p>
      ) : (
        <DataTable
          caption={t("leftOutCaption")}
          captionVisible
          minWidth="18rem"
          columns={keyColumns(["colWallet", "colShares", "colReason"], t, { colShares: RIGHT })}
        >
          {plan.leftOut.map((e) => (
            <HolderRow key={e.wallet} holder={e}>
              <Cell>{leftOutReason(e)}</Cell>
            </HolderRow>
          ))}
        </DataTable>
      )}
    </>
  );
}

/** The plan's terms as facts: kind, amount, record block, holders, shares, total, dust, deadline (HKT), document. */
function PreviewFacts({ plan }: { plan: Plan }) {
  const t = useTranslations("distributions.issuer");
  const tk = useTranslations("distributions.kinds");
  const locale = useLocale();
  const money = (v: bigint | string) => formatMoney(BigInt(v), PAYMENT_DECIMALS, locale);
  const amount = BigInt(plan.terms.amount);
  const total = amount - BigInt(plan.dust);
  return (
    <FactList
      stackOnPhones
      facts={[
        { label: t("factKind"), value: tk(DISTRIBUTION_KINDS[plan.terms.kind]!) },
        { label: t("factAmount"), value: <span className="tabular">{money(amount)}</span> },
        { label: t("factRecordBlock"), value: <span className="tabular">{plan.terms.recordBlock}</span> },
        { label: t("factHolders"), value: <span className="tabular">{formatCount(plan.entitled, locale)}</span> },
        {
          label: t("factShares"),
          value: <span className="tabular">{formatCount(BigInt(plan.totalShares), locale)}</span>,
        },
        { label: t("factTotal"), value: <span className="tabular">{money(total)}</span> },
        { label: t("factDust"), value: <span className="tabular">{money(plan.dust)}</span> },
        {
          label: t("factDeadline"),
          value: formatDayTime(new Date(Number(plan.terms.claimDeadline) * 1000), locale),
        },
        {
          label: t("factDocument"),
          value: (
            <a href={plan.treeURI} target="_blank" rel="noreferrer" className="underline underline-offset-4">
              {t("openDocument")}
            </a>
          ),
        },
        {
          label: t("factTreeHash"),
          value: <code className="font-mono text-xs break-all">{plan.terms.treeHash}</code>,
        },
        { label: t("factRoot"), value: <code className="font-mono text-xs break-all">{plan.terms.root}</code> },
      ]}
    />
  );
}
