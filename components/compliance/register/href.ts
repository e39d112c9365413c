import { REGISTER_DEFAULT_PER, type RegisterParams } from "@/lib/compliance/client";

/** The register's URL with some of its parameters changed (defaults left out, so links stay short). */
export function hrefWith(base: string, p: RegisterParams, change: Partial<RegisterParams>): string {
  const next = { ...p, ...change };
  const qs = new URLSearchParams();
  if (next.q) qs.set("q", next.q);
  if (next.sort !== "shares") qs.set("sort", next.sort);
  if (next.dir !== "desc") qs.set("dir", next.dir);
  if (next.page > 1) qs.set("page", String(next.page));
  if (next.per !== REGISTER_DEFAULT_PER) qs.set("per", String(next.per));
  if (next.block) qs.set("block", next.block);
  const s = qs.toString();
  return s ? `${base}?${s}` : base;
}
