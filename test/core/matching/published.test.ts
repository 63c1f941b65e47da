import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { InstanceInput } from "../../../src/core/matching/instance";
import { lot, plainParameters, solve } from "./helpers";

/** A transportation benchmark of test/fixtures/matching (see its PROVENANCE.md). */
interface Transportation {
  sources: string[];
  supply: number[];
  sinks: string[];
  demand: number[];
  cost: number[][];
  supply_constraint: "<=" | "=";
  published_optimum: number;
}

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../../fixtures/matching/${name}.json`, import.meta.url), "utf8")) as Transportation;

/**
 * Sources become surplus lots, sinks demand lots, cost per unit becomes km at NOK 1 per tonne-km.
 * Supply "≤ capacity" means a source may keep units: a free landfill beside each source (0 km,
 * no gate fee) takes what is not shipped, so the objective is exactly the published cost.
 */
function asInstance(problem: Transportation): InstanceInput {
  const month = "2027-01";
  return {
    months: [month],
    parameters: plainParameters,
    lots: [
      ...problem.sources.map((id, i) => lot(id, "surplus", "moraine", 1, problem.supply[i] as number, month)),
      ...problem.sinks.map((id, j) => lot(id, "demand", "moraine", 1, problem.demand[j] as number, month)),
    ],
    sites: [{ id: "keep", kind: "landfill", gateFeePerTonne: 0 }],
    distances: [
      ...problem.sources.flatMap((from, i) => problem.sinks.map((to, j) => ({ from, to, km: problem.cost[i]?.[j] as number }))),
      ...problem.sources.map((from) => ({ from, to: "keep", km: 0 })),
    ],
  };
}

describe("published transportation benchmarks reach their published optimum", () => {
  for (const name of ["dantzig_trnsport", "winston_powerco"]) {
    it(name, async () => {
      const problem = fixture(name);
      const result = await solve(asInstance(problem));
      expect(result.status).toBe("optimal");
      expect(Math.abs(result.objective - problem.published_optimum) / problem.published_optimum).toBeLessThan(1e-9);
      expect(result.kpis.tonnesReused).toBeCloseTo(problem.demand.reduce((a, b) => a + b, 0), 6);
    });
  }
});
