import { getTranslations } from "next-intl/server";

/** The risk warnings a regulated offer must show, before any purchase. */
export async function RiskWarnings() {
  const t = await getTranslations("artwork.risk");
  const items = t.raw("items") as string[];
  return (
    <section aria-labelledby="risk" className="rounded-xl border border-warn/30 bg-warn-soft p-6">
      <h2 id="risk" className="font-display text-xl">
        {t("title")}
      </h2>
      <ul className="mt-3 flex list-disc flex-col gap-2 pl-5 text-sm">
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </section>
  );
}
