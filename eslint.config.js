// Lint, with the layer boundaries of STYLE.md enforced per folder so they hold without anyone
// remembering them: core ← solver ← server/app/cli, core ← io ← server/app/cli; app ⟂ server.
// Each layer also sees only the globals of where it runs (see "Globals per layer" below), and
// test/lint-probes/ holds one file per rule that breaks it: test/layer-rules.test.ts checks each
// still fails.
import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import { builtinModules } from "node:module";
import tseslint from "typescript-eslint";

// Node's modules by bare name ("fs", "fs/promises"), matched exactly: as patterns, "domain" or
// "module" would also catch "../domain/records".
const nodeBuiltins = builtinModules.filter((name) => !name.startsWith("_"));
const restrict = (groups, message, paths = []) => ({ group: groups, message, paths });

const forbidden = {
  react: restrict(["react", "react-dom", "react-dom/*", "@vis.gl/*", "maplibre-gl", "maplibre-gl/*", "zustand", "zustand/*"], "UI libraries belong in src/app."),
  node: restrict(["node:*"], "Node I/O belongs in src/io's read-* files, src/server or src/cli.", nodeBuiltins),
  db: restrict(["pg", "@electric-sql/*", "**/server/**", "**/server"], "The database and server belong in src/server."),
  solver: restrict(["highs", "**/solver/**", "**/solver"], "Only src/solver imports the LP solver."),
  app: restrict(["**/app/**", "**/app"], "src/app is the UI; nothing else imports it."),
  io: restrict(["**/io/**", "**/io"], "src/io may not be imported here."),
  cli: restrict(["**/cli/**", "**/cli"], "The CLI is an entry point; nothing imports it."),
  maplibre: restrict(["maplibre-gl", "maplibre-gl/*", "@vis.gl/*"], "Only src/app/map imports MapLibre."),
  nodeEntries: restrict(["**/io/**/read-*", "**/solver/node-*", "**/solver/solve-in-worker"], "These files run on Node only (file reads, worker threads); the browser cannot load them."),
  browserEntries: restrict(["**/solver/browser-*"], "These files run in the browser only (Web Workers)."),
};

// ── Globals per layer ────────────────────────────────────────────────────────────────────────
// src/core runs anywhere (browser, Web Worker, Node) and does no I/O: it sees the pure globals
// every host has, and nothing else (tsconfig.core.json says the same to the type checker).
// src/io and src/solver run in the browser and in Node: each file sees the globals both share,
// except the named entry files that run on one side only (`read-*` file readers and the Node
// worker on Node, `browser-*` in the browser). src/app sees the browser, src/server and src/cli
// see Node.
const names = (set) => Object.keys(set);
const pureHostGlobals = [
  "AbortController", "AbortSignal", "atob", "btoa", "clearInterval", "clearTimeout", "console", "performance",
  "queueMicrotask", "setInterval", "setTimeout", "structuredClone", "TextDecoder", "TextEncoder", "URL", "URLSearchParams",
];
// Browser state that newer Node versions mimic: still never on the server.
const browserState = ["localStorage", "sessionStorage", "Storage", "navigator", "Navigator"];
const sharedGlobals = names(globals["shared-node-browser"]).filter((name) => !browserState.includes(name));
const nodeOnlyGlobals = names(globals.node).filter((name) => !sharedGlobals.includes(name) && !browserState.includes(name));
const browserOnlyGlobals = [...names(globals.browser).filter((name) => !names(globals.node).includes(name)), ...browserState];
const pick = (set, keep) => Object.fromEntries(Object.entries(set).filter(([name]) => keep.includes(name)));

const restrictedGlobals = (list, message) => list.map((name) => ({ name, message: `${name} ${message}` }));
const noNodeGlobals = (where) => restrictedGlobals(nodeOnlyGlobals, `is a Node global; ${where}`);
const noBrowserGlobals = (where) => restrictedGlobals(browserOnlyGlobals, `is a browser global; ${where}`);
const layerGlobals = (files, languageGlobals, forbiddenGlobals) => ({
  files,
  languageOptions: { globals: languageGlobals },
  rules: { "no-restricted-globals": ["error", ...forbiddenGlobals] },
});
const coreWhere = "src/core runs in browsers, workers and Node alike: take what you need as a parameter.";
const sharedWhere = "this file runs in browsers and in Node; put host-specific code in a read-*, node-* or browser-* file.";

// ── Dynamic imports ──────────────────────────────────────────────────────────────────────────
// no-restricted-imports sees only static imports; an `import("node:fs")` would slip past it.
const namedExportsOnly = { selector: "ExportDefaultDeclaration", message: "Named exports only (STYLE.md)." };
// esquery's regular expressions cannot hold a "/": "not followed by a name character" ends a module name.
const builtinPattern = `^(node:|(${nodeBuiltins.filter((name) => !name.includes("/")).join("|")})(?![\\w-]))`;
const noDynamicImport = (pattern, message) => ({ selector: `ImportExpression[source.value=/${pattern}/]`, message });
const noDynamicNode = (where) => noDynamicImport(builtinPattern, `A dynamic import of a Node module: ${where}`);
const noDynamicSolver = noDynamicImport("^highs(?![\\w-])", "A dynamic import of HiGHS: only src/solver loads the LP solver.");
const noDynamicDatabase = noDynamicImport("^(pg(?![\\w-])|@electric-sql)", "A dynamic import of a database driver: the database belongs in src/server.");
const noComputedImport = { selector: "ImportExpression[source.type!='Literal']", message: "src/core imports modules by name only, so lint can see what it loads." };
const syntax = (files, ...selectors) => ({ files, rules: { "no-restricted-syntax": ["error", namedExportsOnly, ...selectors] } });

const boundary = (files, ...groups) => ({
  files,
  rules: {
    "no-restricted-imports": [
      "error",
      {
        patterns: groups.map(({ group, message }) => ({ group, message })),
        paths: groups.flatMap(({ paths, message }) => paths.map((name) => ({ name, message }))),
      },
    ],
  },
});

const nodeEntryFiles = ["src/io/**/read-*.ts", "src/solver/node-*.{ts,mjs}", "src/solver/solve-in-worker.ts"];
const browserEntryFiles = ["src/solver/browser-*.ts"];

export default tseslint.config(
  // test/lint-probes break the rules on purpose; test/layer-rules.test.ts lints them as layer files.
  { ignores: ["dist/**", "build/**", "node_modules/**", "coverage/**", ".massekart/**", "bench/results/**", "test/lint-probes/**", "tmp-*", "vitest.tmp.config.ts"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Tests, benches, scripts and config files run on Node; the component tests also in jsdom.
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-restricted-syntax": ["error", namedExportsOnly],
    },
  },
  {
    files: ["src/app/**/*.{ts,tsx}", "test/app/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  layerGlobals(["src/core/**"], pick(globals["shared-node-browser"], pureHostGlobals), [
    ...restrictedGlobals([...nodeOnlyGlobals, ...browserOnlyGlobals, ...sharedGlobals.filter((name) => !pureHostGlobals.includes(name))], `is a host global; ${coreWhere}`),
  ]),
  layerGlobals(["src/io/**", "src/solver/**"], pick(globals["shared-node-browser"], sharedGlobals), [...noNodeGlobals(sharedWhere), ...noBrowserGlobals(sharedWhere)]),
  layerGlobals(nodeEntryFiles, globals.node, noBrowserGlobals("this file runs on Node only.")),
  layerGlobals(browserEntryFiles, { ...globals.browser, ...globals.worker }, noNodeGlobals("this file runs in the browser only.")),
  layerGlobals(["src/app/**"], globals.browser, noNodeGlobals("src/app runs in the browser: ask the server for it over the API.")),
  layerGlobals(["src/server/**", "src/cli/**"], globals.node, noBrowserGlobals("src/server and src/cli run on Node.")),
  syntax(["src/core/**"], noDynamicNode(coreWhere), noDynamicSolver, noDynamicDatabase, noComputedImport),
  syntax(["src/io/**"], noDynamicNode(sharedWhere), noDynamicSolver, noDynamicDatabase),
  syntax(["src/solver/**"], noDynamicNode(sharedWhere), noDynamicDatabase),
  syntax(nodeEntryFiles, noDynamicDatabase),
  syntax(["src/app/**"], noDynamicNode("src/app runs in the browser."), noDynamicDatabase),
  boundary(["src/core/**"], forbidden.react, forbidden.node, forbidden.db, forbidden.solver, forbidden.app, forbidden.io, forbidden.cli),
  boundary(["src/solver/**"], forbidden.react, forbidden.node, forbidden.db, forbidden.app, forbidden.io, forbidden.cli),
  boundary(["src/io/**"], forbidden.react, forbidden.node, forbidden.db, forbidden.solver, forbidden.app, forbidden.cli),
  boundary(["src/io/**/read-*.ts"], forbidden.react, forbidden.db, forbidden.solver, forbidden.app, forbidden.cli),
  boundary(["src/solver/node-*.{ts,mjs}", "src/solver/solve-in-worker.ts"], forbidden.react, forbidden.db, forbidden.app, forbidden.io, forbidden.cli, forbidden.browserEntries),
  boundary(["src/server/**"], forbidden.react, forbidden.app, forbidden.cli, forbidden.browserEntries),
  boundary(["src/app/**"], forbidden.node, forbidden.db, forbidden.cli, forbidden.nodeEntries),
  boundary(["src/app/!(map)/**", "src/app/*.{ts,tsx}"], forbidden.node, forbidden.db, forbidden.cli, forbidden.maplibre, forbidden.nodeEntries),
  boundary(["src/cli/**"], forbidden.react, forbidden.app, forbidden.browserEntries),
  {
    // Config files and the global test setup are default-exported by their tools' convention.
    files: ["*.config.{js,ts}", "test/setup/global-setup.ts", "test/setup/unit-setup.ts"],
    rules: { "no-restricted-syntax": "off" },
  },
);
