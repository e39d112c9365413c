import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { getAddress, isAddress } from "viem";
import { DeskHistory } from "@/components/compliance/desk-history";
import { TokenDistributions } from "@/components/compliance/distributions/token-distributions";
import { HistorySkeleton } from "@/components/compliance/indexed-history";
import { RegisterEnforcement } from "@/components/compliance/register/register-enforcement";
import { RegisterFilters } from "@/components/compliance/register/register-filters";
import { RegisterHeader } from "@/components/compliance/register/register-header";
import { RegisterStats } from "@/components/compliance/register/register-stats";
import { RegisterTable } from "@/components/compliance/register/register-table";
import { TokenRoleHistory } from "@/components/compliance/token-role-history";
import { requirePageSession } from "@/lib/auth";
import { parseRegisterParams } from "@/lib/compliance/client";
import { getRegisterView } from "@/lib/compliance";
import { titleMetadata } from "@/lib/i18n/metadata";

type Props = {
  params: Promise<{ address: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export const generateMetadata = titleMetadata("complianceConsole.register");

/** The holder register of one token: chain truth joined to identities; search, sort, paging and past block in the URL. */
export default async function RegisterPage({ params, searchParams }: Props) {
  const { address: raw } = await params;
  if (!isAddress(raw, { strict: false })) notFound();
  const token = getAddress(raw);
  const base = `/compliance/tokens/${token}`;
  const ctx = await requirePageSession({ role: "compliance", next: base });
  const p = parseRegisterParams(await searchParams);
  const [v, t] = await Promise.all([
    getRegisterView(token, p, { enforcementAgent: ctx.roles.enforcementAgent }),
    getTranslations(),
  ]);
  if (!v) notFound();
  const officer = ctx.address;

  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-6 px-4 pt-6 pb-20 sm:px-6 lg:px-8">
      <RegisterHeader token={token} base={base} p={p} v={v} />
      <RegisterStats token={token} officer={officer} v={v} />
      <RegisterEnforcement officer={officer} v={v} />
      <RegisterFilters token={token} base={base} officer={officer} p={p} v={v} />
      <RegisterTable token={token} base={base} officer={officer} p={p} v={v} />
      <TokenDistributions token={token} officer={getAddress(officer)} identityAgent={ctx.roles.identityAgent} />
      {/* The indexer's history of the token streams in after the register. */}
      <Suspense fallback={<HistorySkeleton label={t("deskHistory.title")} />}>
        <DeskHistory token={token} />
      </Suspense>
      <Suspense fallback={<HistorySkeleton label={t("tokenRoles.title")} />}>
        <TokenRoleHistory token={token} />
      </Suspense>
    </div>
  );
}
