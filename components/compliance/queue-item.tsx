import Link from "next/link";
import type { ReactNode } from "react";
import { FactList, type Fact } from "@/components/ui/fact-list";

/**
 * One request in an officer's queue (a wallet link, an unlink): the investor it concerns, its facts and anything
 * that goes with them, and beside them the officer's decision or its outcome.
 */
export function QueueItem({
  investorId,
  investorName,
  facts,
  details,
  decision,
  attributes,
}: {
  investorId: string;
  investorName: string;
  facts: Fact[];
  details?: ReactNode;
  decision: ReactNode;
  /** `data-*` attributes that tell the request apart (tests and scripts find it by them). */
  attributes: Record<`data-${string}`, string>;
}) {
  return (
    <li
      {...attributes}
      className="flex flex-col gap-4 rounded-xl border border-line p-4 lg:flex-row lg:items-start lg:justify-between"
    >
      <div className="flex min-w-0 flex-col gap-2 text-sm">
        <Link href={`/compliance/investors/${investorId}`} className="font-medium underline-offset-4 hover:underline">
          {investorName}
        </Link>
        <FactList facts={facts} />
        {details}
      </div>
      <div className="w-full lg:max-w-md">{decision}</div>
    </li>
  );
}
