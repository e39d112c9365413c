"use client";

import { useLocale, useTranslations } from "next-intl";
import { type Address, getAddress, type Hex } from "viem";
import { Address as AddressText } from "@/components/ui/address";
import { DataTable, keyColumns, RIGHT } from "@/components/ui/data-table";
import { FactList } from "@/components/ui/fact-list";
import { recordSaleOpenedAction, type planSaleAction } from "@/components/sale/actions";
import { PAYMENT_DECIMALS } from "@/lib/distributions/client";
import { formatDayTime } from "@/lib/format/date";
import { formatCount, formatMoney } from "@/lib/format/money";
import { HolderRow, PlanPreviewFrame, PlanSignSteps, usePlanSigning } from "../plan-preview";

export type SalePlan = Extract<Awaited<ReturnType<typeof planSaleAction>>, { ok: true }> & { offerName: string };

/** The plan before signing (offer, weights, thresholds, what approval means), then approve + openSale. */
export function SalePreview({ plan, account, onDiscard }: { plan: SalePlan; account: Address; onDiscard: () => void }) {
  const t = useTranslations("sale.issuer");
  const locale = useLocale();
  const money = (v: bigint | string) => formatMoney(BigInt(v), PAYMENT_DECIMALS, locale);
  const price = BigInt(plan.terms.price);
  const {
    steps,
    phase,
    sign: signPlan,
  } = usePlanSigning(account, { paymentToken: plan.paymentToken, spender: plan.saleContract, amount: price }, "open");

  async function sign() {
    // The contract's ABI loads when the issuer signs, not with the page.
    const { artworkSaleAbi } = await import("@/lib/chain/abi/artwork-sale");
    const p = plan.terms;
    const terms = {
      buyer: getAddress(p.buyer),
      price,
      recordBlock: BigInt(p.recordBlock),
      supply: BigInt(p.supply),
      votingEnds: BigInt(p.votingEnds),
      quorumBps: p.quorumBps,
      approvalBps: p.approvalBps,
      weightsRoot: p.weightsRoot as Hex,
      leafCount: BigInt(p.leafCount),
      offerHash: p.offerHash as Hex,
      treeHash: p.treeHash as Hex,
    };
    await signPlan(
      () => ({
        address: getAddress(plan.saleContract),
        abi: artworkSaleAbi,
        functionName: "openSale",
        args: [getAddress(plan.token), terms, plan.offerURI],
        account,
      }),
      (hash) => recordSaleOpenedAction({ id: plan.id, txHash: hash }),
    );
  }

  return (
    <PlanPreviewFrame testId="sale-preview" title={t("previewTitle")} intro={t("previewIntro")}>
      <PreviewFacts plan={plan} />
      <DataTable
        caption={t("weightsCaption")}
        captionVisible
        minWidth="16rem"
        maxHeight="24rem"
        regionLabel={t("weightsCaption")}
        testId="sale-preview-weights"
        columns={keyColumns(["colWallet", "colShares"], t, { colShares: RIGHT })}
      >
        {plan.weights.map((w) => (
          <HolderRow key={w.wallet} holder={{ wallet: w.wallet, shares: w.weight }} />
        ))}
      </DataTable>
      <div className="rounded-xl border border-warn/40 bg-warn/5 p-4 text-sm" data-testid="sale-confirmation">
        <p>{t("confirmEscrow", { price: money(price) })}</p>
        <p className="mt-2 font-medium">{t("confirmApproval")}</p>
        <p className="mt-2">{t("confirmRejection")}</p>
      </div>
      <PlanSignSteps
        {...steps}
        phaseLine={phase ? (phase === "approve" ? t("approving", { price: money(price) }) : t("opening")) : null}
        words={{
          connect: t("connectHint"),
          wrong: t("wrongWallet"),
          confirmed: t("opened"),
          sign: t("sign", { price: money(price) }),
          discard: t("discard"),
          done: t("close"),
        }}
        statusTestId="sale-open-status"
        onSign={sign}
        onDiscard={onDiscard}
      />
    </PlanPreviewFrame>
  );
}

/** The plan's terms as facts: buyer, price and per share, record block, holders and shares, close (HKT), thresholds. */
function PreviewFacts({ plan }: { plan: SalePlan }) {
  const t = useTranslations("sale.issuer");
  const locale = useLocale();
  const p = plan.terms;
  const money = (v: bigint) => formatMoney(v, PAYMENT_DECIMALS, locale);
  const code = (v: string) => <code className="font-mono text-xs break-all">{v}</code>;
  return (
    <FactList
      stackOnPhones
      facts={[
        { label: t("factBuyer"), value: <AddressText address={p.buyer} /> },
        { label: t("factPrice"), value: <span className="tabular">{money(BigInt(p.price))}</span> },
        {
          label: t("factPerShare"),
          value: <span className="tabular">{money(BigInt(p.price) / BigInt(p.supply))}</span>,
        },
        { label: t("factRecordBlock"), value: <span className="tabular">{p.recordBlock}</span> },
        { label: t("factHolders"), value: <span className="tabular">{formatCount(plan.holders, locale)}</span> },
        { label: t("factSupply"), value: <span className="tabular">{formatCount(BigInt(p.supply), locale)}</span> },
        { label: t("factCloses"), value: formatDayTime(new Date(Number(p.votingEnds) * 1000), locale) },
        { label: t("factQuorum"), value: t("quorumValue", { percent: p.quorumBps / 100 }) },
        { label: t("factApproval"), value: t("approvalValue", { percent: p.approvalBps / 100 }) },
        { label: t("factOffer"), value: plan.offerName },
        { label: t("factOfferHash"), value: code(p.offerHash) },
        {
          label: t("factDocument"),
          value: (
            <a href={plan.offerURI} target="_blank" rel="noreferrer" className="underline underline-offset-4">
              {t("openDocument")}
            </a>
          ),
        },
        { label: t("factTreeHash"), value: code(p.treeHash) },
      ]}
    />
  );
}
