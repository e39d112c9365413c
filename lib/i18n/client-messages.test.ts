import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CLIENT_NAMESPACES, type ClientMessageArea, pickMessages } from "./client-messages";
import { clientNamespaces, routeFiles } from "./client-namespaces.walk";
import { loadMessages } from "./messages";

const root = path.resolve(__dirname, "../..");
const wallet = path.join(root, "app/(wallet)");

/** Each area's route files: its folder under app/(wallet) (buy and trade under artworks/[slug]). */
function areaFiles(area: ClientMessageArea): string[] {
  if (area === "wallet") return [path.join(wallet, "layout.tsx")];
  const dir = area === "buy" || area === "trade" ? path.join(wallet, "artworks/[slug]", area) : path.join(wallet, area);
  return routeFiles(dir, true);
}

describe("per-namespace client messages", () => {
  it.each(Object.keys(CLIENT_NAMESPACES) as ClientMessageArea[])(
    "the %s area gives its client components exactly the namespaces they read",
    (area) => {
      const files = areaFiles(area);
      expect(files.length).toBeGreaterThan(0);
      const { namespaces, unknown } = clientNamespaces(root, files);
      // A client component reading a namespace by variable or from the root names them: `i18n-namespaces: a, b`.
      expect(unknown).toEqual([]);
      expect([...CLIENT_NAMESPACES[area]].sort()).toEqual([...namespaces].sort());
    },
  );

  it("every wallet route folder is an area with its own provider (a layout rendering ClientMessages)", () => {
    const areas = new Set<string>(Object.keys(CLIENT_NAMESPACES));
    for (const name of readdirSync(wallet)) {
      if (!statSync(path.join(wallet, name)).isDirectory()) continue;
      if (name === "artworks") {
        for (const sub of readdirSync(path.join(wallet, "artworks/[slug]"))) {
          expect(areas.has(sub), `app/(wallet)/artworks/[slug]/${sub}`).toBe(true);
          expect(existsSync(path.join(wallet, "artworks/[slug]", sub, "layout.tsx"))).toBe(true);
        }
        continue;
      }
      expect(areas.has(name), `app/(wallet)/${name} has no entry in CLIENT_NAMESPACES`).toBe(true);
      expect(existsSync(path.join(wallet, name, "layout.tsx")), `app/(wallet)/${name}/layout.tsx`).toBe(true);
    }
  });

  it("every listed namespace exists, and an area carries far less than the whole catalogue", async () => {
    const messages = await loadMessages("en");
    for (const list of Object.values(CLIENT_NAMESPACES)) for (const ns of list) expect(messages).toHaveProperty(ns);
    const whole = JSON.stringify(messages).length;
    const trade = JSON.stringify(pickMessages(messages, CLIENT_NAMESPACES.trade)).length;
    expect(trade).toBeLessThan(whole / 3);
  });
});
