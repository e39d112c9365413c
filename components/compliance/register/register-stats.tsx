import { getLocale, getTranslations } from "next-intl/server";
import { TokenPauseAction } from "@/components/compliance/console/holder-actions";
import { TokenStatus } from "@/components/compliance/console/token-table";
import type { RegisterView } from "@/lib/compliance/register-view";

/** Supply, investors, wallets, the holder limit, and the token's status with the pause action for an agent. */
export async function RegisterStats({
  token,
  officer,
  v,
}: {
  token: `0x${string}`;
  officer: `0x${string}`;
  v: RegisterView;
}) {
  const [t, tc, locale] = await Promise.all([
    getTranslations("complianceConsole.register"),
    getTranslations("complianceConsole"),
    getLocale(),
  ]);
  const { register } = v;
  const nf = new Intl.NumberFormat(locale === "en" ? "en-HK" : locale);
  return (
    <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-5">
      {[
        [t("supply"), nf.format(register.totalSupply)],
        [t("investors"), nf.format(register.holderCount)],
        [t("wallets"), nf.format(register.holderWalletCount)],
        [
          t("limit"),
          register.maxHolders === null
            ? t("limitUnknown")
            : register.maxHolders
              ? nf.format(register.maxHolders)
              : tc("tokens.noLimit"),
        ],
      ].map(([k, v]) => (
        <div key={k} className="rounded-xl border border-line px-3 py-2">
          <dt className="text-xs text-ink-muted">{k}</dt>
          <dd className="text-lg tabular">{v}</dd>
        </div>
      ))}
      {/* A dl's groups hold only dt and dd: the pause action sits inside the status's dd. */}
      <div className="col-span-2 rounded-xl border border-line px-3 py-2 sm:col-span-1">
        <dt className="text-xs text-ink-muted">{t("status")}</dt>
        <dd className="flex items-center justify-between gap-2">
          <TokenStatus paused={register.paused} label={tc(register.paused ? "tokens.paused" : "tokens.active")} />
          {v.act ? (
            <TokenPauseAction token={token} symbol={register.symbol} officer={officer} paused={register.paused} />
          ) : null}
        </dd>
      </div>
    </dl>
  );
}
