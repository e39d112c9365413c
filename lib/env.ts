/**
 * Server configuration, checked once with zod.
 *
 * Plain module (no `server-only`): `scripts/start.ts` imports it under tsx too.
 * Never import it from a client component — it reads secrets.
 */
import { randomBytes } from "node:crypto";
import path from "node:path";
import { z } from "zod";
import { LOCAL_CHAIN_ID } from "./chain/ids";

export type IndexerMode = "embedded" | "worker" | "off";

export type ServerEnv = {
  nodeEnv: "development" | "production" | "test";
  /** RPC endpoints in fallback order; the local anvil URL when RPC_URL is absent. */
  rpcUrls: string[];
  /** True when RPC_URL is absent and the local anvil child process is the chain. */
  usesLocalAnvil: boolean;
  /**
   * The RPC endpoint browsers read from (never a server endpoint that carries an API key unless it is the same).
   * PUBLIC_RPC_URL; else the local anvil, or the first http(s) RPC_URL outside production.
   */
  publicRpcUrl: string;
  anvilPort: number;
  chainId: number;
  dataDir: string;
  deploymentsFile: string;
  /** Postgres URL; undefined ⇒ PGlite in `pgliteDir`. */
  databaseUrl: string | undefined;
  pgliteDir: string;
  /** ≥ 32 characters. An ephemeral random value when absent and not required (see `ephemeralSecrets`). */
  sessionSecret: string;
  /**
   * ≥ 32 characters: the key material of the unsubscribe links (UNSUBSCRIBE_SECRET; their key is derived from it with
   * HKDF, lib/notifications/token.ts), apart from the session secret so rotating that one leaves the links working.
   * An ephemeral random value when absent and not required.
   */
  unsubscribeSecret: string;
  /** 64 hex characters (32 bytes), no 0x. Undefined when absent and not required: document storage must refuse to work. */
  documentEncryptionKey: string | undefined;
  /** Names of secrets generated for this process only (absent in the environment and not required). */
  ephemeralSecrets: string[];
  /** Origin only (scheme://host[:port]), no trailing slash. */
  appOrigin: string;
  port: number;
  explorerUrl: string | undefined;
  indexerMode: IndexerMode;
  confirmations: number;
  /**
   * How long the public page cache may serve a page rendered before, at most (PAGE_CACHE_SECONDS, default 15; 0 turns
   * the cache off). It is dropped sooner whenever what it shows changes (lib/http/page-cache.ts).
   */
  pageCacheSeconds: number;
  walletConnectProjectId: string | undefined;
  /**
   * How many reverse proxies in front of the app append to X-Forwarded-For (TRUSTED_PROXY_HOPS, default 0).
   * 0: the header is ignored and the socket's address is the client's.
   */
  trustedProxyHops: number;
  /** Object storage for uploaded files (S3_BUCKET set); undefined ⇒ the local folder `${dataDir}/files`. */
  s3: S3Settings | undefined;
  /** Email (notifications): SMTP_URL, or the local mail catcher `npm start` runs when unset (see `mailCatcher`). */
  mail: { smtpUrl: string | undefined; from: string; catcher: { smtpPort: number; webPort: number } };
};

/** An S3-compatible object store (AWS S3, MinIO, R2…): S3_ENDPOINT, S3_BUCKET, S3_REGION, keys, path style. */
export type S3Settings = {
  /** Absent ⇒ AWS S3 itself (from the region). */
  endpoint: string | undefined;
  bucket: string;
  region: string;
  /** Absent ⇒ the SDK's default credential chain (instance role, AWS_* variables…). */
  credentials: { accessKeyId: string; secretAccessKey: string } | undefined;
  /** `bucket` in the path rather than the host name (MinIO and most self-hosted stores need it). */
  forcePathStyle: boolean;
};

type Source = Record<string, string | undefined>;

const emptyToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : typeof value === "string" ? value.trim() : value;

const optionalString = z.preprocess(emptyToUndefined, z.string().optional());

function intVar(opts: { min: number; max: number; what: string }) {
  return z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^\d+$/, { error: `must be ${opts.what}` })
      .transform(Number)
      .refine((n) => Number.isSafeInteger(n) && n >= opts.min && n <= opts.max, {
        error: `must be ${opts.what}`,
      })
      .optional(),
  );
}

function isUrlWithProtocol(value: string, protocols: string[]): boolean {
  try {
    const url = new URL(value);
    return protocols.includes(url.protocol) && url.hostname !== "";
  } catch {
    return false;
  }
}

/** An optional URL with one of `protocols` and a host name. */
function urlVar(protocols: string[], error: string) {
  return z.preprocess(
    emptyToUndefined,
    z
      .string()
      .refine((u) => isUrlWithProtocol(u, protocols), { error })
      .optional(),
  );
}
const HTTP = ["http:", "https:"];

const RawEnv = z.object({
  NODE_ENV: z.preprocess(
    emptyToUndefined,
    z
      .enum(["development", "production", "test"], {
        error: "must be development, production or test",
      })
      .optional(),
  ),
  RPC_URL: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .transform((s) =>
        s
          .split(",")
          .map((u) => u.trim())
          .filter(Boolean),
      )
      .refine(
        (urls) => urls.length > 0 && urls.every((u) => isUrlWithProtocol(u, ["http:", "https:", "ws:", "wss:"])),
        {
          error: "must be an http(s) or ws(s) URL (or a comma-separated list of them)",
        },
      )
      .optional(),
  ),
  CHAIN_ID: intVar({ min: 1, max: 2 ** 53 - 1, what: "a positive integer chain id" }),
  DATA_DIR: optionalString,
  DEPLOYMENTS_FILE: optionalString,
  DATABASE_URL: urlVar(["postgres:", "postgresql:"], "must be a postgres:// URL"),
  SESSION_SECRET: z.preprocess(
    emptyToUndefined,
    z.string().min(32, { error: "must be at least 32 characters" }).optional(),
  ),
  UNSUBSCRIBE_SECRET: z.preprocess(
    emptyToUndefined,
    z.string().min(32, { error: "must be at least 32 characters" }).optional(),
  ),
  DOCUMENT_ENCRYPTION_KEY: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .transform((s) => s.replace(/^0x/i, "").toLowerCase())
      .refine((s) => /^[0-9a-f]{64}$/.test(s), { error: "must be 64 hex characters (32 bytes)" })
      .optional(),
  ),
  APP_ORIGIN: urlVar(HTTP, "must be an http(s) origin, e.g. https://atelier.example"),
  PORT: intVar({ min: 1, max: 65535, what: "a TCP port (1-65535)" }),
  PUBLIC_RPC_URL: urlVar(HTTP, "must be an http(s) URL"),
  EXPLORER_URL: urlVar(HTTP, "must be an http(s) URL"),
  INDEXER_MODE: z.preprocess(
    emptyToUndefined,
    z.enum(["embedded", "worker", "off"], { error: "must be embedded, worker or off" }).optional(),
  ),
  CONFIRMATIONS: intVar({ min: 0, max: 1000, what: "a whole number of blocks (0-1000)" }),
  PAGE_CACHE_SECONDS: intVar({ min: 0, max: 3600, what: "a whole number of seconds (0-3600)" }),
  NEXT_PUBLIC_WALLETCONNECT_PROJECT_ID: optionalString,
  ANVIL_PORT: intVar({ min: 1, max: 65535, what: "a TCP port (1-65535)" }),
  TRUSTED_PROXY_HOPS: intVar({ min: 0, max: 10, what: "the number of trusted reverse proxies (0-10)" }),
  S3_ENDPOINT: urlVar(HTTP, "must be an http(s) URL"),
  S3_BUCKET: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { error: "must be a bucket name (3-63 of a-z, 0-9, . and -)" })
      .optional(),
  ),
  SMTP_URL: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .refine((u) => isUrlWithProtocol(u, ["smtp:", "smtps:"]), { error: "must be an smtp:// or smtps:// URL" })
      .optional(),
  ),
  MAIL_FROM: optionalString,
  MAILDEV_SMTP_PORT: intVar({ min: 1, max: 65535, what: "a TCP port (1-65535)" }),
  MAILDEV_WEB_PORT: intVar({ min: 1, max: 65535, what: "a TCP port (1-65535)" }),
  S3_REGION: optionalString,
  S3_ACCESS_KEY_ID: optionalString,
  S3_SECRET_ACCESS_KEY: optionalString,
  S3_FORCE_PATH_STYLE: z.preprocess(
    emptyToUndefined,
    z
      .enum(["true", "false", "1", "0"], { error: "must be true or false" })
      .transform((v) => v === "true" || v === "1")
      .optional(),
  ),
});

/** Thrown by `parseServerEnv`; `message` is one line naming every bad variable. */
export class ConfigurationError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Invalid configuration: ${problems.join("; ")}`);
    this.name = "ConfigurationError";
    this.problems = problems;
  }
}

/**
 * Parse and validate the server configuration.
 * Returns a typed object or throws a `ConfigurationError` whose message is one line naming every bad variable.
 */
export function parseServerEnv(source: Source = process.env): ServerEnv {
  const parsed = RawEnv.safeParse(source);
  const problems: string[] = [];
  const flagged = new Set<string>();
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const name = String(issue.path[0] ?? "environment");
      flagged.add(name);
      const line = `${name} ${issue.message}`;
      if (!problems.includes(line)) problems.push(line);
    }
  }

  // Rules across variables, checked even when other variables are bad so that one run names every problem.
  const present = (name: string) => flagged.has(name) || emptyToUndefined(source[name]) !== undefined;
  const nodeEnv =
    parsed.data?.NODE_ENV ?? (emptyToUndefined(source.NODE_ENV) === "production" ? "production" : "development");
  const chainIdText = emptyToUndefined(source.CHAIN_ID);
  const local = parsed.data
    ? (parsed.data.CHAIN_ID ?? LOCAL_CHAIN_ID) === LOCAL_CHAIN_ID
    : chainIdText === undefined || chainIdText === String(LOCAL_CHAIN_ID);
  const secretsRequired = nodeEnv === "production" && !local;
  if (secretsRequired && !present("SESSION_SECRET")) {
    problems.push("SESSION_SECRET is required in production on a non-local chain (at least 32 characters)");
  }
  if (secretsRequired && !present("UNSUBSCRIBE_SECRET")) {
    problems.push("UNSUBSCRIBE_SECRET is required in production on a non-local chain (at least 32 characters)");
  }
  if (secretsRequired && !present("DOCUMENT_ENCRYPTION_KEY")) {
    problems.push("DOCUMENT_ENCRYPTION_KEY is required in production on a non-local chain (64 hex characters)");
  }
  if (secretsRequired && !present("PUBLIC_RPC_URL")) {
    problems.push(
      "PUBLIC_RPC_URL is required in production on a non-local chain (the RPC endpoint browsers may see; RPC_URL stays on the server)",
    );
  }
  const originText = String(emptyToUndefined(source.APP_ORIGIN) ?? "");
  if (secretsRequired && !flagged.has("APP_ORIGIN") && !originText.startsWith("https://")) {
    problems.push(
      "APP_ORIGIN must be an https:// origin in production on a non-local chain (session cookies are Secure)",
    );
  }
  if (!local && !present("RPC_URL")) {
    problems.push(`RPC_URL is required when CHAIN_ID is not ${LOCAL_CHAIN_ID} (the local anvil chain)`);
  }
  const s3Named = [
    "S3_ENDPOINT",
    "S3_REGION",
    "S3_ACCESS_KEY_ID",
    "S3_SECRET_ACCESS_KEY",
    "S3_FORCE_PATH_STYLE",
  ].filter((name) => emptyToUndefined(source[name]) !== undefined);
  if (!present("S3_BUCKET") && s3Named.length > 0) {
    problems.push(`S3_BUCKET is required when ${s3Named.join(", ")} ${s3Named.length > 1 ? "are" : "is"} set`);
  }
  if (present("S3_ACCESS_KEY_ID") !== present("S3_SECRET_ACCESS_KEY")) {
    problems.push("S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY are set together or not at all");
  }
  if (problems.length > 0 || !parsed.success) throw new ConfigurationError(problems);
  const raw = parsed.data;
  const chainId = raw.CHAIN_ID ?? LOCAL_CHAIN_ID;

  const port = raw.PORT ?? 3000;
  const anvilPort = raw.ANVIL_PORT ?? 8545;
  const dataDir = raw.DATA_DIR ?? ".data";
  const ephemeralSecrets: string[] = [];
  let sessionSecret = raw.SESSION_SECRET;
  if (!sessionSecret) {
    sessionSecret = randomBytes(32).toString("hex");
    ephemeralSecrets.push("SESSION_SECRET");
  }
  let unsubscribeSecret = raw.UNSUBSCRIBE_SECRET;
  if (!unsubscribeSecret) {
    unsubscribeSecret = randomBytes(32).toString("hex");
    ephemeralSecrets.push("UNSUBSCRIBE_SECRET");
  }

  return {
    nodeEnv,
    rpcUrls: raw.RPC_URL ?? [`http://127.0.0.1:${anvilPort}`],
    usesLocalAnvil: !raw.RPC_URL,
    publicRpcUrl: raw.PUBLIC_RPC_URL ?? raw.RPC_URL?.find((u) => /^https?:/.test(u)) ?? `http://127.0.0.1:${anvilPort}`,
    anvilPort,
    chainId,
    dataDir,
    deploymentsFile: raw.DEPLOYMENTS_FILE ?? path.join(dataDir, "deployments", `${chainId}.json`),
    databaseUrl: raw.DATABASE_URL,
    pgliteDir: path.join(dataDir, "pglite"),
    sessionSecret,
    unsubscribeSecret,
    documentEncryptionKey: raw.DOCUMENT_ENCRYPTION_KEY,
    ephemeralSecrets,
    appOrigin: new URL(raw.APP_ORIGIN ?? `http://localhost:${port}`).origin,
    port,
    explorerUrl: raw.EXPLORER_URL?.replace(/\/+$/, ""),
    indexerMode: raw.INDEXER_MODE ?? "embedded",
    confirmations: raw.CONFIRMATIONS ?? (local ? 0 : 2),
    pageCacheSeconds: raw.PAGE_CACHE_SECONDS ?? 15,
    walletConnectProjectId: raw.NEXT_PUBLIC_WALLETCONNECT_PROJECT_ID,
    trustedProxyHops: raw.TRUSTED_PROXY_HOPS ?? 0,
    s3: raw.S3_BUCKET
      ? {
          endpoint: raw.S3_ENDPOINT,
          bucket: raw.S3_BUCKET,
          region: raw.S3_REGION ?? "us-east-1",
          credentials:
            raw.S3_ACCESS_KEY_ID && raw.S3_SECRET_ACCESS_KEY
              ? { accessKeyId: raw.S3_ACCESS_KEY_ID, secretAccessKey: raw.S3_SECRET_ACCESS_KEY }
              : undefined,
          forcePathStyle: raw.S3_FORCE_PATH_STYLE ?? false,
        }
      : undefined,
    mail: {
      smtpUrl: raw.SMTP_URL,
      from: raw.MAIL_FROM ?? "Atelier <notifications@atelier.localhost>",
      catcher: { smtpPort: raw.MAILDEV_SMTP_PORT ?? 1025, webPort: raw.MAILDEV_WEB_PORT ?? 1080 },
    },
  };
}

const globalForEnv = globalThis as unknown as { __atelierServerEnv?: ServerEnv };

/** The process-wide configuration, parsed on first use (memoised; survives Next dev HMR). */
export function getServerEnv(): ServerEnv {
  globalForEnv.__atelierServerEnv ??= parseServerEnv(process.env);
  return globalForEnv.__atelierServerEnv;
}

/** Forget the memoised configuration (tests only). */
export function resetServerEnv(): void {
  delete globalForEnv.__atelierServerEnv;
}

/** True for the local development chain (anvil, chain id 31337). */
export function isLocalChain(env: Pick<ServerEnv, "chainId">): boolean {
  return env.chainId === LOCAL_CHAIN_ID;
}
