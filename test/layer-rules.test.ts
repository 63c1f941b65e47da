/**
 * The layer rules of eslint.config.js and tsconfig*.json still bite: each probe in
 * test/lint-probes breaks one rule, and must fail with that rule where its directive puts it, and
 * pass where its `allowed-at` line says the same code is fine (see test/lint-probes/README.md).
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const repoRoot = fileURLToPath(new URL("../", import.meta.url));
const probesDir = path.join(repoRoot, "test/lint-probes");

interface Probe {
  file: string;
  code: string;
  lint: { at: string; rule: string }[];
  tsc: { config: string; code: string }[];
  allowedAt: string[];
}

function readProbes(): Probe[] {
  return readdirSync(probesDir)
    .filter((name) => name.endsWith(".ts"))
    .sort()
    .map((name) => {
      const code = readFileSync(path.join(probesDir, name), "utf8");
      const directives = (key: string) => [...code.matchAll(new RegExp(`^// ${key}: (.+)$`, "gm"))].map((match) => (match[1] as string).trim().split(/\s+/));
      return {
        file: name,
        code,
        lint: directives("lint-probe").map(([at, rule]) => ({ at: at as string, rule: rule as string })),
        tsc: directives("tsc-probe").map(([config, errorCode]) => ({ config: config as string, code: errorCode as string })),
        allowedAt: directives("allowed-at").flat(),
      };
    });
}

const probes = readProbes();
const eslint = new ESLint({ cwd: repoRoot });

async function lintAs(probe: Probe, at: string) {
  const [result] = await eslint.lintText(probe.code, { filePath: path.join(repoRoot, at) });
  return result?.messages ?? [];
}

// One program per tsconfig holds every probe (each is a module, so they cannot see one another),
// and the parsed library files (lib.dom.d.ts, @types/node) are shared between the programs.
const parsedLibraries = new Map<string, ts.SourceFile>();
const diagnosticsByConfig = new Map<string, Map<string, string[]>>();

function programDiagnostics(config: string): Map<string, string[]> {
  const known = diagnosticsByConfig.get(config);
  if (known) return known;
  const parsed = ts.getParsedCommandLineOfConfigFile(path.join(repoRoot, config), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  if (!parsed) throw new Error(`${config} cannot be read`);
  const options = { ...parsed.options, noEmit: true };
  const host = ts.createCompilerHost(options);
  const readSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    if (!fileName.includes("/node_modules/")) return readSourceFile(fileName, languageVersion, onError, shouldCreate);
    const key = `${fileName} ${JSON.stringify(languageVersion)}`;
    const file = parsedLibraries.get(key) ?? readSourceFile(fileName, languageVersion, onError, shouldCreate);
    if (file) parsedLibraries.set(key, file);
    return file;
  };
  const program = ts.createProgram(probes.map((p) => path.join(probesDir, p.file)), options, host);
  const byFile = new Map<string, string[]>();
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const file = d.file ? path.basename(d.file.fileName) : "(options)";
    byFile.set(file, [...(byFile.get(file) ?? []), `TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`]);
  }
  diagnosticsByConfig.set(config, byFile);
  return byFile;
}

/** TypeScript's diagnostics for the probe under a tsconfig's compiler options (its types resolve from the repo). */
function typeCheck(probe: Probe, config: string): string[] {
  const diagnostics = programDiagnostics(config);
  return [...(diagnostics.get("(options)") ?? []), ...(diagnostics.get(probe.file) ?? [])];
}

describe("layer rules", () => {
  it("has a probe for each layer rule", () => {
    const rules = probes.flatMap((p) => p.lint.map((l) => `${l.at.split("/")[1]} ${l.rule}`));
    for (const expected of [
      "core no-restricted-globals",
      "core no-restricted-syntax",
      "core no-restricted-imports",
      "app no-restricted-globals",
      "app no-restricted-syntax",
      "app no-restricted-imports",
      "server no-restricted-globals",
      "cli no-restricted-globals",
      "io no-restricted-globals",
      "solver no-restricted-globals",
    ]) {
      expect(rules).toContain(expected);
    }
    expect(probes.flatMap((p) => p.tsc.map((t) => t.config))).toEqual(expect.arrayContaining(["tsconfig.core.json", "tsconfig.app.json", "tsconfig.node.json"]));
  });

  describe.each(probes.map((p) => [p.file, p] as const))("%s", (_name, probe) => {
    it.each(probe.lint.map((l) => [l.at, l.rule] as const))("fails lint at %s with %s", async (at, rule) => {
      const messages = await lintAs(probe, at);
      expect(messages.map((m) => m.ruleId)).toContain(rule);
    });

    it.each(probe.tsc.map((t) => [t.config, t.code] as const))("fails the type check of %s with %s", (config, code) => {
      expect(typeCheck(probe, config).join("\n")).toContain(`${code} `);
    });

    it.each(probe.allowedAt.map((where) => [where] as const))("passes at %s", async (where) => {
      if (where.endsWith(".json")) expect(typeCheck(probe, where)).toEqual([]);
      else expect((await lintAs(probe, where)).map((m) => `${m.ruleId}: ${m.message}`)).toEqual([]);
    });
  });
});
