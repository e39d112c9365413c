import { getLocale, getTranslations } from "next-intl/server";
import { ConsoleHeader } from "@/components/compliance/console/console-nav";
import { TokenTable } from "@/components/compliance/console/token-table";
import { EmptyState } from "@/components/ui/empty-state";
import { requirePageSession } from "@/lib/auth";
import { getTokensView } from "@/lib/compliance";
import { titleMetadata } from "@/lib/i18n/metadata";

export const generateMetadata = titleMetadata("complianceConsole.tokens");

/** Every share token with its register header; each links to its holder register. */
export default async function TokensPage() {
  await requirePageSession({ role: "compliance", next: "/compliance/tokens" });
  const [tokens, t, locale] = await Promise.all([
    getTokensView(),
    getTranslations("complianceConsole.tokens"),
    getLocale(),
  ]);
  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-6 px-4 pt-6 pb-20 sm:px-6 lg:px-8">
      <ConsoleHeader current="tokens" title={t("title")} intro={t("intro")} />
      {tokens.length === 0 ? (
        <EmptyState title={t("emptyTitle")} description={t("empty")} />
      ) : (
        <TokenTable tokens={tokens} locale={locale} />
      )}
    </div>
  );
}
