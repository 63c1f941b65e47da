// `npm run typecheck`: tsc --noEmit with every tsconfig*.json of the repo, one after the other.
// tsconfig.json sees the whole repo; tsconfig.core.json, tsconfig.app.json and tsconfig.node.json
// see one layer each with only the globals of where it runs (a new layer config is picked up here).
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import { repoRoot } from "./client-build.mjs";

const configs = readdirSync(repoRoot).filter((name) => /^tsconfig(\..+)?\.json$/.test(name)).sort();
const tsc = path.join(repoRoot, "node_modules/typescript/bin/tsc");
let failed = false;
for (const config of configs) {
  const started = performance.now();
  const run = spawnSync(process.execPath, [tsc, "--noEmit", "-p", config], { cwd: repoRoot, stdio: "inherit" });
  console.log(`${config}: ${run.status === 0 ? "ok" : "errors"} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  failed ||= run.status !== 0;
}
process.exit(failed ? 1 : 0);
