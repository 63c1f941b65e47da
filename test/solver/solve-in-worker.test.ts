import { describe, expect, it } from "vitest";
import { generateInstance } from "../../src/core/matching/generate";
import { parseInstance, type Instance } from "../../src/core/matching/instance";
import { solveInWorker } from "../../src/solver/solve-in-worker";

const instance = (): Instance => {
  const parsed = parseInstance(generateInstance({ lots: 20, storageSites: 2, landfills: 1, quarries: 1, months: 6, seed: 3 }));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.fields));
  return parsed.instance;
};

describe("solving in a worker thread", () => {
  it("loads the TypeScript worker (here under vitest) and answers with a result", async () => {
    const outcome = await solveInWorker(instance(), { timeoutMs: 20_000 });
    expect(outcome.kind).toBe("result");
    if (outcome.kind !== "result") return;
    expect(outcome.result.status).toBe("optimal");
    expect(outcome.result.status !== "error" && outcome.result.flows.length).toBeGreaterThan(0);
  });

  it("passes the objective through", async () => {
    const outcome = await solveInWorker(instance(), { timeoutMs: 20_000, objective: "co2" });
    expect(outcome.kind === "result" && outcome.result.status !== "error" && outcome.result.objectiveKind).toBe("co2");
  });

  it("stops a solve at the time limit and says so", async () => {
    const started = performance.now();
    const outcome = await solveInWorker(instance(), { timeoutMs: 1 });
    expect(outcome).toEqual({ kind: "timeout", limitMs: 1 });
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
