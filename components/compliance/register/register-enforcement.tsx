import { getLocale } from "next-intl/server";
import { PendingProposals } from "@/components/compliance/console/pending-proposals";
import { LazyRecoveredOrders } from "@/components/compliance/console/lazy-sections";
import type { RegisterView } from "@/lib/compliance";
import { formatDayTime } from "@/lib/format/date";
import { formatMoney } from "@/lib/format/money";

/** The desk's pending two-officer proposals, and recovered wallets' open orders the officer cancels. */
export async function RegisterEnforcement({ officer, v }: { officer: `0x${string}`; v: RegisterView }) {
  const locale = await getLocale();
  const { desk, act, market, recovered, proposals, lostOrders, payDecimals, register } = v;
  return (
    <>
      {desk && act ? (
        <PendingProposals
          desk={desk}
          symbol={register.symbol}
          officer={officer}
          proposals={proposals.map((x, i) => ({
            id: x.id,
            token: x.token,
            proposer: x.proposer,
            expires: formatDayTime(new Date(x.expiresAt * 1000), locale),
            expired: x.expired,
            functionName: x.functionName,
            args: x.args,
            data: x.data,
            lostOrders: lostOrders[i]
              ? {
                  count: lostOrders[i].orders.length,
                  escrow: formatMoney(lostOrders[i].escrow, payDecimals, locale),
                }
              : undefined,
          }))}
          transferRows={v.transferRows}
        />
      ) : null}

      {market && recovered.length > 0 ? (
        <LazyRecoveredOrders
          market={market}
          symbol={register.symbol}
          officer={officer}
          rows={recovered.map((r) => ({
            lostWallet: r.lostWallet,
            recoveredTo: r.recoveredTo,
            escrow: formatMoney(r.escrow, payDecimals, locale),
            hasEscrow: r.escrow > 0n,
            orders: r.orders.map((o) => ({
              id: o.id,
              side: o.side,
              remaining: o.remaining.toString(),
              price: formatMoney(o.price, payDecimals, locale),
              escrow: formatMoney(o.escrow, payDecimals, locale),
            })),
          }))}
        />
      ) : null}
    </>
  );
}
