/**
 * A transaction's hash in full (test id `tx-hash`) after its label, and a link to it on the explorer when one is
 * configured, named `explorer`: shown as words, or as an ↗ whose accessible name they are (`iconOnly`).
 */
export function TxHashLine({
  hash,
  label,
  explorerUrl,
  explorer,
  iconOnly = false,
}: {
  hash: string;
  label: string;
  explorerUrl: string | null;
  explorer: string;
  iconOnly?: boolean;
}) {
  return (
    <span className="mt-1 flex flex-wrap items-center gap-x-2 text-xs">
      <span>{label}</span>
      <code className="font-mono break-all" data-testid="tx-hash">
        {hash}
      </code>
      {explorerUrl ? (
        <a
          href={`${explorerUrl.replace(/\/+$/, "")}/tx/${hash}`}
          target="_blank"
          rel="noreferrer"
          className="text-accent underline"
          aria-label={iconOnly ? explorer : undefined}
          title={iconOnly ? explorer : undefined}
        >
          {iconOnly ? <span aria-hidden="true">↗</span> : explorer}
        </a>
      ) : null}
    </span>
  );
}
