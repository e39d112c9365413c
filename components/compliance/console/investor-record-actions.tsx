"use client";

import { useTranslations } from "next-intl";
import type { Address, Hex } from "viem";
import { needsTwoAgents } from "@/lib/kyc/client";
import { type ActionSpec, AgentActionButton } from "./agent-action-dialog";
import type { AgentChain } from "./load-agent-chain";

const CATEGORY_CODES = { retail: 1, professional: 2, institutional: 3 } as const;

/**
 * Registry actions on one investor: update the record, revoke verification, unlink a wallet (refused while it holds
 * shares or has open orders). Linking a wallet is not signed here: it needs the new wallet's signature
 * (OfficerLinkForm) and another officer's registration.
 */
export function InvestorRecordActions({
  registry,
  officer,
  investorId,
  name,
  record,
  wallets,
  inUse,
  countries,
}: {
  registry: Address;
  officer: Address;
  investorId: Hex;
  name: string;
  record: { country: number; category: number; expiry: number };
  wallets: Address[];
  /** Per wallet (lower case) that holds shares or has open orders: what it holds, in words. */
  inUse: Record<string, string>;
  /** Numeric code → label, in the viewer's language. */
  countries: { value: string; label: string }[];
}) {
  const t = useTranslations("complianceConsole.actions");
  const tc = useTranslations("complianceConsole.categories");
  const base = (c: AgentChain) => ({ address: registry, abi: c.identityRegistryAbi, account: officer }) as const;
  const catOptions = (Object.keys(CATEGORY_CODES) as (keyof typeof CATEGORY_CODES)[]).map((c) => ({
    value: String(CATEGORY_CODES[c]),
    label: tc(c),
  }));
  const expiryDay = new Date(record.expiry * 1000).toISOString().slice(0, 10);
  const toSeconds = (day: string) => BigInt(Math.floor(new Date(`${day}T23:59:59+08:00`).getTime() / 1000));
  const countryLabel = (v: string) => countries.find((c) => c.value === v)?.label ?? v;
  const catLabel = (v: string) => catOptions.find((c) => c.value === v)?.label ?? v;
  // A wallet that still holds shares or has open orders is not unlinked: its shares could not move any more.
  const unlinkCheck = (v: Record<string, string>): Record<string, string> => {
    const held = inUse[(v.wallet ?? "").toLowerCase()];
    return held ? { wallet: t("validation.unlinkInUse", { wallet: v.wallet ?? "", list: held }) } : {};
  };

  const specs: ActionSpec[] = [
    {
      id: "updateInvestor",
      label: t("kind.updateInvestor"),
      fields: [
        {
          name: "country",
          kind: "select",
          label: t("country"),
          options: countries,
          defaultValue: String(record.country),
        },
        {
          name: "category",
          kind: "select",
          label: t("category"),
          options: catOptions,
          defaultValue: String(record.category),
        },
        { name: "expiry", kind: "date", label: t("expiry"), defaultValue: expiryDay },
      ],
      validate: (v): Record<string, string> => ({
        ...(/^\d{4}-\d{2}-\d{2}$/.test(v.expiry ?? "") && toSeconds(v.expiry!) > BigInt(Math.floor(Date.now() / 1000))
          ? {}
          : { expiry: t("validation.date") }),
        // The registry refuses one agent changing a category to or from professional or institutional (four eyes).
        ...(needsTwoAgents(record.category, Number(v.category)) ? { category: t("validation.categoryFourEyes") } : {}),
      }),
      confirm: (v) =>
        t("confirm.updateInvestor", {
          name,
          country: countryLabel(v.country ?? ""),
          category: catLabel(v.category ?? ""),
          date: v.expiry ?? "",
        }),
      call: (v, c) => ({
        ...base(c),
        functionName: "updateInvestor",
        args: [investorId, Number(v.country), Number(v.category), toSeconds(v.expiry ?? "")],
      }),
    },
    {
      id: "revokeInvestor",
      label: t("kind.revokeInvestor"),
      danger: true,
      fields: [],
      validate: () => ({}),
      confirm: () => t("confirm.revokeInvestor", { name }),
      call: (_, c) => ({
        ...base(c),
        functionName: "updateInvestor",
        args: [investorId, record.country, record.category, BigInt(Math.floor(Date.now() / 1000))],
      }),
    },
    ...(wallets.length
      ? [
          {
            id: "unlinkWallet",
            label: t("kind.unlinkWallet"),
            danger: true,
            fields: [
              {
                name: "wallet",
                kind: "select" as const,
                label: t("wallet"),
                options: wallets.map((w) => ({ value: w, label: w })),
                defaultValue: wallets[0],
              },
            ],
            validate: unlinkCheck,
            confirm: (v: Record<string, string>) => t("confirm.unlinkWallet", { name, wallet: v.wallet ?? "" }),
            call: (v: Record<string, string>, c: AgentChain) => ({
              ...base(c),
              functionName: "unlinkWallet",
              args: [v.wallet as Address],
            }),
          } satisfies ActionSpec,
        ]
      : []),
  ];
  return (
    <AgentActionButton
      id={`investor:${investorId}`.toLowerCase()}
      label={t("openFor", { who: name })}
      request={{ title: t("dialogTitle", { who: name }), officer, specs }}
    />
  );
}
