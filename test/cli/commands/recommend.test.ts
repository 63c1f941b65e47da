import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import type { RecommendResult } from "../../../src/core/allocation/result";
import { candidatesOfInput, smallAllocationInstance } from "../../core/allocation/helpers";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
const dir = mkdtempSync(path.join(tmpdir(), "massekart-cli-recommend-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function massekart(args: string[], env: Record<string, string> = {}) {
  const run = spawnSync(process.execPath, ["bin/massekart.mjs", ...args], { cwd: repoRoot, encoding: "utf8", timeout: 120_000, env: { ...process.env, ...env } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}
const file = (name: string, content: unknown) => {
  const target = path.join(dir, name);
  writeFileSync(target, JSON.stringify(content));
  return target;
};
const instance = smallAllocationInstance(8, { candidates: 3, lots: 20 });
type Recommended = Exclude<RecommendResult, { status: "error" }>;

describe("massekart recommend", () => {
  it("prints the recommended sites with their values, the candidates left out, the area need and the KPIs, and writes the result", () => {
    const input = file("instance.json", instance);
    const out = path.join(dir, "result.json");
    const run = massekart(["recommend", input, "--out", out, "--curve"]);
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(readFileSync(out, "utf8")) as Recommended;
    expect(result.status).toBe("optimal");
    expect(result.allocation).toMatchObject({ proven: true, gap: expect.any(Number), fixedCostNok: expect.any(Number), rentNok: expect.any(Number) });
    expect(result.allocation.siteValues).toHaveLength(3);
    expect(result.allocation.curve.length).toBeGreaterThan(0);
    expect(result.allocation.areaNeedM2).toHaveLength(instance.months.length);
    expect(run.stdout).toMatch(/^Status: optimal · proven optimal/m);
    expect(run.stdout).toContain(`Recommended sites: ${result.allocation.allocated.join(", ") || "none"}`);
    if (result.allocation.allocated.length > 0) expect(run.stdout).toContain("What each recommended site is worth");
    if (result.allocation.allocated.length < 3) expect(run.stdout).toContain("Candidates left out");
    expect(run.stdout).toContain("Best plan with at most k sites:");
    expect(run.stdout).toMatch(/^KPI\s+plan\s+baseline\s+saving$/m);
    expect(run.stdout).toContain(`Result written to ${out}`);
  }, 150_000);

  it("keeps to --max-sites and writes JSON to stdout with --out -", () => {
    const input = file("limited.json", instance);
    const run = massekart(["recommend", input, "--max-sites", "1", "--out", "-", "--objective", "co2"]);
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as Recommended;
    expect(result.objectiveKind).toBe("co2");
    expect(result.allocation.allocated.length).toBeLessThanOrEqual(1);
    expect(run.stderr).toContain("Recommended sites:");
  }, 150_000);

  it("exits 1 naming the field: a candidate without its fixed cost, a site limit that excludes every candidate", () => {
    const bad = structuredClone(instance);
    const second = candidatesOfInput(bad)[1];
    if (second) delete second.fixedCostNok;
    const index = (bad.sites ?? []).indexOf(second as never);
    const run = massekart(["recommend", file("bad.json", bad), "--out", path.join(dir, "bad.result.json")]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`sites[${index}].fixedCostNok: is required for a candidate site`);

    const zero = massekart(["recommend", file("zero.json", instance), "--max-sites", "0"]);
    expect(zero.code).toBe(1);
    expect(zero.stderr).toContain("parameters.maxAllocatedSites: is 0, which excludes every candidate site");
    expect(zero.stderr).toContain("from --max-sites");
  }, 150_000);

  it("exits 1 on bad options and a bad MASSEKART_SOLVE_TIMEOUT_S, before solving", () => {
    const input = file("options.json", instance);
    expect(massekart(["recommend", input, "--max-sites", "two"])).toMatchObject({ code: 1, stderr: expect.stringContaining("--max-sites must be a whole number") });
    expect(massekart(["recommend", input], { MASSEKART_SOLVE_TIMEOUT_S: "soon" })).toMatchObject({
      code: 1,
      stderr: expect.stringContaining("MASSEKART_SOLVE_TIMEOUT_S must be a number of seconds > 0"),
    });
  }, 150_000);
});
