import Image from "next/image";
import { getLocale, getTranslations } from "next-intl/server";
import { Address } from "@/components/ui/address";
import { Section } from "@/components/ui/section";
import { getArtworkIssuerView } from "@/lib/issuer";

/**
 * Who issued the artwork's shares: the issuer's profile in the reader's language (name, logo, "about"), falling back
 * to the legal name of its approved issuer application, then to its wallet address.
 */
export async function IssuerCard({ address }: { address: string }) {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("issuer.profile")]);
  const issuer = await getArtworkIssuerView({ address, locale });
  return (
    <Section id="issuer" title={t("public.heading")} look="panel">
      <div className="flex items-start gap-4">
        {issuer.logo ? (
          <Image
            src={issuer.logo.src}
            alt={t("logoAlt", { name: issuer.name ?? issuer.address })}
            width={issuer.logo.width}
            height={issuer.logo.height}
            sizes="4rem"
            className="size-16 shrink-0 rounded-lg border border-line bg-surface object-contain"
          />
        ) : null}
        <div className="flex min-w-0 flex-col gap-1">
          {issuer.name ? (
            <p className="text-lg font-medium" data-testid="issuer-name">
              {issuer.name}
            </p>
          ) : (
            <p className="text-lg font-medium" data-testid="issuer-name">
              <Address address={issuer.address} copy={false} />
            </p>
          )}
          {issuer.about ? <p className="text-sm whitespace-pre-line text-ink-muted">{issuer.about}</p> : null}
        </div>
      </div>
    </Section>
  );
}
