import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { generateInstance } from "../../../src/core/matching/generate";
import type { MatchResult } from "../../../src/core/matching/result";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
const dir = mkdtempSync(path.join(tmpdir(), "massekart-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `node bin/massekart.mjs …` in the repo, as `npx massekart …` does. */
function massekart(...args: string[]) {
  return massekartWith({}, ...args);
}
function massekartWith(env: Record<string, string>, ...args: string[]) {
  const run = spawnSync(process.execPath, ["bin/massekart.mjs", ...args], { cwd: repoRoot, encoding: "utf8", timeout: 60_000, env: { ...process.env, ...env } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}
const file = (name: string, content: unknown) => {
  const target = path.join(dir, name);
  writeFileSync(target, typeof content === "string" ? content : JSON.stringify(content));
  return target;
};

const small = generateInstance({ lots: 20, storageSites: 2, landfills: 1, quarries: 1, months: 6, seed: 5 });

describe("massekart solve", () => {
  it("prints the KPI table beside the baseline, writes the result and exits 0", () => {
    const input = file("small.json", small);
    const out = path.join(dir, "out.json");
    const run = massekart("solve", input, "--out", out);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^KPI\s+plan\s+baseline\s+saving$/m);
    for (const label of ["reuse rate", "tonnes reused", "tonnes to landfill", "tonnes virgin", "tonne-km", "truck trips", "vehicle-km", "t CO2e", "t CO2 transport (tailpipe)", "cost NOK"]) {
      expect(run.stdout).toContain(label);
    }
    expect(run.stdout).toContain(`Result written to ${out}`);
    const result = JSON.parse(readFileSync(out, "utf8")) as MatchResult;
    expect(result.status).toBe("optimal");
    expect(result.status !== "error" && result.kpis.tonnesSurplus).toBeGreaterThan(0);
  });

  it("writes beside the instance by default, to stdout with --out -, and takes --objective co2", () => {
    const input = file("beside.json", small);
    expect(massekart("solve", input).code).toBe(0);
    expect((JSON.parse(readFileSync(path.join(dir, "beside.result.json"), "utf8")) as MatchResult).status).not.toBe("error");
    const run = massekart("solve", input, "--out", "-", "--objective=co2");
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as MatchResult;
    expect(result.status !== "error" && result.objectiveKind).toBe("co2");
    expect(run.stderr).toContain("reuse rate");
  });

  it("exits 1 naming each bad field", () => {
    const bad = structuredClone(small);
    (bad.lots[3] as { window: { from: string } }).window.from = "2027-13";
    (bad.lots[5] as { material: string }).material = "sand";
    const run = massekart("solve", file("bad.json", bad));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('lots[3].window.from: must be a month as YYYY-MM, got "2027-13"');
    expect(run.stderr).toContain('lots[5].material: must be one of rock, gravel_sand, moraine, clay_silt, topsoil, mixed, concrete, asphalt, peat, got "sand"');
  });

  it("exits 1 on a file that is missing or not JSON, and on bad options", () => {
    expect(massekart("solve", path.join(dir, "missing.json"))).toMatchObject({ code: 1, stderr: expect.stringContaining("cannot be read") });
    expect(massekart("solve", file("broken.json", "{ not json"))).toMatchObject({ code: 1, stderr: expect.stringContaining("is not valid JSON") });
    expect(massekart("solve", file("ok.json", small), "--objective", "speed")).toMatchObject({ code: 1, stderr: expect.stringContaining("--objective must be cost or co2") });
    expect(massekart("solve")).toMatchObject({ code: 1, stderr: expect.stringContaining("name the instance file") });
  });

  it("exits 2 when the solver stops without a plan: MASSEKART_SOLVE_TIMEOUT_S passed", () => {
    // Quantities HiGHS cannot treat as finite are refused as input now (exit 1), so the one solver
    // failure left to provoke on purpose is the time limit.
    const out = path.join(dir, "failed.json");
    const run = massekartWith({ MASSEKART_SOLVE_TIMEOUT_S: "0.000001" }, "solve", file("timed-out.json", small), "--out", out);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain("the solver failed");
    expect((JSON.parse(readFileSync(out, "utf8")) as MatchResult).status).toBe("error");
  });

  it("exits 1 on a bad MASSEKART_SOLVE_TIMEOUT_S and on an absurd quantity, naming the field", () => {
    expect(massekartWith({ MASSEKART_SOLVE_TIMEOUT_S: "soon" }, "solve", file("any.json", small))).toMatchObject({
      code: 1,
      stderr: expect.stringContaining("MASSEKART_SOLVE_TIMEOUT_S must be a number of seconds > 0"),
    });
    const absurd = { ...small, lots: [{ ...small.lots[0], quantity: { value: 1e300, unit: "tonnes" } }, ...small.lots.slice(1)] };
    const run = massekart("solve", file("absurd.json", absurd));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("lots[0].quantity.value: must be at most 50,000,000");
  });
});

describe("massekart schema", () => {
  it("prints the instance JSON Schema", () => {
    const run = massekart("schema", "instance");
    expect(run.code, run.stderr).toBe(0);
    const schema = JSON.parse(run.stdout) as { $schema: string; properties: Record<string, unknown> };
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(Object.keys(schema.properties)).toEqual(["months", "parameters", "lots", "sites", "distances"]);
  });

  it("exits 1 for an unknown schema", () => {
    expect(massekart("schema", "result")).toMatchObject({ code: 1, stderr: expect.stringContaining('unknown schema "result"') });
  });
});
