import { getTranslations } from "next-intl/server";
import { getPlatformStopped } from "@/lib/platform";

/** Shown on every page while the platform admin has stopped the platform (nothing when running or unreadable). */
export async function PlatformStopBanner() {
  if ((await getPlatformStopped()) !== true) return null;
  const t = await getTranslations("shell.platformStopped");
  return (
    <div
      role="status"
      data-testid="platform-stopped-banner"
      className="border-b border-warn/30 bg-warn-soft px-4 py-3 text-sm text-ink sm:px-6"
    >
      <p className="mx-auto max-w-6xl">
        <strong className="font-semibold">{t("title")}</strong> {t("body")}
      </p>
    </div>
  );
}
