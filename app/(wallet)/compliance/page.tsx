import Link from "next/link";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { AlertList } from "@/components/compliance/console/alert-list";
import { ConsoleHeader } from "@/components/compliance/console/console-nav";
import { TokenTable } from "@/components/compliance/console/token-table";
import { requirePageSession } from "@/lib/auth";
import { getComplianceHomeView } from "@/lib/compliance";
import { titleMetadata } from "@/lib/i18n/metadata";

export const generateMetadata = titleMetadata("complianceConsole.home");

/** Console home: alerts first, then every token's register header. */
export default async function ComplianceHome() {
  const ctx = await requirePageSession({ role: ["compliance", "admin"], next: "/compliance" });
  // The platform admin reviews listings but is not a compliance agent: the console itself stays agents-only.
  if (!ctx.roles.compliance) redirect("/compliance/listings");
  const [{ alerts, tokens, blockNumber }, t, tt, locale] = await Promise.all([
    getComplianceHomeView(),
    getTranslations("complianceConsole.home"),
    getTranslations("complianceConsole.tokens"),
    getLocale(),
  ]);
  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-8 px-4 pt-6 pb-20 sm:px-6 lg:px-8">
      <ConsoleHeader current="home" title={t("title")} intro={t("intro", { block: blockNumber?.toString() ?? "—" })} />
      <section aria-labelledby="alerts-title" className="flex flex-col gap-3">
        <h2 id="alerts-title" className="flex items-baseline gap-3 text-xl font-medium">
          {t("alertsTitle")}{" "}
          <span className="text-sm font-normal text-ink-muted">{t("alertCount", { count: alerts.length })}</span>
        </h2>
        <AlertList alerts={alerts} locale={locale} headingId="alerts-title" />
      </section>
      <section aria-labelledby="tokens-title" className="flex flex-col gap-3">
        <h2 id="tokens-title" className="text-xl font-medium">
          {tt("title")}
        </h2>
        <TokenTable tokens={tokens} locale={locale} />
      </section>
      <section aria-labelledby="audit-title" className="flex flex-col gap-2">
        <h2 id="audit-title" className="text-xl font-medium">
          {t("auditTitle")}
        </h2>
        <p className="text-sm text-ink-muted">{t("auditBody")}</p>
        <p>
          <Link href="/compliance/audit" className="text-sm underline underline-offset-4">
            {t("openAudit")}
          </Link>
        </p>
      </section>
    </div>
  );
}
