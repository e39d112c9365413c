import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { databaseReady, isMigrated, markMigrated, migrationsHash, nothingToSetUp } from "./migration-marker";

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A migrations folder (journal + two SQL files) and an empty PGlite folder. */
function setUp() {
  const root = mkdtempSync(path.join(tmpdir(), "migration-marker-"));
  dirs.push(root);
  const migrations = path.join(root, "migrations");
  const pglite = path.join(root, "pglite");
  mkdirSync(path.join(migrations, "meta"), { recursive: true });
  mkdirSync(pglite);
  writeFileSync(path.join(migrations, "meta", "_journal.json"), '{"entries":[{"tag":"0000_a"},{"tag":"0001_b"}]}');
  writeFileSync(path.join(migrations, "0000_a.sql"), "CREATE TABLE a (id int);");
  writeFileSync(path.join(migrations, "0001_b.sql"), "CREATE TABLE b (id int);");
  return { migrations, pglite };
}

describe("migration marker", () => {
  it("says migrated only after markMigrated, for the same migrations", () => {
    const { migrations, pglite } = setUp();
    expect(isMigrated(pglite, migrations)).toBe(false);
    markMigrated(pglite, migrations);
    expect(isMigrated(pglite, migrations)).toBe(true);
  });

  it("is not believed once a migration changes, is added or removed, or the journal changes", () => {
    const { migrations, pglite } = setUp();
    markMigrated(pglite, migrations);
    writeFileSync(path.join(migrations, "0001_b.sql"), "CREATE TABLE b (id bigint);");
    expect(isMigrated(pglite, migrations)).toBe(false);

    markMigrated(pglite, migrations);
    writeFileSync(path.join(migrations, "0002_c.sql"), "CREATE TABLE c (id int);");
    expect(isMigrated(pglite, migrations)).toBe(false);

    markMigrated(pglite, migrations);
    rmSync(path.join(migrations, "0002_c.sql"));
    expect(isMigrated(pglite, migrations)).toBe(false);

    markMigrated(pglite, migrations);
    writeFileSync(path.join(migrations, "meta", "_journal.json"), '{"entries":[{"tag":"0000_a"}]}');
    expect(isMigrated(pglite, migrations)).toBe(false);
  });

  it("goes away with the database folder, and a marker that lies about its hash or is unreadable is ignored", () => {
    const { migrations, pglite } = setUp();
    markMigrated(pglite, migrations);
    rmSync(pglite, { recursive: true });
    mkdirSync(pglite);
    expect(isMigrated(pglite, migrations)).toBe(false);

    writeFileSync(path.join(pglite, "atelier-migrations.json"), JSON.stringify({ migrations: "0".repeat(64) }));
    expect(isMigrated(pglite, migrations)).toBe(false);
    writeFileSync(path.join(pglite, "atelier-migrations.json"), "{not json");
    expect(isMigrated(pglite, migrations)).toBe(false);
  });

  it("hashes names as well as contents (a renamed migration is a change)", () => {
    const { migrations } = setUp();
    const before = migrationsHash(migrations);
    rmSync(path.join(migrations, "0001_b.sql"));
    writeFileSync(path.join(migrations, "0001_bb.sql"), "CREATE TABLE b (id int);");
    expect(migrationsHash(migrations)).not.toBe(before);
  });
});

describe("nothing to set up (the start script's early web server)", () => {
  const registry = "0x5FbDB2315678afecb367f032d93F642f64180aa3";

  /** A data folder whose database is migrated, seeded for `registry` and recorded as deployed there. */
  function dataFolder() {
    const { migrations, pglite } = setUp();
    const dataDir = path.dirname(pglite);
    const env = {
      dataDir,
      pgliteDir: pglite,
      databaseUrl: undefined as string | undefined,
      deploymentsFile: path.join(dataDir, "deployments.json"),
      chainId: 31337,
    };
    markMigrated(pglite, migrations);
    writeFileSync(path.join(dataDir, "seed.json"), JSON.stringify({ identityRegistry: registry }));
    writeFileSync(env.deploymentsFile, JSON.stringify({ chainId: 31337, identityRegistry: registry }));
    return { env, migrations };
  }

  it("holds for a migrated, seeded folder of the recorded deployment", () => {
    const { env, migrations } = dataFolder();
    expect(databaseReady(env, registry, migrations)).toBe(true);
    expect(nothingToSetUp(env, migrations)).toBe(true);
  });

  it("fails when the seed marker names another deployment, or is missing", () => {
    const { env, migrations } = dataFolder();
    expect(databaseReady(env, "0x0000000000000000000000000000000000000001", migrations)).toBe(false);
    writeFileSync(path.join(env.dataDir, "seed.json"), JSON.stringify({ identityRegistry: "0x01" }));
    expect(nothingToSetUp(env, migrations)).toBe(false);
    rmSync(path.join(env.dataDir, "seed.json"));
    expect(nothingToSetUp(env, migrations)).toBe(false);
  });

  it("fails without a deployments file, or with one naming no registry", () => {
    const { env, migrations } = dataFolder();
    writeFileSync(env.deploymentsFile, JSON.stringify({ chainId: 31337 }));
    expect(nothingToSetUp(env, migrations)).toBe(false);
    rmSync(env.deploymentsFile);
    expect(nothingToSetUp(env, migrations)).toBe(false);
  });

  it("fails when a migration was added since, and always on PostgreSQL (migrated at every start)", () => {
    const { env, migrations } = dataFolder();
    writeFileSync(path.join(migrations, "0002_c.sql"), "CREATE TABLE c (id int);");
    expect(nothingToSetUp(env, migrations)).toBe(false);
    markMigrated(env.pgliteDir, migrations);
    expect(nothingToSetUp(env, migrations)).toBe(true);
    expect(nothingToSetUp({ ...env, databaseUrl: "postgres://localhost/atelier" }, migrations)).toBe(false);
  });

  it("needs no seed marker on a remote chain (nothing is seeded there)", () => {
    const { env, migrations } = dataFolder();
    rmSync(path.join(env.dataDir, "seed.json"));
    expect(nothingToSetUp({ ...env, chainId: 11155111 }, migrations)).toBe(true);
  });
});
