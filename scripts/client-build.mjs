// Decides whether the built client in dist/ is older than its sources, and builds it when it is.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("../", import.meta.url));
const clientSources = ["src/app", "src/core", "src/solver", "src/io", "data/codelists", "index.html", "vite.config.ts", "package-lock.json"];

/** The newest modification time (ms) of a file, or of any file under a folder; 0 when missing. */
export function newestMtimeMs(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(target).reduce((newest, entry) => Math.max(newest, newestMtimeMs(path.join(target, entry))), 0);
}

export function clientIsStale() {
  const built = path.join(repoRoot, "dist", "index.html");
  if (!existsSync(built)) return true;
  const sourcesMtime = Math.max(...clientSources.map((source) => newestMtimeMs(path.join(repoRoot, source))));
  return sourcesMtime > statSync(built).mtimeMs;
}

/** Runs `vite build` when dist/ is missing or stale; throws if the build fails. */
export function buildClientIfNeeded({ log = console.log } = {}) {
  if (!clientIsStale()) return false;
  log("Building the Massekart client (vite build)…");
  const vite = path.join(repoRoot, "node_modules", "vite", "bin", "vite.js");
  // NODE_ENV pinned: under vitest it is "test", and Vite then bundles React's development build
  // (StrictMode's double effects: every request at start sent twice, and a slower app).
  const result = spawnSync(process.execPath, [vite, "build", "--logLevel", "warn"], {
    cwd: repoRoot,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production" },
  });
  if (result.status !== 0) throw new Error("the client build failed (see above); run `npm run build` to see why.");
  return true;
}
