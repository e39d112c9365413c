export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * Normalise a value to what survives a JSON (jsonb) round trip: Dates → ISO strings, bigints → decimal
 * strings, `undefined` object members dropped, `undefined` in arrays → null, non-finite numbers → null.
 */
export function toJson(value: unknown): Json {
  if (value === null || value === undefined) return null;
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((item) => toJson(item));
  if (typeof value === "object") {
    const withToJson = value as { toJSON?: () => unknown };
    if (typeof withToJson.toJSON === "function") return toJson(withToJson.toJSON());
    const out: Record<string, Json> = {};
    for (const [key, item] of Object.entries(value)) {
      if (item === undefined || typeof item === "function" || typeof item === "symbol") continue;
      out[key] = toJson(item);
    }
    return out;
  }
  return null;
}

/** Canonical JSON: object keys sorted (by UTF-16 code units), no whitespace. */
export function canonicalJson(value: unknown): string {
  return serialise(toJson(value));
}

function serialise(value: Json): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(serialise).join(",")}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${serialise(value[key] as Json)}`).join(",")}}`;
}
