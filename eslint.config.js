// Lint, with the layer boundaries of STYLE.md enforced per folder so they hold without anyone
// remembering them: core ← solver ← server/app/cli, core ← io ← server/app/cli; app ⟂ server.
import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

const nodeBuiltins = ["node:*", "fs", "path", "os", "child_process", "crypto", "http", "https", "net", "url", "worker_threads", "stream"];
const restrict = (groups, message) => ({ group: groups, message });

const forbidden = {
  react: restrict(["react", "react-dom", "react-dom/*", "@vis.gl/*", "maplibre-gl", "maplibre-gl/*", "zustand", "zustand/*"], "UI libraries belong in src/app."),
  node: restrict(nodeBuiltins, "Node I/O belongs in src/io, src/server or src/cli."),
  db: restrict(["pg", "@electric-sql/*", "**/server/**", "**/server"], "The database and server belong in src/server."),
  solver: restrict(["highs", "**/solver/**", "**/solver"], "Only src/solver imports the LP solver."),
  app: restrict(["**/app/**", "**/app"], "src/app is the UI; nothing else imports it."),
  io: restrict(["**/io/**", "**/io"], "src/io may not be imported here."),
  cli: restrict(["**/cli/**", "**/cli"], "The CLI is an entry point; nothing imports it."),
  maplibre: restrict(["maplibre-gl", "maplibre-gl/*", "@vis.gl/*"], "Only src/app/map imports MapLibre."),
};

const boundary = (files, ...groups) => ({
  files,
  rules: { "no-restricted-imports": ["error", { patterns: groups }] },
});

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "coverage/**", ".massekart/**", "bench/results/**", "tmp-*", "vitest.tmp.config.ts"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-restricted-syntax": ["error", { selector: "ExportDefaultDeclaration", message: "Named exports only (STYLE.md)." }],
    },
  },
  {
    files: ["src/app/**/*.{ts,tsx}", "test/app/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  boundary(["src/core/**"], forbidden.react, forbidden.node, forbidden.db, forbidden.solver, forbidden.app, forbidden.io, forbidden.cli),
  boundary(["src/solver/**"], forbidden.react, forbidden.db, forbidden.app, forbidden.io, forbidden.cli),
  boundary(["src/io/**"], forbidden.react, forbidden.db, forbidden.solver, forbidden.app, forbidden.cli),
  boundary(["src/server/**"], forbidden.react, forbidden.app, forbidden.cli),
  boundary(["src/app/**"], forbidden.node, forbidden.db, forbidden.cli),
  boundary(["src/app/!(map)/**", "src/app/*.{ts,tsx}"], forbidden.node, forbidden.db, forbidden.cli, forbidden.maplibre),
  boundary(["src/cli/**"], forbidden.react, forbidden.app),
  {
    // Config files and the global test setup are default-exported by their tools' convention.
    files: ["*.config.{js,ts}", "test/setup/global-setup.ts"],
    rules: { "no-restricted-syntax": "off" },
  },
);
