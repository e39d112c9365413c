"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { BatchSelectBox } from "@/components/compliance/console/batch-select";
import { HolderActions } from "@/components/compliance/console/holder-actions";
import { KycStatusBadge } from "@/components/compliance/kyc-status-badge";
import { Address } from "@/components/ui/address";
import { Badge } from "@/components/ui/badge";
import type { KycStatus } from "@/lib/kyc/types";

/**
 * One holder wallet as the register's table shows it, every text already worded and formatted by the server (so the
 * browser formats nothing and hydrates what the server drew). Sent with the page as this data, once per row: the
 * rows' markup (links, labels, copy buttons, the agent's actions) is drawn from it, not serialised beside it.
 */
export type RegisterRowView = {
  wallet: `0x${string}`;
  verified: boolean;
  /** The investor's record (console link), their name, category (worded) and how many other wallets they hold. */
  investor: { id: string; name: string | null; category: string | null; others: number } | null;
  residence: string | null;
  kyc: { status: KycStatus; label: string; note: string | null } | null;
  shares: { raw: string; text: string };
  share: string;
  frozen: boolean;
  frozenAmount: { raw: string; text: string | null };
  lockedAmount: string;
  lockup: string | null;
};

/** The page of holders' rows (the body of the register's table); the agent's actions when `act`. */
export function RegisterRows({ rows, act }: { rows: RegisterRowView[]; act: boolean }) {
  return rows.map((r) => <RegisterRow key={r.wallet} r={r} act={act} />);
}

function RegisterRow({ r, act }: { r: RegisterRowView; act: boolean }) {
  const t = useTranslations("complianceConsole.register");
  const id = r.investor;
  const name = id?.name ?? t("unknownInvestor");
  return (
    <tr data-wallet={r.wallet.toLowerCase()}>
      {act ? (
        <td>
          <BatchSelectBox wallet={r.wallet} label={t("selectRow", { who: name, wallet: r.wallet })} />
        </td>
      ) : null}
      <td>
        <Address address={r.wallet} />
        {!r.verified ? (
          <div>
            <Badge tone="danger" icon="warn">
              {t("unverified")}
            </Badge>
          </div>
        ) : null}
      </td>
      <th scope="row">
        {id ? (
          <Link href={`/compliance/investors/${id.id}`}>{name}</Link>
        ) : (
          <span className="text-ink-muted">{name}</span>
        )}
        <small>
          {id?.category}
          {id && id.others > 0 ? <> · {t("otherWallets", { count: id.others })}</> : null}
        </small>
      </th>
      <td>{r.residence ?? t("none")}</td>
      <td>
        {r.kyc ? <KycStatusBadge status={r.kyc.status} label={r.kyc.label} /> : t("none")}
        {r.kyc?.note ? <small>{r.kyc.note}</small> : null}
      </td>
      <td data-col="shares">{r.shares.text}</td>
      <td data-col="share">{r.share}</td>
      <td data-col="frozen">
        {r.frozen ? (
          <Badge tone="danger" icon="lock">
            {t("walletFrozen")}
          </Badge>
        ) : null}
        {r.frozenAmount.text ? (
          <div>
            <Badge tone="warn" icon="lock">
              {r.frozenAmount.text}
            </Badge>
          </div>
        ) : null}
        {!r.frozen && !r.frozenAmount.text ? t("none") : null}
      </td>
      <td data-col="lockup">{r.lockup ?? t("none")}</td>
      {act ? (
        <td data-col="actions">
          <HolderActions
            holder={{
              wallet: r.wallet,
              name: id?.name ?? null,
              shares: r.shares.raw,
              frozen: r.frozen,
              frozenAmount: r.frozenAmount.raw,
              lockedAmount: r.lockedAmount,
            }}
          />
        </td>
      ) : null}
    </tr>
  );
}
