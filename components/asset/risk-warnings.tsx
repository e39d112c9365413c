import { getTranslations } from "next-intl/server";
import { Section } from "@/components/ui/section";

/** The risk warnings a regulated offer must show, before any purchase. */
export async function RiskWarnings() {
  const t = await getTranslations("artwork.risk");
  const items = t.raw("items") as string[];
  return (
    <Section id="risk" title={t("title")} look="notice">
      <ul className="flex list-disc flex-col gap-2 pl-5 text-sm">
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </Section>
  );
}
