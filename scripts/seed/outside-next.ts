/**
 * The seed runs in plain Node (tsx), outside Next: there `server-only` (the guard that keeps server modules out of
 * client bundles) resolves as in Next's server build, under the `react-server` condition, to its empty module (the
 * vitest config aliases it likewise). So the seed can call a domain's plain modules that reach a server module through
 * another domain's index. Register before importing those modules (dynamically: static imports resolve first).
 */
import { register } from "node:module";

let registered = false;

export function allowServerModules() {
  if (registered) return;
  registered = true;
  const hook = `export async function resolve(specifier, context, next) {
    if (specifier !== "server-only") return next(specifier, context);
    return next(specifier, { ...context, conditions: [...context.conditions, "react-server"] });
  }`;
  register(`data:text/javascript,${encodeURIComponent(hook)}`);
}
