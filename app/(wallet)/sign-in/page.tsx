import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getViewer, homeRolesOf } from "@/components/layout/viewer";
import { safeNextPath } from "@/components/wallet/errors";
import { PageHeading } from "@/components/ui/page-heading";
import { SignIn } from "@/components/wallet/sign-in";
import { homeFor } from "@/lib/auth/client";
import { titleMetadata } from "@/lib/i18n/metadata";

export const generateMetadata = titleMetadata("signIn");

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const [params, t, viewer] = await Promise.all([searchParams, getTranslations("signIn"), getViewer()]);
  const asked = Array.isArray(params.next) ? params.next[0] : params.next;
  // Without a page asked for, each role lands on its own console (investors on their portfolio).
  const next = asked ? safeNextPath(asked) : undefined;
  if (viewer) redirect(next ?? homeFor(homeRolesOf(viewer)));
  return (
    <div className="mx-auto grid max-w-5xl gap-12 px-4 pt-12 pb-10 sm:px-6 md:grid-cols-[1fr_1.15fr] md:pt-20 lg:px-8">
      <PageHeading
        as="div"
        className="gap-4"
        eyebrow={t("eyebrow")}
        title={t("title")}
        titleClassName="leading-tight"
        intro={t("intro")}
        introClassName="text-lg text-ink-muted"
      >
        <ul className="mt-2 flex flex-col gap-2 text-sm text-ink-muted">
          {(["point1", "point2", "point3"] as const).map((point) => (
            <li key={point} className="flex gap-2">
              <span aria-hidden="true" className="text-accent">
                —
              </span>
              {t(point)}
            </li>
          ))}
        </ul>
      </PageHeading>
      <div className="rounded-2xl border border-line bg-surface p-5 sm:p-7">
        <SignIn next={next} />
      </div>
    </div>
  );
}
