// The compiled Node runtime: the server, the `massekart` command and the solver's worker thread,
// each bundled ahead of time by esbuild from our TypeScript into one ES module in build/, so that
// `npm start` and `massekart` run plain JavaScript instead of compiling TypeScript at every start.
// npm packages stay imports, resolved from node_modules as before (PGlite and HiGHS load their
// WebAssembly next to their own files). Like the client (client-build.mjs), the bundles are built
// when missing or older than a source, so `npm ci && npm start` and a `git pull` need no build step.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { newestMtimeMs, repoRoot } from "./client-build.mjs";

export const runtimeDir = path.join(repoRoot, "build");

/** The bundles: name in build/ → TypeScript entry. */
const entries = {
  server: "src/server/main.ts",
  cli: "src/cli/main.ts",
  "solver-worker": "src/solver/node-worker.ts",
};

/**
 * Source files that are loaded by URL at run time and have a compiled twin: in a bundle, a
 * `new URL("…", import.meta.url)` naming one of them names the twin instead. The worker thread
 * starts from node-worker-boot.mjs under tsx (tests, `npm run dev`) and from the bundle here.
 */
const compiledTwins = { "src/solver/node-worker-boot.mjs": "solver-worker.mjs" };

const sources = ["src/server", "src/cli", "src/core", "src/io", "src/solver", "package.json", "package-lock.json", "scripts/runtime-build.mjs"];

/** The file URL of a bundle, for `import()` or `node`. */
export const runtimeEntry = (name) => pathToFileURL(path.join(runtimeDir, `${name}.mjs`));

export function runtimeIsStale() {
  const built = Object.keys(entries).map((name) => path.join(runtimeDir, `${name}.mjs`));
  if (!built.every((file) => existsSync(file))) return true;
  const oldestBuilt = Math.min(...built.map((file) => statSync(file).mtimeMs));
  return Math.max(...sources.map((source) => newestMtimeMs(path.join(repoRoot, source)))) > oldestBuilt;
}

/**
 * esbuild plugin: a bundle holds modules from several folders, so each module's
 * `new URL("relative", import.meta.url)` (migrations, data files, package.json) is rewritten to
 * the same target relative to build/. Any other use of import.meta would silently point at the
 * bundle, so it stops the build.
 */
const sourceRelativeUrls = {
  name: "source-relative-urls",
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/].*\.(ts|tsx|mjs)$/ }, (args) => {
      const text = readFileSync(args.path, "utf8");
      const rewritten = text.replace(/new URL\(\s*(["'])([^"'`]+)\1\s*,\s*import\.meta\.url\s*\)/g, (_match, _quote, relative) => {
        const target = path.resolve(path.dirname(args.path), relative);
        const twin = compiledTwins[path.relative(repoRoot, target).split(path.sep).join("/")];
        const fromBundle = twin ?? path.relative(runtimeDir, target).split(path.sep).join("/") + (relative.endsWith("/") ? "/" : "");
        return `new URL(${JSON.stringify(fromBundle.startsWith(".") ? fromBundle : `./${fromBundle}`)}, import.meta.url)`;
      });
      const stray = rewritten.split("\n").findIndex((line) => line.includes("import.meta") && !/new URL\("[^"]+", import\.meta\.url\)/.test(line));
      if (stray >= 0) {
        return { errors: [{ text: `import.meta is only supported as new URL("relative path", import.meta.url) in the compiled runtime`, location: { file: args.path, line: stray + 1 } }] };
      }
      return { contents: rewritten, loader: path.extname(args.path).slice(1) === "mjs" ? "js" : path.extname(args.path).slice(1) };
    });
  },
};

/**
 * Bundles every entry into a fresh folder, then moves each file into build/ (a rename is atomic,
 * so a running `massekart` never reads half a file): the shared chunks first (content-hashed
 * names, so new ones never replace old ones), then the entries that import them, then the chunks
 * no entry imports any more are removed.
 */
export async function buildRuntime() {
  const { build } = await import("esbuild");
  mkdirSync(runtimeDir, { recursive: true });
  const staging = mkdtempSync(path.join(runtimeDir, ".staging-"));
  try {
    await build({
      entryPoints: Object.fromEntries(Object.entries(entries).map(([name, source]) => [name, path.join(repoRoot, source)])),
      outdir: staging,
      outExtension: { ".js": ".mjs" },
      bundle: true,
      // Code shared by the server, the CLI and the worker, and each CLI command (loaded when it
      // runs), go in chunks beside the entries (the same folder, so the rewritten relative URLs
      // hold for every file), so a process loads only what it uses.
      splitting: true,
      chunkNames: "chunk-[hash]",
      platform: "node",
      format: "esm",
      target: "node20",
      packages: "external",
      plugins: [sourceRelativeUrls],
      logLevel: "warning",
      // Our code as written (names and all) so a stack trace reads like the source.
      minify: false,
      legalComments: "none",
    });
    const isChunk = (file) => file.startsWith("chunk-") && file.endsWith(".mjs");
    const chunks = readdirSync(staging).filter(isChunk);
    for (const chunk of chunks) renameSync(path.join(staging, chunk), path.join(runtimeDir, chunk));
    for (const name of Object.keys(entries)) renameSync(path.join(staging, `${name}.mjs`), path.join(runtimeDir, `${name}.mjs`));
    for (const old of readdirSync(runtimeDir).filter(isChunk)) if (!chunks.includes(old)) rmSync(path.join(runtimeDir, old), { force: true });
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** Builds the runtime when build/ is missing or stale; returns whether it built. */
export async function buildRuntimeIfNeeded({ log = console.log } = {}) {
  if (!runtimeIsStale()) return false;
  log("Building the Massekart server and command line (esbuild)…");
  try {
    await buildRuntime();
  } catch (error) {
    throw new Error(`the server and command-line build failed: ${error.message.split("\n")[0]}; run \`npm run build:runtime\` to see why.`);
  }
  return true;
}

// `npm run build:runtime`: always builds, and shows esbuild's messages in full.
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const started = performance.now();
  await buildRuntime();
  console.log(`Built ${Object.keys(entries).map((name) => `build/${name}.mjs`).join(", ")} in ${Math.round(performance.now() - started)} ms.`);
}
