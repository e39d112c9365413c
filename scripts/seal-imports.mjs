#!/usr/bin/env node
/**
 * Rewrites imports of a sealed domain's internals (README, "Layers and their rules") to its public modules, and adds
 * what they import to the domain's barrels: a value from a pure module (no server-only module or server package behind
 * it, or already in a client bundle) and any type a client component imports go to `lib/<domain>/client.ts`, the rest
 * to `lib/<domain>/index.ts` (which re-exports ./client). Barrels are appended to, never rewritten. Test files are left
 * alone. Run it after a merge that brings new internal imports, then prettier and the lint:
 *   node scripts/seal-imports.mjs           (dry run: lists what it would do and what it cannot)
 *   node scripts/seal-imports.mjs --write
 */
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const WRITE = process.argv.includes("--write");
const ts = createRequire(path.join(root, "package.json"))("typescript");
const { infrastructure: INFRA } = await import(path.join(root, "eslint.config.mjs"));
const PUBLIC = new Set(["types", "errors", "client", "projection"]);
const files = [];
const walk = (d) => {
  for (const e of fs.readdirSync(path.join(root, d), { withFileTypes: true })) {
    const p = path.join(d, e.name);
    if (e.isDirectory()) walk(p);
    else if (/\.(ts|tsx)$/.test(e.name) && !/\.d\.ts$/.test(e.name)) files.push(p);
  }
};
["app", "components", "lib"].forEach(walk);
const exts = ["", ".ts", ".tsx", "/index.ts", "/index.tsx"];
function resolve(from, spec) {
  let base;
  if (spec.startsWith("@/")) base = spec.slice(2);
  else if (spec.startsWith(".")) base = path.normalize(path.join(path.dirname(from), spec));
  else return { ext: spec };
  for (const e of exts) {
    const p = base + e;
    const a = path.join(root, p);
    if (fs.existsSync(a) && fs.statSync(a).isFile()) return { file: p };
  }
  return { ext: spec };
}
const info = {};
for (const f of files) {
  const text = fs.readFileSync(path.join(root, f), "utf8");
  const sf = ts.createSourceFile(
    f,
    text,
    ts.ScriptTarget.Latest,
    true,
    f.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const dir = sf.statements
    .filter((s) => ts.isExpressionStatement(s) && ts.isStringLiteral(s.expression))
    .map((s) => s.expression.text);
  const imps = [];
  for (const s of sf.statements) {
    if ((ts.isImportDeclaration(s) || ts.isExportDeclaration(s)) && s.moduleSpecifier) {
      const spec = s.moduleSpecifier.text;
      const r = resolve(f, spec);
      let typeOnly = false,
        specs = [],
        other = false;
      if (ts.isImportDeclaration(s)) {
        const c = s.importClause;
        if (!c) {
          other = "side-effect";
        } else {
          typeOnly = c.isTypeOnly;
          if (c.name) other = "default";
          if (c.namedBindings) {
            if (ts.isNamespaceImport(c.namedBindings)) other = "namespace";
            else
              specs = c.namedBindings.elements.map((e) => ({
                name: (e.propertyName ?? e.name).text,
                local: e.name.text,
                type: typeOnly || e.isTypeOnly,
              }));
          }
        }
      } else {
        typeOnly = s.isTypeOnly;
        other = "export";
      }
      imps.push({
        spec,
        ...r,
        node: s,
        typeOnly,
        specs,
        other,
        valueUse:
          !typeOnly &&
          (other === "side-effect" ||
            other === "default" ||
            other === "namespace" ||
            other === "export" ||
            specs.some((x) => !x.type)),
      });
    }
  }
  sf.forEachChild(function v(n) {
    if (
      ts.isCallExpression(n) &&
      n.expression.kind === ts.SyntaxKind.ImportKeyword &&
      n.arguments[0] &&
      ts.isStringLiteral(n.arguments[0])
    ) {
      const spec = n.arguments[0].text;
      imps.push({ spec, ...resolve(f, spec), dynamic: true, valueUse: true, specs: [], other: "dynamic" });
    }
    n.forEachChild(v);
  });
  info[f] = {
    text,
    sf,
    imps,
    useClient: dir.includes("use client"),
    useServer: dir.includes("use server"),
    serverOnly: imps.some((i) => i.ext === "server-only"),
  };
}
// purity: a module is server-bound if it (transitively, value imports) reaches server-only or a server package
const serverPkgs =
  /^(server-only|drizzle-orm|pg$|@electric-sql|nodemailer|@aws-sdk|sharp|next\/headers|node:|fs$|path$|crypto$|http$|net$|next-intl\/server|next\/server)/;
const bound = {};
function isBound(f, seen = new Set()) {
  if (f in bound) return bound[f];
  if (seen.has(f)) return false;
  seen.add(f);
  const I = info[f];
  if (!I) return false;
  let b = I.serverOnly || I.useServer;
  for (const i of I.imps) {
    if (!i.valueUse) continue;
    if (i.ext && serverPkgs.test(i.ext)) b = true;
    else if (i.file && isBound(i.file, seen)) b = true;
  }
  if (f.startsWith("lib/db/") || f === "lib/env.ts") b = true;
  return (bound[f] = b);
}
files.forEach((f) => isBound(f));
// client reachability
const client = new Set();
const stack = files.filter((f) => info[f].useClient);
while (stack.length) {
  const f = stack.pop();
  if (client.has(f) || !info[f]) continue;
  client.add(f);
  if (info[f].useServer && !info[f].useClient) continue;
  for (const i of info[f].imps) if (i.file && i.valueUse && !info[i.file]?.useServer) stack.push(i.file);
}
const domOf = (f) => {
  const m = f.match(/^lib\/([^/]+)\//);
  return m ? m[1] : null;
};
const modOf = (f) => f.replace(/^lib\/[^/]+\//, "").replace(/\.tsx?$/, "");
// TS checker for value/type classification
const cfg = ts.parseJsonConfigFileContent(
  ts.readConfigFile(path.join(root, "tsconfig.json"), ts.sys.readFile).config,
  ts.sys,
  root,
);
const program = ts.createProgram({
  rootNames: files.filter((f) => f.startsWith("lib/")).map((f) => path.join(root, f)),
  options: cfg.options,
});
const checker = program.getTypeChecker();
const exportKind = {};
function kindOf(file, name) {
  const key = file + "#" + name;
  if (key in exportKind) return exportKind[key];
  const sf = program.getSourceFile(path.join(root, file));
  const ms = sf && checker.getSymbolAtLocation(sf);
  let k = "missing";
  if (ms) {
    const ex = checker.getExportsOfModule(ms).find((s) => s.name === name);
    if (ex) {
      let s = ex;
      if (s.flags & ts.SymbolFlags.Alias) s = checker.getAliasedSymbol(s);
      k = s.flags & ts.SymbolFlags.Value ? "value" : "type";
    }
  }
  return (exportKind[key] = k);
}
// plan
const surface = {}; // domain -> {index: Map name->{mod,kind}, client: Map}
const problems = [];
const edits = {}; // file -> list of {imp, parts:[{dest, spec}]}
for (const f of files) {
  if (/\.test\.tsx?$/.test(f)) continue;
  const fd = domOf(f);
  const isClient = client.has(f);
  for (const i of info[f].imps) {
    if (!i.file) continue;
    const d = domOf(i.file);
    if (!d || INFRA.has(d) || d === fd) continue;
    const mod = modOf(i.file);
    if (mod === "index" || PUBLIC.has(mod)) continue;
    if (mod.includes("/")) {
      problems.push(`${f}: nested ${i.spec}`);
    }
    if (i.other) {
      problems.push(`${f}: ${i.other} import of ${i.spec} (rewrite it by hand)`);
      continue;
    }
    const parts = [];
    for (const s of i.specs) {
      const kind = kindOf(i.file, s.name);
      if (kind === "missing") {
        problems.push(`${f}: ${s.name} not found in ${i.file}`);
        continue;
      }
      const isType = s.type || kind === "type";
      const pure = !bound[i.file] || client.has(i.file);
      let dest;
      if (isType) dest = pure || isClient ? "client" : "index";
      else if (pure) dest = "client";
      else {
        dest = "index";
        if (isClient) problems.push(`${f} (client) imports server value ${s.name} from ${i.file}`);
      }
      const sd = (surface[d] ??= { index: new Map(), client: new Map() });
      const prev = sd[dest].get(s.name);
      if (prev && prev.mod !== mod) problems.push(`name clash ${d}.${s.name}: ${prev.mod} vs ${mod}`);
      sd[dest].set(s.name, { mod, kind: kind === "type" ? "type" : "value" });
      parts.push({ dest: `@/lib/${d}${dest === "index" ? "" : "/client"}`, s, isType });
    }
    (edits[f] ??= []).push({ imp: i, parts });
  }
}
if (!WRITE) {
  for (const [d, v] of Object.entries(surface))
    console.log(
      `lib/${d}: index ${[...v.index.keys()].join(", ") || "-"}; client ${[...v.client.keys()].join(", ") || "-"}`,
    );
}
// write barrels: append the names a barrel does not export yet
function exportedNames(file) {
  if (!fs.existsSync(file)) return null;
  const sf = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const names = new Set();
  for (const st of sf.statements)
    if (ts.isExportDeclaration(st) && st.exportClause && ts.isNamedExports(st.exportClause))
      for (const e of st.exportClause.elements) names.add(e.name.text);
  return names;
}
function lines(map, have) {
  const byMod = {};
  for (const [n, x] of map) if (!have.has(n)) (byMod[x.mod] ??= { value: [], type: [] })[x.kind].push(n);
  let s = "";
  for (const m of Object.keys(byMod).sort()) {
    const { value, type } = byMod[m];
    if (value.length) s += `export { ${value.sort().join(", ")} } from "./${m}";\n`;
    if (type.length) s += `export type { ${type.sort().join(", ")} } from "./${m}";\n`;
  }
  return s;
}
const HEADER = {
  index: (d) =>
    `/**\n * lib/${d}'s public surface: what routes, server components, actions and other domains call. Its client-safe part\n * (pure helpers, types) is ./client, which client components import instead.\n */\n`,
  client: (d) =>
    `/**\n * lib/${d}'s client-safe surface: pure helpers and types (no server-only module behind a value), for client components\n * and for any layer.\n */\n`,
};
if (WRITE) {
  for (const [d, v] of Object.entries(surface)) {
    const dir = path.join(root, "lib", d);
    if (v.client.size) {
      const file = path.join(dir, "client.ts");
      const have = exportedNames(file);
      fs.writeFileSync(
        file,
        (have ? fs.readFileSync(file, "utf8") : HEADER.client(d)) + lines(v.client, have ?? new Set()),
      );
    }
    const file = path.join(dir, "index.ts");
    const have = exportedNames(file);
    let text = have ? fs.readFileSync(file, "utf8") : HEADER.index(d);
    const reexportsClient = /export \* from "\.\/client";/.test(text);
    text = text.replace(/export \* from "\.\/client";\n/, "") + lines(v.index, have ?? new Set());
    if (reexportsClient || v.client.size || fs.existsSync(path.join(dir, "client.ts")))
      text += `export * from "./client";\n`;
    fs.writeFileSync(file, text);
  }
}
console.log(problems.join("\n"));
if (!WRITE) process.exit(0);
// rewrite imports
for (const [f, list] of Object.entries(edits)) {
  const I = info[f];
  let text = I.text;
  // group by destination, including existing imports from the destination
  const groups = {};
  const replaced = [];
  for (const { imp, parts } of list) {
    replaced.push(imp.node);
    for (const p of parts) (groups[p.dest] ??= []).push(p);
  }
  for (const imp of I.imps)
    if (imp.specs?.length && !imp.other && groups[imp.spec]) {
      replaced.push(imp.node);
      for (const s of imp.specs) groups[imp.spec].push({ dest: imp.spec, s, isType: s.type });
    }
  const stmt = (dest, ps) => {
    const seen = new Set();
    ps = ps.filter((p) => {
      const k = p.s.name + ">" + p.s.local;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
    const allType = ps.every((p) => p.isType);
    const names = ps.map(
      (p) => `${!allType && p.isType ? "type " : ""}${p.s.name}${p.s.local !== p.s.name ? " as " + p.s.local : ""}`,
    );
    return `import ${allType ? "type " : ""}{ ${names.join(", ")} } from "${dest}";`;
  };
  // replace: first replaced node position gets all groups in order; others removed
  const nodes = [...new Set(replaced)].sort((a, b) => a.getStart() - b.getStart());
  const byFirst = new Map();
  for (const [dest, ps] of Object.entries(groups)) {
    byFirst.set(dest, ps);
  }
  let firstNode = nodes[0];
  let result = "";
  let pos = 0;
  for (const n of nodes) {
    result += text.slice(pos, n.getStart());
    if (n === firstNode) result += [...byFirst].map(([d, ps]) => stmt(d, ps)).join("\n");
    pos = n.getEnd();
    if (n !== firstNode && text[pos] === "\n") pos++;
  }
  result += text.slice(pos);
  fs.writeFileSync(path.join(root, f), result);
}
console.log("rewrote imports in", Object.keys(edits).length, "files; now run prettier --write on them and the lint");
