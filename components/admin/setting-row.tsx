import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";

/** One platform setting: its heading, where it is enforced (a badge in words), what it does, then its value and form. */
export async function SettingRow({
  id,
  title,
  enforced,
  intro,
  children,
}: {
  id: string;
  title: string;
  enforced: string;
  intro: string;
  children: ReactNode;
}) {
  const t = await getTranslations("admin.settings");
  return (
    <section aria-labelledby={id} className="flex flex-col gap-3 rounded-xl border border-line bg-surface p-5">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <h2 id={id} className="text-lg font-semibold">
          {title}
        </h2>
        <Badge tone="neutral" icon="lock">
          <span className="sr-only">{t("enforcedLabel")} </span>
          {enforced}
        </Badge>
      </div>
      <p className="text-sm text-ink-muted">{intro}</p>
      {children}
    </section>
  );
}
