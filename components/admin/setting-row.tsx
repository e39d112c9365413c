import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { type Fact, FactList } from "@/components/ui/fact-list";

/** Where each setting is enforced, and the words on how it changes (under admin.settings.<name>). */
const SETTINGS = {
  fee: { enforced: "market", note: "fee.howChanged" },
  kyc: { enforced: "portal", note: "kyc.existing" },
  rules: { enforced: "token", note: "rules.existing" },
  token: { enforced: "deployment", note: "token.howChanged" },
} as const;

/**
 * One platform setting (`name`: its texts under admin.settings): its heading, where it is enforced (a badge in
 * words), what it does, then its value (`facts`) and how it changes, and its form or dialog (`children`) — or,
 * when its source did not answer (`unavailable`: the chain or the database), that in words.
 */
export async function SettingRow({
  name,
  unavailable,
  facts,
  children,
}: {
  name: keyof typeof SETTINGS;
  unavailable?: "chain" | "db" | false;
  facts?: Fact[] | null;
  children?: ReactNode;
}) {
  const t = await getTranslations("admin.settings");
  const id = `setting-${name}`;
  const { enforced, note } = SETTINGS[name];
  return (
    <section aria-labelledby={id} className="flex flex-col gap-3 rounded-xl border border-line bg-surface p-5">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <h2 id={id} className="text-lg font-semibold">
          {t(`${name}.title`)}
        </h2>
        <Badge tone="neutral" icon="lock">
          <span className="sr-only">{t("enforcedLabel")} </span>
          {t(`enforced.${enforced}`)}
        </Badge>
      </div>
      <p className="text-sm text-ink-muted">{t(`${name}.intro`)}</p>
      {unavailable ? (
        <Alert tone="error" title={t(`${unavailable}UnavailableTitle`)}>
          {t(`${unavailable}UnavailableBody`)}
        </Alert>
      ) : (
        <>
          {facts ? (
            <>
              <FactList stackOnPhones facts={facts} />
              <p className="text-sm text-ink-muted">{t(note)}</p>
            </>
          ) : null}
          {children}
        </>
      )}
    </section>
  );
}
