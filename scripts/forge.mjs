#!/usr/bin/env node
/**
 * Runs Foundry's forge binary from its npm platform package and exits with forge's own status.
 *
 * The `forge` wrapper that `@foundry-rs/forge` puts on the PATH spawns the binary but always exits 0, so a failing
 * `forge test` would pass `npm test` and CI. This runner resolves the same platform package
 * (`@foundry-rs/forge-<os>-<arch>`) and hands back the exit code (or the signal) unchanged.
 */
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const os = { linux: "linux", darwin: "darwin", win32: "win32" }[process.platform];
const arch = { x64: "amd64", arm64: "arm64" }[process.arch];
const exe = process.platform === "win32" ? "forge.exe" : "forge";

let binary;
try {
  binary = require.resolve(`@foundry-rs/forge-${os}-${arch}/bin/${exe}`);
} catch {
  console.error(`forge: no @foundry-rs/forge package for ${process.platform}/${process.arch} (run npm ci)`);
  process.exit(1);
}

const run = spawnSync(binary, process.argv.slice(2), { stdio: "inherit" });
if (run.error) {
  console.error(`forge: ${run.error.message}`);
  process.exit(1);
}
if (run.signal) process.kill(process.pid, run.signal);
process.exit(run.status ?? 1);
