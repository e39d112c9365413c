"use client";

import { useLocale, useTranslations } from "next-intl";
import { createContext, useContext } from "react";
import { type Address, isAddress } from "viem";
import { shortAddress } from "@/lib/format/address";
import { describeAmountError, parseShareAmount } from "@/lib/format/amount";
import { type ActionSpec, AgentActionButton } from "./agent-action-dialog";
import type { AgentChain } from "./load-agent-chain";

export type HolderForActions = {
  wallet: Address;
  name: string | null;
  shares: string;
  frozen: boolean;
  frozenAmount: string;
  lockedAmount: string;
};

/** The shares typed (lib/format/amount.ts: "1,000" is 1,000; "2.5" or "-3" are refused by the check first). */
const amountOf = (v: Record<string, string>) => {
  const parsed = parseShareAmount(v.amount ?? "");
  return parsed.ok ? parsed.value : 0n;
};

/** What every row of one register shares: the token, its symbol, the officer and the enforcement desk. */
type HolderActionsContext = { token: Address; symbol: string; officer: Address; desk: Address | null };
const HolderActionsScopeContext = createContext<HolderActionsContext | null>(null);

/**
 * Around a register's rows: the token, symbol, officer and desk their actions need, given once for the table rather
 * than as props of every row's actions (each row's props are sent with the page).
 */
export function HolderActionsScope({ children, ...scope }: HolderActionsContext & { children: React.ReactNode }) {
  return <HolderActionsScopeContext.Provider value={scope}>{children}</HolderActionsScopeContext.Provider>;
}

/**
 * Per-holder agent actions on one token (the token, officer and desk from the `HolderActionsScope` around the rows): freeze / unfreeze and partial freeze act at once; a forced transfer, a
 * recovery or a burn is only proposed here (on the enforcement desk `desk`): a second officer reviews the exact
 * arguments in the pending proposals and executes it.
 */
export function HolderActions({ holder }: { holder: HolderForActions }) {
  const scope = useContext(HolderActionsScopeContext);
  if (!scope) throw new Error("HolderActions must be rendered inside a HolderActionsScope.");
  const { token, symbol, officer, desk } = scope;
  const t = useTranslations("complianceConsole.actions");
  const checks = useHolderChecks(holder.wallet);
  const { amountCheck, amountField } = checks;
  const tr = useTranslations("complianceConsole.register");
  const name = holder.name ?? tr("unknownInvestor");
  const who = `${shortAddress(holder.wallet)} (${name})`;
  const shares = BigInt(holder.shares);
  const frozenAmount = BigInt(holder.frozenAmount);
  const base = (c: AgentChain) => ({ address: token, abi: c.artworkShareTokenAbi, account: officer }) as const;
  /** Proposes a token call on the desk: nothing moves until another officer executes it. */
  const propose = (c: AgentChain, data: `0x${string}`) => ({
    address: desk!,
    abi: c.enforcementDeskAbi,
    account: officer,
    functionName: "propose",
    args: [token, data],
  });

  const specs: ActionSpec[] = [
    // The whole wallet: unfreeze when it is frozen, else freeze.
    {
      id: holder.frozen ? "unfreeze" : "freeze",
      label: holder.frozen ? t("kind.unfreeze") : t("kind.freeze"),
      danger: !holder.frozen,
      fields: [],
      validate: () => ({}),
      confirm: () => t(holder.frozen ? "confirm.unfreeze" : "confirm.freeze", { who, name, symbol }),
      call: (_, c) => ({ ...base(c), functionName: "setWalletFrozen", args: [holder.wallet, !holder.frozen] }),
    },
    {
      id: "freezePartial",
      label: t("kind.freezePartial"),
      danger: true,
      fields: [amountField(shares - frozenAmount)],
      validate: amountCheck(shares - frozenAmount),
      confirm: (v) =>
        t("confirm.freezePartial", {
          who,
          symbol,
          amount: Number(amountOf(v)),
          shares: Number(shares),
          after: Number(frozenAmount + amountOf(v)),
        }),
      call: (v, c) => ({ ...base(c), functionName: "freezePartialShares", args: [holder.wallet, amountOf(v)] }),
    },
    ...(frozenAmount > 0n
      ? [
          {
            id: "unfreezePartial",
            label: t("kind.unfreezePartial"),
            fields: [amountField(frozenAmount)],
            validate: amountCheck(frozenAmount),
            confirm: (v: Record<string, string>) =>
              t("confirm.unfreezePartial", {
                who,
                symbol,
                amount: Number(amountOf(v)),
                after: Number(frozenAmount - amountOf(v)),
              }),
            call: (v: Record<string, string>, c: AgentChain) => ({
              ...base(c),
              functionName: "unfreezePartialShares",
              args: [holder.wallet, amountOf(v)],
            }),
          } satisfies ActionSpec,
        ]
      : []),
  ];
  if (desk) specs.push(...proposalSpecs({ t, holder, who, symbol, shares, frozenAmount, checks, propose }));

  return (
    <AgentActionButton
      row
      id={`${token}:${holder.wallet}`.toLowerCase()}
      label={t("openFor", { who: name })}
      request={{ title: t("dialogTitle", { who }), officer, specs }}
    />
  );
}

type ActionsT = ReturnType<typeof useTranslations<"complianceConsole.actions">>;

/** The checks and amount field of a holder's action forms (the amount within `max`, another wallet's address). */
function useHolderChecks(wallet: Address) {
  const t = useTranslations("complianceConsole.actions");
  const tAmount = useTranslations("amounts");
  const locale = useLocale();
  const amountCheck =
    (max: bigint) =>
    (v: Record<string, string>): Record<string, string> => {
      const parsed = parseShareAmount(v.amount ?? "", { max });
      return parsed.ok ? {} : { amount: describeAmountError(parsed.error, tAmount, locale) };
    };
  const addressCheck =
    (field: string) =>
    (v: Record<string, string>): Record<string, string> => {
      const raw = (v[field] ?? "").trim();
      if (!isAddress(raw, { strict: false })) return { [field]: t("validation.address") };
      if (raw.toLowerCase() === wallet.toLowerCase()) return { [field]: t("validation.sameWallet") };
      return {};
    };
  const amountField = (max: bigint) => ({
    name: "amount",
    kind: "amount" as const,
    label: t("amount"),
    hint: t("amountHint", { max: Number(max) }),
  });
  return { amountCheck, addressCheck, amountField };
}

/**
 * The actions only proposed on the enforcement desk (forced transfer, recovery, burn): a second officer reviews the
 * exact arguments in the pending proposals and executes it.
 */
function proposalSpecs({
  t,
  holder,
  who,
  symbol,
  shares,
  frozenAmount,
  checks: { amountCheck, addressCheck, amountField },
  propose,
}: {
  t: ActionsT;
  holder: HolderForActions;
  who: string;
  symbol: string;
  shares: bigint;
  frozenAmount: bigint;
  checks: ReturnType<typeof useHolderChecks>;
  propose: (c: AgentChain, data: `0x${string}`) => ReturnType<ActionSpec["call"]>;
}): ActionSpec[] {
  return [
    {
      id: "forcedTransfer",
      label: t("kind.proposeForcedTransfer"),
      danger: true,
      fields: [amountField(shares), { name: "to", kind: "address", label: t("to"), hint: t("toHint") }],
      validate: (v) => ({ ...amountCheck(shares)(v), ...addressCheck("to")(v) }),
      confirm: (v) =>
        `${t("confirm.forcedTransfer", { who, symbol, amount: Number(amountOf(v)), to: (v.to ?? "").trim() })} ${t("confirm.proposeNote")}`,
      call: (v, c) =>
        propose(
          c,
          c.encodeFunctionData({
            abi: c.artworkShareTokenAbi,
            functionName: "forcedTransfer",
            args: [holder.wallet, (v.to ?? "").trim() as Address, amountOf(v)],
          }),
        ),
    },
    {
      id: "recover",
      label: t("kind.proposeRecover"),
      danger: true,
      fields: [{ name: "newWallet", kind: "address", label: t("newWallet"), hint: t("newWalletHint") }],
      validate: addressCheck("newWallet"),
      confirm: (v) =>
        `${t("confirm.recover", {
          who,
          symbol,
          shares: Number(shares),
          to: (v.newWallet ?? "").trim(),
          frozen: Number(frozenAmount),
          locked: Number(holder.lockedAmount),
        })} ${t("confirm.proposeNote")}`,
      call: (v, c) =>
        propose(
          c,
          c.encodeFunctionData({
            abi: c.artworkShareTokenAbi,
            functionName: "recoverWallet",
            args: [holder.wallet, (v.newWallet ?? "").trim() as Address],
          }),
        ),
    },
    {
      id: "burn",
      label: t("kind.proposeBurn"),
      danger: true,
      fields: [amountField(shares)],
      validate: amountCheck(shares),
      confirm: (v) => `${t("confirm.burn", { who, symbol, amount: Number(amountOf(v)) })} ${t("confirm.proposeNote")}`,
      call: (v, c) =>
        propose(
          c,
          c.encodeFunctionData({
            abi: c.artworkShareTokenAbi,
            functionName: "burn",
            args: [holder.wallet, amountOf(v)],
          }),
        ),
    },
  ];
}

/** Pause or unpause a token. */
export function TokenPauseAction({
  token,
  symbol,
  officer,
  paused,
}: {
  token: Address;
  symbol: string;
  officer: Address;
  paused: boolean;
}) {
  const t = useTranslations("complianceConsole.actions");
  const kind = paused ? "unpause" : "pause";
  const spec: ActionSpec = {
    id: kind,
    label: t(`kind.${kind}`),
    danger: !paused,
    fields: [],
    validate: () => ({}),
    confirm: () => t(`confirm.${kind}`, { symbol }),
    call: (_, c) => ({ address: token, abi: c.artworkShareTokenAbi, account: officer, functionName: kind, args: [] }),
  };
  return (
    <AgentActionButton
      id={`${token}:pause`.toLowerCase()}
      label={t(`kind.${kind}`)}
      variant={paused ? "primary" : "danger"}
      request={{ title: t(`kind.${kind}`), officer, specs: [spec] }}
    />
  );
}
