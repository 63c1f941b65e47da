import { recommendSites } from "../../core/allocation/recommend";
import type { RecommendResult } from "../../core/allocation/result";
import { createHighsSolver } from "../../solver/highs-solver";
import { readOptions, readSolveTimeout } from "../options";
import { alignedTable, defaultOutPath, planLines, readInstanceFile, writeResult } from "./solve";

const usage = `Usage: massekart recommend INSTANCE.json [--out RESULT.json] [--max-sites K] [--objective cost|co2] [--curve]

Recommends which candidate storage sites to allocate (sites with "candidate": true and a
"fixedCostNok"; see \`massekart schema instance\`), proven optimal within a relative gap of 1e-4:
prints the recommended sites with what each is worth, the candidates left out with what
allocating each would change, the KPI table and the storage area needed, and writes the result
JSON (the solve result plus "allocation") to --out (default INSTANCE.result.json; "-" for stdout).

  --max-sites K   allocate at most K candidate sites (overrides parameters.maxAllocatedSites)
  --objective     cost (default; NOK incl. fixed costs and rent) or co2 (kg CO2e; sites chosen
                  for the least CO2e within the limits)
  --curve         also the best plan with at most 0, 1, 2 … sites

The search stops after MASSEKART_SOLVE_TIMEOUT_S seconds (default 60) with the best allocation
found, marked not proven (status "time_limit", allocation.gap).
Exit codes: 0 a result, 1 invalid input (the message names the field), 2 solver failure.`;

/** The default time limit, as the server's (README, configuration). */
const defaultTimeoutSeconds = 60;

interface Options {
  instancePath: string;
  outPath: string;
  objective: "cost" | "co2" | undefined;
  maxSites: number | undefined;
  curve: boolean;
  timeLimitSeconds: number;
}

function parseArgs(args: string[], env: NodeJS.ProcessEnv): { ok: true; options: Options } | { ok: false; message: string } {
  // --curve is the one switch without a value; readOptions reads options with values.
  const curve = args.includes("--curve");
  const read = readOptions(
    args.filter((arg) => arg !== "--curve"),
    ["out", "objective", "max-sites"],
    { positionals: true },
  );
  if (!read.ok) return { ok: false, message: read.problem };
  const { out, objective, "max-sites": maxSitesText } = read.values;
  if (objective !== undefined && objective !== "cost" && objective !== "co2") {
    return { ok: false, message: `--objective must be cost or co2, got ${JSON.stringify(objective)}` };
  }
  const maxSites = maxSitesText === undefined ? undefined : Number(maxSitesText);
  if (maxSites !== undefined && (!Number.isInteger(maxSites) || maxSites < 0)) {
    return { ok: false, message: `--max-sites must be a whole number ≥ 0, got ${JSON.stringify(maxSitesText)}` };
  }
  const timeout = readSolveTimeout(env, defaultTimeoutSeconds);
  if (!timeout.ok) return { ok: false, message: timeout.problem };
  const timeLimitSeconds = timeout.seconds ?? defaultTimeoutSeconds;
  const [instancePath, ...extra] = read.positionals;
  if (!instancePath) return { ok: false, message: "name the instance file" };
  if (extra.length > 0) return { ok: false, message: `one instance file only; got also ${extra.join(" ")}` };
  return { ok: true, options: { instancePath, outPath: out ?? defaultOutPath(instancePath), objective, maxSites, curve, timeLimitSeconds } };
}

/** `massekart recommend`: exit 0 on a result (proven or the best found at the time limit), 1 on invalid input, 2 on solver failure. */
export const recommendCommand = {
  summary: "recommend which candidate storage sites to allocate, with site values",
  async run(args: string[]): Promise<number> {
    if (args.includes("--help") || args.includes("-h")) {
      console.log(usage);
      return 0;
    }
    const parsedArgs = parseArgs(args, process.env);
    if (!parsedArgs.ok) {
      console.error(`massekart recommend: ${parsedArgs.message}\n\n${usage}`);
      return 1;
    }
    const { instancePath, outPath, objective, maxSites, curve, timeLimitSeconds } = parsedArgs.options;
    // Created first: HiGHS compiles while the instance is read and checked.
    const solver = createHighsSolver();
    void solver.preload();
    // --max-sites goes into the instance before validation, so it meets the same checks as the field.
    const instance = readInstanceFile(instancePath, "recommend", (raw) => {
      if (maxSites === undefined || typeof raw !== "object" || raw === null) return;
      const holder = raw as { parameters?: Record<string, unknown> };
      holder.parameters = { ...(typeof holder.parameters === "object" && holder.parameters !== null ? holder.parameters : {}), maxAllocatedSites: maxSites };
    });
    if (!instance) {
      if (maxSites !== undefined) console.error(`  (parameters.maxAllocatedSites is ${maxSites} from --max-sites)`);
      return 1;
    }

    const result = await recommendSites(instance, solver, { ...(objective ? { objective } : {}), curve, timeLimitSeconds });
    const print = writeResult(result, outPath);
    if (result.status === "error") {
      console.error(`massekart recommend: the solver failed: ${result.message}`);
      return 2;
    }
    for (const line of recommendReport(result)) print(line);
    if (outPath !== "-") print(`Result written to ${outPath}`);
    return 0;
  },
};

type Recommended = Exclude<RecommendResult, { status: "error" }>;

const number = (value: number, digits = 0) => value.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
const signed = (value: number, digits = 0) => `${value > 0 ? "+" : ""}${number(value, digits)}`;

/** The recommendation: sites with their values, the candidates left out, the curve, the area need, then the KPI table. */
export function recommendReport(result: Recommended): string[] {
  const { allocation } = result;
  const proof = allocation.proven
    ? `proven optimal (gap ${number(allocation.gap * 100, 3)} %)`
    : `NOT proven: the time limit passed; up to ${number(allocation.gap * 100, 2)} % from the best`;
  const out = [
    `Status: ${result.status} · ${proof} · objective (${result.objectiveKind}) ${number(result.objective)}` +
      ` · ${number(allocation.search.nodes)} nodes, ${number(result.stats.totalSeconds, 2)} s`,
    "",
    `Recommended sites: ${allocation.allocated.length > 0 ? allocation.allocated.join(", ") : "none"}` +
      ` · fixed costs NOK ${number(allocation.fixedCostNok)} · rent NOK ${number(allocation.rentNok)}`,
  ];
  const valueTable = (allocated: boolean) => {
    const rows = allocation.siteValues.filter((v) => v.allocated === allocated);
    if (rows.length === 0) return [];
    return alignedTable([
      ["site", "fixed NOK", "rent NOK", "Δ cost NOK", "Δ t CO2e", "Δ t reused", "Δ objective"],
      ...rows.map((v) => [
        `${v.siteId}${v.withinLimits ? "" : " *"}`,
        number(v.fixedCostNok),
        number(v.rentNok),
        signed(v.deltaCost),
        signed(v.deltaKgCO2e / 1000, 1),
        signed(v.deltaTonnesReused),
        signed(v.deltaObjective),
      ]),
    ]);
  };
  const kept = valueTable(true);
  if (kept.length > 0) out.push("", "What each recommended site is worth (the plan without it, re-solved, minus the recommended plan):", ...kept);
  const left = valueTable(false);
  if (left.length > 0) out.push("", "Candidates left out (the plan with it added, re-solved, minus the recommended plan):", ...left);
  if (allocation.siteValues.some((v) => !v.withinLimits)) out.push("* adding it breaks maxAllocatedSites or maxAllocatedAreaM2: a what-if beyond the limits");

  if (allocation.curve.length > 0) {
    out.push(
      "",
      "Best plan with at most k sites:",
      ...alignedTable([
        ["k", "cost NOK", "t CO2e", "reuse", "sites"],
        ...allocation.curve.map((p) => [String(p.sites), number(p.cost), number(p.kgCO2e / 1000, 1), `${number(p.reuseRate * 100, 1)} %`, p.allocated.join(", ") || "none"]),
      ]),
    );
  }

  const peak = allocation.areaNeedM2.reduce((max, p) => (p.m2 > max.m2 ? p : max), { month: "", m2: 0, shortTermM2: 0, longTermM2: 0 });
  const peakLong = allocation.areaNeedM2.reduce((max, p) => (p.longTermM2 > max.longTermM2 ? p : max), peak);
  if (peak.m2 > 0) {
    out.push(
      "",
      `Storage area needed: peak ${number(peak.m2)} m² in ${peak.month}` +
        (peakLong.longTermM2 > 0 ? ` · long-term stock (a year or more) peaks at ${number(peakLong.longTermM2)} m² in ${peakLong.month}` : " · no stock stays a year or more"),
    );
  }
  out.push("", ...planLines(result));
  return out;
}
