import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ConsoleHeader } from "@/components/compliance/console/console-nav";
import { Address } from "@/components/ui/address";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { buttonStyles } from "@/components/ui/button";
import type { RegisterView } from "@/lib/compliance";
import type { RegisterParams } from "@/lib/compliance/client";
import { formatDayTime } from "@/lib/format/date";
import { hrefWith } from "./href";

/** The register's title and block, then what the reader must know first: retired token, past block, source, check. */
export async function RegisterHeader({
  token,
  base,
  p,
  v,
}: {
  token: `0x${string}`;
  base: string;
  p: RegisterParams;
  v: RegisterView;
}) {
  const [t, locale] = await Promise.all([getTranslations("complianceConsole.register"), getLocale()]);
  const { register, past, check, successor, notice } = v;
  return (
    <>
      <ConsoleHeader
        current="tokens"
        title={
          <>
            {v.title} <span className="text-xl text-ink-muted">· {register.symbol}</span>
          </>
        }
        intro={
          <>
            <Link href="/compliance/tokens" className="underline underline-offset-4">
              {t("breadcrumb")}
            </Link>
          </>
        }
      >
        <div className="flex flex-wrap items-center gap-2 text-sm text-ink-muted">
          <Address address={token} />
          <span aria-hidden="true">·</span>
          <span>
            {t("atBlock", {
              block: register.blockNumber.toString(),
              date: formatDayTime(new Date(register.blockTime * 1000), locale),
            })}
          </span>
          <Badge tone={past ? "warn" : "neutral"} icon={past ? "clock" : "dot"}>
            {past ? t("past") : t("latest")}
          </Badge>
        </div>
      </ConsoleHeader>

      {successor ? (
        <Alert
          tone="warn"
          action={
            <Link
              href={`/compliance/tokens/${successor}`}
              className={buttonStyles({ variant: "secondary", size: "sm" })}
            >
              {t("retiredLink")}
            </Link>
          }
        >
          {t("retired")}
        </Alert>
      ) : null}
      {notice ? <Alert tone="warn">{t(`unavailable.${notice.code}`, { through: notice.through })}</Alert> : null}
      {past ? (
        <Alert
          tone="info"
          action={
            <Link
              href={hrefWith(base, p, { block: undefined, page: 1 })}
              className={buttonStyles({ variant: "secondary", size: "sm" })}
            >
              {t("backToLatest")}
            </Link>
          }
        >
          {t("pastNote", { block: register.blockNumber.toString() })}
        </Alert>
      ) : null}
      {register.source !== "chain" ? (
        <p
          className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-ink-muted"
          data-testid="register-source"
          data-source={register.source}
        >
          <span>
            {register.source === "indexer"
              ? t("source.indexer", { through: register.indexedThrough?.toString() ?? "" })
              : register.indexedThrough === null
                ? t("source.archiveNoIndexer")
                : t("source.archive", { through: register.indexedThrough.toString() })}
          </span>
          {register.source === "indexer" && !check ? (
            <Link
              href={`${hrefWith(base, p, {})}${p.block ? "&" : "?"}check=1`}
              className="underline underline-offset-4"
              prefetch={false}
            >
              {t("crossCheck.link")}
            </Link>
          ) : null}
        </p>
      ) : null}
      {check ? (
        <Alert tone={check.ok && check.differences.length === 0 ? "success" : "warn"}>
          {!check.ok
            ? t("crossCheck.unavailable", { block: register.blockNumber.toString() })
            : check.differences.length === 0
              ? t("crossCheck.agree", { block: register.blockNumber.toString() })
              : t("crossCheck.differ", {
                  block: register.blockNumber.toString(),
                  count: check.differences.length,
                  list: check.differences.slice(0, 10).join(", "),
                })}
        </Alert>
      ) : null}
    </>
  );
}
