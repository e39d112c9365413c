import Image from "next/image";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LogoUploadForm, ProfileForm } from "@/components/issuer/profile-form";
import { saveIssuerProfileAction } from "@/components/issuer/profile-actions";
import { PageHeading } from "@/components/ui/page-heading";
import { Section } from "@/components/ui/section";
import { requirePageSession } from "@/lib/auth";
import { getIssuerProfilePageView } from "@/lib/issuer";
import { titleMetadata } from "@/lib/i18n/metadata";

export const generateMetadata = titleMetadata("issuer.profile");

/** The issuer's company profile: names and "about" (a plain form), and the logo (an upload). */
export default async function IssuerProfilePage() {
  const ctx = await requirePageSession({ role: "issuer", next: "/issuer/profile" });
  const [profile, t, td] = await Promise.all([
    getIssuerProfilePageView({ issuer: ctx.address }),
    getTranslations("issuer.profile"),
    getTranslations("issuer.dashboard"),
  ]);
  const name = profile.nameEn || profile.defaults.nameEn || ctx.address;
  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-10 px-4 pt-8 pb-20 sm:px-6 lg:px-8">
      <Link
        href="/issuer"
        className="tap-target self-start text-sm text-ink-muted underline-offset-4 hover:text-ink hover:underline"
      >
        ← {td("title")}
      </Link>
      <PageHeading look="desk" eyebrow={t("eyebrow")} title={t("title")} intro={t("intro")} />
      <Section id="profile-text" title={t("details")} look="card">
        <ProfileForm action={saveIssuerProfileAction} profile={profile} />
      </Section>
      <Section id="profile-logo" title={t("logo")} look="card">
        <div className="flex flex-col gap-5">
          {profile.logo ? (
            <figure className="flex items-center gap-4">
              <Image
                src={profile.logo.src}
                alt={t("logoAlt", { name })}
                width={profile.logo.width}
                height={profile.logo.height}
                className="size-20 rounded-lg border border-line object-contain"
              />
              <figcaption className="text-sm text-ink-muted">{t("logoCurrent")}</figcaption>
            </figure>
          ) : (
            <p className="text-sm text-ink-muted">{t("logoNone")}</p>
          )}
          <LogoUploadForm />
        </div>
      </Section>
    </div>
  );
}
