import { getLocale, getTranslations } from "next-intl/server";
import { TokenPauseAction } from "@/components/compliance/console/holder-actions";
import { TokenStatus } from "@/components/compliance/console/token-table";
import { StatTile, StatTiles } from "@/components/ui/stat-tiles";
import type { RegisterView } from "@/lib/compliance";
import { formatCount } from "@/lib/format/money";

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
  return (
    <StatTiles className="grid-cols-2 sm:grid-cols-5">
      {[
        [t("supply"), formatCount(register.totalSupply, locale)],
        [t("investors"), formatCount(register.holderCount, locale)],
        [t("wallets"), formatCount(register.holderWalletCount, locale)],
        [
          t("limit"),
          register.maxHolders === null
            ? t("limitUnknown")
            : register.maxHolders
              ? formatCount(register.maxHolders, locale)
              : tc("tokens.noLimit"),
        ],
      ].map(([k, v]) => (
        <StatTile key={k} label={k} valueClassName="text-lg tabular">
          {v}
        </StatTile>
      ))}
      {/* A dl's groups hold only dt and dd: the pause action sits inside the status's dd. */}
      <StatTile
        label={t("status")}
        className="col-span-2 sm:col-span-1"
        valueClassName="flex items-center justify-between gap-2"
      >
        <TokenStatus paused={register.paused} label={tc(register.paused ? "tokens.paused" : "tokens.active")} />
        {v.act ? (
          <TokenPauseAction token={token} symbol={register.symbol} officer={officer} paused={register.paused} />
        ) : null}
      </StatTile>
    </StatTiles>
  );
}
