import { readFileSync, writeFileSync } from "node:fs";
import { parseInstance, type Instance } from "../../core/matching/instance";
import type { Kpis, MatchResult } from "../../core/matching/result";
import { solveInstance } from "../../core/matching/solve";
import { createHighsSolver } from "../../solver/highs-solver";
import { readOptions, readSolveTimeout } from "../options";

const usage = `Usage: massekart solve INSTANCE.json [--out RESULT.json] [--objective cost|co2]

Solves one matching instance (format: \`massekart schema instance\`), prints the KPIs beside the
baseline and writes the result JSON to --out (default INSTANCE.result.json; "-" for stdout).
Exit codes: 0 a result (also when some lots stay unplaced: the status is still "optimal" and they
are listed with reasons), 1 invalid input, 2 solver failure (also when MASSEKART_SOLVE_TIMEOUT_S, if
set, passes before a plan is found).`;

interface Options {
  instancePath: string;
  outPath: string;
  objective: "cost" | "co2" | undefined;
  timeLimitSeconds: number | undefined;
}

function parseArgs(args: string[], env: NodeJS.ProcessEnv): { ok: true; options: Options } | { ok: false; message: string } {
  const read = readOptions(args, ["out", "objective"], { positionals: true });
  if (!read.ok) return { ok: false, message: read.problem };
  const { out, objective } = read.values;
  if (objective !== undefined && objective !== "cost" && objective !== "co2") {
    return { ok: false, message: `--objective must be cost or co2, got ${JSON.stringify(objective)}` };
  }
  // Unlike the server, the command line has no default limit: a person waiting at a terminal can stop it.
  const timeout = readSolveTimeout(env, undefined);
  if (!timeout.ok) return { ok: false, message: timeout.problem };
  const [instancePath, ...extra] = read.positionals;
  if (!instancePath) return { ok: false, message: "name the instance file" };
  if (extra.length > 0) return { ok: false, message: `one instance file only; got also ${extra.join(" ")}` };
  return { ok: true, options: { instancePath, outPath: out ?? defaultOutPath(instancePath), objective, timeLimitSeconds: timeout.seconds } };
}

export const defaultOutPath = (instancePath: string) => `${instancePath.replace(/\.json$/i, "")}.result.json`;

/** Reads and validates an instance file; on a problem prints it (each bad field by JSON path) and gives undefined. */
export function readInstanceFile(instancePath: string, command: string, patch?: (raw: unknown) => void): Instance | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(instancePath, "utf8"));
  } catch (error) {
    const reason = error instanceof SyntaxError ? `is not valid JSON (${error.message})` : `cannot be read (${(error as Error).message})`;
    console.error(`massekart ${command}: ${instancePath} ${reason}`);
    return undefined;
  }
  patch?.(raw);
  const parsed = parseInstance(raw);
  if (!parsed.ok) {
    console.error(`massekart ${command}: ${instancePath} is not a valid instance:`);
    for (const field of parsed.fields) console.error(`  ${field.path ? `${field.path}: ` : ""}${field.message}`);
    return undefined;
  }
  return parsed.instance;
}

/**
 * Writes the result JSON to `outPath` ("-": stdout) and gives the printer for the human-readable
 * part: stdout, or stderr when the JSON is on stdout, so the JSON stays pipeable.
 */
export function writeResult(result: unknown, outPath: string): (line: string) => void {
  const json = `${JSON.stringify(result, null, 2)}\n`;
  if (outPath === "-") process.stdout.write(json);
  else writeFileSync(outPath, json);
  return outPath === "-" ? (line: string) => console.error(line) : (line: string) => console.log(line);
}

/** `massekart solve`: exit 0 on a result, 1 on invalid input (naming each field), 2 on solver failure. */
export const solveCommand = {
  summary: "solve a matching instance, print KPIs, write the result JSON",
  async run(args: string[]): Promise<number> {
    if (args.includes("--help") || args.includes("-h")) {
      console.log(usage);
      return 0;
    }
    const parsedArgs = parseArgs(args, process.env);
    if (!parsedArgs.ok) {
      console.error(`massekart solve: ${parsedArgs.message}\n\n${usage}`);
      return 1;
    }
    const { instancePath, outPath, objective, timeLimitSeconds } = parsedArgs.options;
    // HiGHS compiles while the instance is read and checked.
    const solver = createHighsSolver();
    void solver.preload();
    const instance = readInstanceFile(instancePath, "solve");
    if (!instance) return 1;

    const result = await solveInstance(instance, solver, {
      ...(objective ? { objective } : {}),
      ...(timeLimitSeconds === undefined ? {} : { timeLimitSeconds }),
    });
    const print = writeResult(result, outPath);

    if (result.status === "error") {
      console.error(`massekart solve: the solver failed: ${result.message}`);
      return 2;
    }
    for (const line of report(result)) print(line);
    if (outPath !== "-") print(`Result written to ${outPath}`);
    return 0;
  },
};

type Solved = Extract<MatchResult, { status: "optimal" | "infeasible" }>;

const number = (value: number, digits = 0) => value.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
const percent = (value: number) => `${number(value * 100, 1)} %`;

/** The status line, the KPI table (plan, baseline, saving), then unplaced lots and warnings. */
export function report(result: Solved): string[] {
  const unplacedTonnes = result.kpis.tonnesUnplacedSurplus + result.kpis.tonnesUnplacedDemand;
  return [
    `Status: ${result.status}${unplacedTonnes > 0 ? ` (${number(unplacedTonnes)} t cannot be placed; see "Unplaced" below)` : ""}` +
      ` · objective (${result.objectiveKind}) ${number(result.objective)}` +
      ` · ${number(result.stats.variables)} variables, ${number(result.stats.constraints)} constraints, ${number(result.stats.totalSeconds, 2)} s`,
    "",
    ...planLines(result),
  ];
}

/** The KPI table beside the baseline, peak storage, unplaced lots with reasons, warnings. */
export function planLines(result: Pick<Solved, "kpis" | "baseline" | "unplaced" | "warnings">): string[] {
  const rows: [string, (k: Kpis) => number, (v: number) => string][] = [
    ["reuse rate", (k) => k.reuseRate, percent],
    ["tonnes reused", (k) => k.tonnesReused, (v) => number(v)],
    ["tonnes to landfill", (k) => k.tonnesToLandfill, (v) => number(v)],
    ["tonnes virgin", (k) => k.tonnesVirgin, (v) => number(v)],
    ["tonnes unplaced", (k) => k.tonnesUnplacedSurplus + k.tonnesUnplacedDemand, (v) => number(v)],
    ["tonne-km", (k) => k.tonneKm, (v) => number(v)],
    ["truck trips", (k) => k.truckTrips, (v) => number(v)],
    ["vehicle-km", (k) => k.vehicleKm, (v) => number(v)],
    ["t CO2e (transport + virgin)", (k) => k.kgCO2e / 1000, (v) => number(v, 1)],
    ["t CO2 transport (tailpipe)", (k) => k.kgCO2Transport / 1000, (v) => number(v, 1)],
    ["cost NOK", (k) => k.cost, (v) => number(v)],
  ];
  const table = [["KPI", "plan", "baseline", "saving"]];
  for (const [label, get, format] of rows) {
    const plan = get(result.kpis);
    const base = get(result.baseline.kpis);
    const saving = label === "reuse rate" || label === "tonnes reused" ? "" : format(base - plan);
    table.push([label, format(plan), format(base), saving]);
  }
  const out = alignedTable(table);
  const peaks = Object.entries(result.kpis.peakInventoryTonnes).filter(([, tonnes]) => tonnes > 0);
  if (peaks.length > 0) out.push("", `Peak storage (t): ${peaks.map(([id, tonnes]) => `${id} ${number(tonnes)}`).join(", ")}`);
  if (result.unplaced.length > 0) {
    out.push("", "Unplaced:");
    for (const u of result.unplaced) out.push(`  ${u.lotId} (${u.direction}, ${number(u.tonnes)} t): ${u.reason}`);
  }
  for (const warning of result.warnings) out.push("", `Warning: ${warning}`);
  return out;
}

/** A text table: the first column left-aligned, the rest right-aligned, a rule under the header. */
export function alignedTable(table: string[][]): string[] {
  const widths = (table[0] as string[]).map((_, c) => Math.max(...table.map((row) => (row[c] ?? "").length)));
  const lines = table.map((row) => row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c] as number) : cell.padStart(widths[c] as number))).join("  "));
  lines.splice(1, 0, widths.map((w) => "-".repeat(w)).join("  "));
  return lines;
}
