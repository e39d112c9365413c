"use client";

import { useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { type Address, getAddress, type Hex } from "viem";
import { Address as AddressText } from "@/components/ui/address";
import { Button } from "@/components/ui/button";
import { Cell, Row, RowHeader } from "@/components/ui/data-table";
import { Section } from "@/components/ui/section";
import { useRecordedTx } from "@/components/wallet/use-recorded-tx";
import type { SendOptions, WalletCall } from "@/components/wallet/use-wallet-tx";
import { formatCount } from "@/lib/format/money";
import { SignerAlert } from "./signer-alert";
import { TxStatus } from "./tx-status";
import type { TxStep } from "./use-tx";

/**
 * The two steps that fund a plan from the issuer's wallet: approve `spender` for `amount` of the payment token
 * (phase "approve"), then `call` (its own phase), which pulls the funds. Returns the second transaction's hash.
 */
async function approveThen<P extends string>(
  send: (call: WalletCall, options?: SendOptions<"approve" | P>) => Promise<Hex>,
  funds: { paymentToken: string; spender: string; amount: bigint; account: Address },
  call: () => WalletCall,
  phase: P,
): Promise<Hex> {
  // The payment token's ABI loads when the issuer signs, not with the page.
  const { hKDStablecoinAbi } = await import("@/lib/chain/abi/hkdstablecoin");
  await send(
    {
      address: getAddress(funds.paymentToken),
      abi: hKDStablecoinAbi,
      functionName: "approve",
      args: [getAddress(funds.spender), funds.amount],
      account: funds.account,
    },
    { phase: "approve" },
  );
  return send(call(), { phase });
}

/**
 * A funded plan's signing by `account`: approve the payment token (`funds`), then the plan's own call (`phase`), then
 * the server records the mined transaction. Gives what {@link PlanSignSteps} takes (`steps`), the phase being signed
 * and `sign(call, record)`.
 */
export function usePlanSigning<P extends string>(
  account: Address,
  funds: { paymentToken: string; spender: string; amount: bigint },
  phase: P,
) {
  const { tx, connection, wrongWallet, sign } = useRecordedTx<"approve" | P>(account);
  return {
    steps: { account, tx, canSign: connection.isConnected && !wrongWallet },
    phase: "phase" in tx.step ? tx.step.phase : undefined,
    sign: (call: () => WalletCall, record: Parameters<typeof sign>[1]) =>
      sign((send) => approveThen(send, { ...funds, account }, call, phase), record),
  };
}

/**
 * A plan's preview before signing: the titled section the facts, tables and signing steps stand in, named by
 * `testId` (its heading's id is `<testId>-title`).
 */
export function PlanPreviewFrame({
  testId,
  title,
  intro,
  children,
}: {
  testId: string;
  title: string;
  intro: string;
  children: ReactNode;
}) {
  return (
    <Section id={`${testId}-title`} title={title} intro={intro} look="plan" level={3} testId={testId}>
      {children}
    </Section>
  );
}

/** A holder's row in a plan's tables: the wallet (naming the row), its shares, then the table's own last cells. */
export function HolderRow({ holder, children }: { holder: { wallet: string; shares: string }; children?: ReactNode }) {
  const locale = useLocale();
  return (
    <Row>
      <RowHeader>
        <AddressText address={holder.wallet} />
      </RowHeader>
      <Cell align="right">{formatCount(BigInt(holder.shares), locale)}</Cell>
      {children}
    </Row>
  );
}

/**
 * A plan's signing steps: who must sign, what is being signed now (`phaseLine`, while busy), the outcome in a live
 * region, then sign (until confirmed) and discard (`done` once confirmed). `children` stand after the signer's alert.
 */
export function PlanSignSteps({
  account,
  tx,
  canSign,
  phaseLine,
  words,
  statusTestId,
  onSign,
  onDiscard,
  children,
}: {
  account: Address;
  tx: { busy: boolean; step: TxStep };
  canSign: boolean;
  phaseLine: string | null;
  words: { connect: string; wrong: string; confirmed: string; sign: string; discard: string; done: string };
  statusTestId: string;
  onSign: () => void;
  onDiscard: () => void;
  children?: ReactNode;
}) {
  const tc = useTranslations("issuer.chain");
  const done = tx.step.kind === "confirmed";
  return (
    <>
      <SignerAlert
        signer={account}
        connectTitle={words.connect}
        connectLabel={tc("connect")}
        wrongTitle={words.wrong}
      />
      {children}
      {tx.busy && phaseLine ? <p className="text-sm font-medium">{phaseLine}</p> : null}
      <TxStatus step={tx.step} confirmed={words.confirmed} testId={statusTestId} />
      <div className="flex flex-wrap gap-2">
        {!done ? (
          <Button onClick={onSign} disabled={!canSign} loading={tx.busy}>
            {words.sign}
          </Button>
        ) : null}
        <Button variant="secondary" onClick={onDiscard} disabled={tx.busy}>
          {done ? words.done : words.discard}
        </Button>
      </div>
    </>
  );
}
