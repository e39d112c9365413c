import { describe, expect, it } from "vitest";
import { ConfigurationError, isLocalChain, parseServerEnv } from "./env";

describe("parseServerEnv", () => {
  it("gives local defaults for an empty environment", () => {
    const env = parseServerEnv({});
    expect(env).toMatchObject({
      nodeEnv: "development",
      chainId: 31337,
      rpcUrls: ["http://127.0.0.1:8545"],
      usesLocalAnvil: true,
      dataDir: ".data",
      deploymentsFile: ".data/deployments/31337.json",
      databaseUrl: undefined,
      pgliteDir: ".data/pglite",
      appOrigin: "http://localhost:3000",
      port: 3000,
      indexerMode: "embedded",
      confirmations: 0,
      pageCacheSeconds: 15,
      documentEncryptionKey: undefined,
      ephemeralSecrets: ["SESSION_SECRET", "UNSUBSCRIBE_SECRET"],
    });
    expect(env.sessionSecret).toMatch(/^[0-9a-f]{64}$/);
    expect(env.unsubscribeSecret).toMatch(/^[0-9a-f]{64}$/);
    expect(env.unsubscribeSecret).not.toBe(env.sessionSecret);
    expect(isLocalChain(env)).toBe(true);
  });

  it("derives dependent defaults", () => {
    const env = parseServerEnv({
      DATA_DIR: "/var/atelier",
      PORT: "4000",
      ANVIL_PORT: "9545",
      CHAIN_ID: "31337",
    });
    expect(env.deploymentsFile).toBe("/var/atelier/deployments/31337.json");
    expect(env.pgliteDir).toBe("/var/atelier/pglite");
    expect(env.appOrigin).toBe("http://localhost:4000");
    expect(env.rpcUrls).toEqual(["http://127.0.0.1:9545"]);
  });

  it("reads the email settings: SMTP_URL (smtp or smtps only), the sender, the local mail catcher's ports", () => {
    expect(parseServerEnv({}).mail).toEqual({
      smtpUrl: undefined,
      from: "Atelier <notifications@atelier.localhost>",
      catcher: { smtpPort: 1025, webPort: 1080 },
    });
    const env = parseServerEnv({
      SMTP_URL: "smtps://user:secret@mail.example:465",
      MAIL_FROM: "Atelier <no-reply@atelier.example>",
      MAILDEV_SMTP_PORT: "2025",
      MAILDEV_WEB_PORT: "2080",
    });
    expect(env.mail).toEqual({
      smtpUrl: "smtps://user:secret@mail.example:465",
      from: "Atelier <no-reply@atelier.example>",
      catcher: { smtpPort: 2025, webPort: 2080 },
    });
    expect(() => parseServerEnv({ SMTP_URL: "http://mail.example" })).toThrow(
      /SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL/,
    );
    expect(() => parseServerEnv({ MAILDEV_WEB_PORT: "99999" })).toThrow(/MAILDEV_WEB_PORT/);
  });

  it("parses a full production configuration", () => {
    const env = parseServerEnv({
      NODE_ENV: "production",
      RPC_URL: "https://rpc-a.example, wss://rpc-b.example/ws",
      CHAIN_ID: "8453",
      DATABASE_URL: "postgresql://app:pw@db:5432/atelier",
      SESSION_SECRET: "s".repeat(32),
      UNSUBSCRIBE_SECRET: "u".repeat(32),
      DOCUMENT_ENCRYPTION_KEY: "0x" + "AB".repeat(32),
      APP_ORIGIN: "https://atelier.example/",
      EXPLORER_URL: "https://explorer.example/",
      PUBLIC_RPC_URL: "https://public-rpc.example",
      INDEXER_MODE: "worker",
      CONFIRMATIONS: "3",
      NEXT_PUBLIC_WALLETCONNECT_PROJECT_ID: "abc",
    });
    expect(env).toMatchObject({
      rpcUrls: ["https://rpc-a.example", "wss://rpc-b.example/ws"],
      usesLocalAnvil: false,
      publicRpcUrl: "https://public-rpc.example",
      chainId: 8453,
      databaseUrl: "postgresql://app:pw@db:5432/atelier",
      documentEncryptionKey: "ab".repeat(32),
      ephemeralSecrets: [],
      appOrigin: "https://atelier.example",
      explorerUrl: "https://explorer.example",
      indexerMode: "worker",
      confirmations: 3,
      walletConnectProjectId: "abc",
    });
    expect(isLocalChain(env)).toBe(false);
  });

  it("treats empty strings as absent", () => {
    expect(parseServerEnv({ RPC_URL: "", DATABASE_URL: " " }).databaseUrl).toBeUndefined();
  });

  it("defaults confirmations to 2 on a non-local chain", () => {
    expect(parseServerEnv({ CHAIN_ID: "1", RPC_URL: "https://x.example" }).confirmations).toBe(2);
  });

  it("names every bad variable in one line", () => {
    let error: unknown;
    try {
      parseServerEnv({
        RPC_URL: "ftp://nope",
        DATABASE_URL: "mysql://db",
        CHAIN_ID: "abc",
        PORT: "70000",
        INDEXER_MODE: "sometimes",
        SESSION_SECRET: "short",
        DOCUMENT_ENCRYPTION_KEY: "xyz",
        APP_ORIGIN: "localhost:3000",
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    const message = (error as Error).message;
    expect(message.split("\n")).toHaveLength(1);
    expect(message).toMatch(/^Invalid configuration: /);
    for (const name of [
      "RPC_URL must be an http(s) or ws(s) URL",
      "DATABASE_URL must be a postgres:// URL",
      "CHAIN_ID must be a positive integer chain id",
      "PORT must be a TCP port",
      "INDEXER_MODE must be embedded, worker or off",
      "SESSION_SECRET must be at least 32 characters",
      "DOCUMENT_ENCRYPTION_KEY must be 64 hex characters",
      "APP_ORIGIN must be an http(s) origin",
    ]) {
      expect(message).toContain(name);
    }
    expect((error as ConfigurationError).problems).toHaveLength(8);
  });

  it("requires secrets in production on a non-local chain, together with other problems", () => {
    expect(() => parseServerEnv({ NODE_ENV: "production", CHAIN_ID: "8453", DATABASE_URL: "nope" })).toThrow(
      "Invalid configuration: DATABASE_URL must be a postgres:// URL; SESSION_SECRET is required in production on a non-local chain (at least 32 characters); UNSUBSCRIBE_SECRET is required in production on a non-local chain (at least 32 characters); DOCUMENT_ENCRYPTION_KEY is required in production on a non-local chain (64 hex characters); PUBLIC_RPC_URL is required in production on a non-local chain (the RPC endpoint browsers may see; RPC_URL stays on the server); APP_ORIGIN must be an https:// origin in production on a non-local chain (session cookies are Secure); RPC_URL is required when CHAIN_ID is not 31337 (the local anvil chain)",
    );
  });

  it("keeps the server's RPC endpoint from browsers when a public one is configured, and refuses http origins in production", () => {
    const base = { CHAIN_ID: "8453", RPC_URL: "https://key-123.rpc.example" };
    expect(parseServerEnv(base).publicRpcUrl).toBe("https://key-123.rpc.example");
    expect(parseServerEnv({ ...base, PUBLIC_RPC_URL: "https://rpc.example" }).publicRpcUrl).toBe("https://rpc.example");
    expect(parseServerEnv({}).publicRpcUrl).toBe("http://127.0.0.1:8545");
    const prod = {
      ...base,
      NODE_ENV: "production",
      SESSION_SECRET: "s".repeat(32),
      UNSUBSCRIBE_SECRET: "u".repeat(32),
      DOCUMENT_ENCRYPTION_KEY: "ab".repeat(32),
      PUBLIC_RPC_URL: "https://rpc.example",
    };
    expect(() => parseServerEnv({ ...prod, APP_ORIGIN: "http://atelier.example" })).toThrow(
      /APP_ORIGIN must be an https:\/\/ origin/,
    );
    expect(parseServerEnv({ ...prod, APP_ORIGIN: "https://atelier.example" }).appOrigin).toBe(
      "https://atelier.example",
    );
  });

  it("does not require secrets in production on the local chain (the start script provides them)", () => {
    const env = parseServerEnv({ NODE_ENV: "production" });
    expect(env.ephemeralSecrets).toEqual(["SESSION_SECRET", "UNSUBSCRIBE_SECRET"]);
  });
});

describe("S3 settings", () => {
  it("keeps files in the local folder unless S3_BUCKET is set", () => {
    expect(parseServerEnv({}).s3).toBeUndefined();
  });

  it("parses an S3-compatible store", () => {
    const env = parseServerEnv({
      S3_ENDPOINT: "http://127.0.0.1:9000",
      S3_BUCKET: "atelier-files",
      S3_ACCESS_KEY_ID: "key",
      S3_SECRET_ACCESS_KEY: "secret",
      S3_FORCE_PATH_STYLE: "true",
    });
    expect(env.s3).toEqual({
      endpoint: "http://127.0.0.1:9000",
      bucket: "atelier-files",
      region: "us-east-1",
      credentials: { accessKeyId: "key", secretAccessKey: "secret" },
      forcePathStyle: true,
    });
    expect(parseServerEnv({ S3_BUCKET: "atelier", S3_REGION: "eu-west-1" }).s3).toMatchObject({
      endpoint: undefined,
      region: "eu-west-1",
      credentials: undefined,
      forcePathStyle: false,
    });
  });

  it("names every bad S3 setting", () => {
    expect(() =>
      parseServerEnv({ S3_ENDPOINT: "ftp://x", S3_ACCESS_KEY_ID: "key", S3_FORCE_PATH_STYLE: "yes" }),
    ).toThrow(
      /S3_ENDPOINT must be an http\(s\) URL.*S3_FORCE_PATH_STYLE must be true or false.*S3_BUCKET is required when .*S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY are set together/,
    );
    expect(() => parseServerEnv({ S3_BUCKET: "Not_A_Bucket" })).toThrow(/S3_BUCKET must be a bucket name/);
  });
});
