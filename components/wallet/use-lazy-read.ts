"use client";

import { keepPreviousData, useQuery, type QueryKey } from "@tanstack/react-query";
import { useChainId, useConfig, type Config } from "wagmi";

/** A read's key: plain values (bigints are keyed as their decimal text). */
export type LazyReadKey = readonly (string | number | bigint | boolean | null | undefined)[];

/**
 * A contract read whose code loads on first use, not with the page: `load` imports the caller's module that holds the
 * ABIs and wagmi's read actions (viem's call, multicall and ABI coding with their errors), `read` makes the read. The
 * page shows first; the read runs once that chunk is in, as wagmi's `useReadContract(s)` would (same query client,
 * stale time and retries). `keepPrevious`: while a new key's read is under way, the last one's value stays (a read at
 * every new block). Returns the query and its key, for invalidation after a write.
 */
export function useLazyRead<M, T>({
  key,
  load,
  read,
  enabled,
  staleTime,
  keepPrevious = false,
}: {
  key: LazyReadKey;
  load: () => Promise<M>;
  read: (module: M, config: Config) => Promise<T>;
  enabled: boolean;
  staleTime?: number;
  keepPrevious?: boolean;
}) {
  const config = useConfig();
  const chainId = useChainId();
  const queryKey: QueryKey = ["atelier.read", chainId, ...key.map((v) => (typeof v === "bigint" ? `${v}n` : v))];
  const query = useQuery({
    queryKey,
    queryFn: async () => read(await load(), config),
    enabled,
    ...(staleTime !== undefined ? { staleTime } : {}),
    ...(keepPrevious ? { placeholderData: keepPreviousData } : {}),
  });
  return { ...query, queryKey };
}
