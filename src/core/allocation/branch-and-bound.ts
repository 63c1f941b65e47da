import type { LpBasis } from "../matching/lp-model";
import type { AllocationLp } from "./allocation-lp";

/**
 * A branch and bound of our own over the candidate sites' y (there are few: ≤ ~30), on one solver
 * session whose LP relaxation (allocation-lp.ts) bounds each node. Why not HiGHS's own MIP: on an
 * Asker-size instance it needs a handful of nodes but 50 s, most of it in its root (presolve, cuts,
 * heuristics over the whole model); here a node is a bound change and a warm re-solve of tens of
 * milliseconds from its parent's basis. bench/allocation.ts measures both side by side, and each
 * technique below switched off.
 */

/** Per candidate: −1 free, 0 not allocated, 1 allocated. */
export type Fixing = Int8Array;

/** An allocation whose matching LP was solved: the best plan with exactly these candidates allocated. */
export interface Evaluated {
  /** 1 for each allocated candidate. */
  allocated: Uint8Array;
  /** The objective incl. the candidates' fixed costs and rent (for `cost`). */
  objective: number;
  /** One value per matching column, as `readPlan` reads them. */
  values: Float64Array;
}

export interface SearchOptions {
  /** Proven when (best − bound) ÷ |best| ≤ this. Default 1e-4 (HiGHS's MIP default). */
  relativeGap?: number;
  /** Clock value (from `now`) after which the search stops with the best allocation found so far. */
  deadline?: number;
  now?: () => number;
  /** Fix a candidate in or out of a whole subtree when its reduced cost proves the other side cannot win. */
  reducedCostFixing?: boolean;
  /** Evaluate "every site the LP uses" and "every site it uses at least half" as incumbents: at every node, at the root only, or never. */
  rounding?: "all" | "root" | "none";
  /**
   * Branch on the largest objective cost × fractionality (default: the site whose fixed cost the
   * relaxation splits most), or on the most fractional y.
   */
  branching?: "fractional" | "weighted";
  /** Start each node from its parent's basis (`"parent"`), or from whatever the last solve left (`"last"`). */
  warmStart?: "parent" | "last";
  /**
   * Plunge: go on with a node's child on the side its LP leans to (from the basis the node ended
   * with), and take the best-bound node only when a dive ends.
   */
  plunge?: boolean;
  /** Allocations solved before on the same session (by `keyOf`): incumbents to start from, never solved twice. */
  cache?: Map<string, Evaluated>;
}

export interface SearchOutcome {
  best: Evaluated | undefined;
  /** Proven lower bound on the objective of every allocation that keeps to the fixing and the limits. */
  lowerBound: number;
  /** (best − lowerBound) ÷ |best|; Infinity without an allocation. */
  gap: number;
  /** False when the deadline stopped the search. */
  complete: boolean;
  nodes: number;
  /** Allocations solved as incumbents (rounding). */
  evaluations: number;
  /** Subtrees closed by reduced-cost fixing. */
  fixedByReducedCost: number;
  maxDepth: number;
}

interface Node {
  fixing: Fixing;
  bound: number;
  depth: number;
  basis: LpBasis | undefined;
}

export const keyOf = (allocated: ArrayLike<number>) => Array.from(allocated, (v) => (v ? "1" : "0")).join("");

const satisfies = (allocated: Uint8Array, fixing: Fixing) => fixing.every((f, c) => f < 0 || f === allocated[c]);

/**
 * Solves the matching LP of one allocation on the session, or takes it from `cache` (where it
 * goes when solved). "infeasible" when the current limits forbid it, "stopped" at the deadline.
 */
export async function evaluateAllocation(
  lp: AllocationLp,
  allocated: Uint8Array,
  cache: Map<string, Evaluated>,
  clock: { deadline?: number; now?: () => number } = {},
): Promise<Evaluated | "infeasible" | "stopped"> {
  const key = keyOf(allocated);
  const known = cache.get(key);
  if (known) return known;
  lp.setAllocationBounds(allocated, allocated);
  const solution = await lp.solve(clock);
  if (solution.status === "time_limit") return "stopped";
  // Infeasible only under the current limits, which a later search may change: not cached.
  if (solution.status !== "optimal") return "infeasible";
  const evaluated: Evaluated = { allocated, objective: solution.objective, values: lp.lp.fullValues(solution.colValue) };
  cache.set(key, evaluated);
  return evaluated;
}

/**
 * Finds the allocation of least objective among those that keep to `fixing` (the required and
 * excluded candidates) and to the limits the session holds, within `relativeGap`.
 */
export async function branchAndBound(lp: AllocationLp, fixing: Fixing, options: SearchOptions = {}): Promise<SearchOutcome> {
  const {
    relativeGap = 1e-4,
    deadline = Infinity,
    now = () => performance.now(),
    reducedCostFixing = true,
    rounding = "root",
    branching = "weighted",
    warmStart = "parent",
    plunge = false,
    cache = new Map<string, Evaluated>(),
  } = options;
  const count = lp.candidates.length;
  const stats = { nodes: 0, evaluations: 0, fixedByReducedCost: 0, maxDepth: 0 };
  let best: Evaluated | undefined;
  /** The lowest bound of the subtrees closed without an allocation below the incumbent. */
  let lowestClosed = Infinity;
  const offer = (evaluated: Evaluated) => {
    // The cache may hold allocations solved under other limits (the curve changes the site limit).
    if (satisfies(evaluated.allocated, fixing) && lp.allows(evaluated.allocated) && (!best || evaluated.objective < best.objective)) best = evaluated;
  };
  for (const evaluated of cache.values()) offer(evaluated);
  /** A node of this bound may hold a better allocation than the incumbent, by more than the gap. */
  const promising = (bound: number) => !best || bound < best.objective - relativeGap * Math.abs(best.objective);
  const close = (bound: number) => (lowestClosed = Math.min(lowestClosed, bound));

  // The node whose LP the session solved last (its basis still in the solver), unless an evaluation came after.
  let lastSolved: Node | undefined;
  const queue = new NodeQueue();
  queue.push({ fixing, bound: -Infinity, depth: 0, basis: undefined });
  let complete = true;
  let dive: (Node & { parent: Node }) | undefined;

  while (dive || queue.size > 0) {
    if (now() >= deadline) {
      if (dive) queue.push(dive);
      complete = false;
      break;
    }
    const diving = dive;
    const node = dive ?? (queue.pop() as Node);
    dive = undefined;
    if (!promising(node.bound)) {
      close(node.bound);
      continue;
    }
    stats.nodes++;
    stats.maxDepth = Math.max(stats.maxDepth, node.depth);
    lp.setAllocationBounds(
      Array.from(node.fixing, (f) => (f === 1 ? 1 : 0)),
      Array.from(node.fixing, (f) => (f === 0 ? 0 : 1)),
    );
    const parentInSolver = diving !== undefined && lastSolved === diving.parent;
    if (warmStart === "parent" && node.basis && !parentInSolver) lp.lp.session.restoreBasis(node.basis);
    const solution = await lp.solve({ deadline, now });
    lastSolved = node;
    if (solution.status === "time_limit") {
      queue.push(node);
      complete = false;
      break;
    }
    if (solution.status !== "optimal") continue; // no allocation in this subtree keeps to the limits
    const bound = Math.max(node.bound, solution.objective);
    const basis = warmStart === "parent" ? lp.lp.session.basis() : undefined;
    const y = solution.allocation;
    if (y.every((v) => v < 1e-6 || v > 1 - 1e-6)) {
      // An integral LP solution is the best plan of its allocation, and the best of the subtree.
      const allocated = Uint8Array.from(y, (v) => (v > 0.5 ? 1 : 0));
      const key = keyOf(allocated);
      const evaluated = cache.get(key) ?? { allocated, objective: solution.objective, values: lp.lp.fullValues(solution.colValue) };
      cache.set(key, evaluated);
      offer(evaluated);
      close(bound);
      continue;
    }
    if (rounding === "all" || (rounding === "root" && node.depth === 0)) {
      let stopped = false;
      for (const allocated of roundings(lp, y, node.fixing)) {
        if (cache.has(keyOf(allocated))) continue;
        stats.evaluations++;
        lastSolved = undefined;
        const evaluated = await evaluateAllocation(lp, allocated, cache, { deadline, now });
        if (evaluated === "stopped") stopped = true;
        else if (evaluated !== "infeasible") offer(evaluated);
      }
      if (stopped) {
        queue.push({ ...node, bound });
        complete = false;
        break;
      }
    }
    if (!promising(bound)) {
      close(bound);
      continue;
    }

    // Reduced-cost fixing: y_c at 0 with reduced cost d > 0 means allocating c costs at least bound + d
    // (and y_c at 1 with d < 0, leaving it out at least bound − d): when that cannot win, fix it.
    const childFixing = Int8Array.from(node.fixing);
    if (reducedCostFixing) {
      for (let c = 0; c < count; c++) {
        if (childFixing[c] !== -1) continue;
        const d = solution.allocationReducedCost[c] as number;
        const value = y[c] as number;
        const atLower = value < 1e-9 && d > 0;
        const atUpper = value > 1 - 1e-9 && d < 0;
        if ((atLower || atUpper) && !promising(bound + Math.abs(d))) {
          close(bound + Math.abs(d));
          childFixing[c] = atLower ? 0 : 1;
          stats.fixedByReducedCost++;
        }
      }
    }

    const branchOn = chooseBranch(y, childFixing, branching === "weighted" ? lp.candidates.map((c) => Math.max(c.objectiveCost, 1)) : undefined);
    const leaning = (y[branchOn] as number) >= 0.5 ? 1 : 0;
    for (const side of [leaning, 1 - leaning]) {
      const child = Int8Array.from(childFixing);
      child[branchOn] = side;
      const next = { fixing: child, bound, depth: node.depth + 1, basis };
      if (plunge && side === leaning) dive = { ...next, parent: node };
      else queue.push(next);
    }
  }

  for (const node of queue.drain()) close(node.bound);
  const lowerBound = Math.min(best?.objective ?? Infinity, lowestClosed);
  const gap = best ? Math.max(0, (best.objective - lowerBound) / Math.max(Math.abs(best.objective), 1e-9)) : Infinity;
  return { best, lowerBound, gap, complete, ...stats };
}

/**
 * The candidate to branch on: the most fractional free y (or, `weight`ed, the largest weight ×
 * fractionality). The node's LP is not integral, so there is one.
 */
function chooseBranch(y: Float64Array, fixing: Fixing, weight?: number[]): number {
  let chosen = -1;
  let score = -1;
  for (let c = 0; c < fixing.length; c++) {
    if (fixing[c] !== -1) continue;
    const v = y[c] as number;
    const fractional = Math.min(v, 1 - v) * (weight?.[c] ?? 1);
    if (fractional > score) {
      score = fractional;
      chosen = c;
    }
  }
  return chosen;
}

/**
 * Incumbents from an LP solution: every candidate the LP uses at all, and those it uses at least
 * half — each trimmed to the limits on sites and area by dropping the least used first.
 */
function roundings(lp: AllocationLp, y: Float64Array, fixing: Fixing): Uint8Array[] {
  const used = Uint8Array.from(y, (v, c) => (fixing[c] === 1 || (fixing[c] !== 0 && v > 1e-6) ? 1 : 0));
  const half = Uint8Array.from(y, (v, c) => (fixing[c] === 1 || (fixing[c] !== 0 && v >= 0.5) ? 1 : 0));
  const sets = [lp.withinLimits(used, y, fixing), lp.withinLimits(half, y, fixing)];
  return keyOf(sets[0] as Uint8Array) === keyOf(sets[1] as Uint8Array) ? [sets[0] as Uint8Array] : sets;
}

/** Best-first: the lowest bound first, the deeper node on a tie (it is closer to an allocation). */
class NodeQueue {
  private readonly heap: Node[] = [];

  get size(): number {
    return this.heap.length;
  }

  push(node: Node): void {
    const heap = this.heap;
    heap.push(node);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i] as Node, heap[parent] as Node)) break;
      [heap[i], heap[parent]] = [heap[parent] as Node, heap[i] as Node];
      i = parent;
    }
  }

  pop(): Node | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (heap.length > 0 && last) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let smallest = i;
        if (l < heap.length && before(heap[l] as Node, heap[smallest] as Node)) smallest = l;
        if (r < heap.length && before(heap[r] as Node, heap[smallest] as Node)) smallest = r;
        if (smallest === i) break;
        [heap[i], heap[smallest]] = [heap[smallest] as Node, heap[i] as Node];
        i = smallest;
      }
    }
    return top;
  }

  drain(): Node[] {
    return this.heap.splice(0);
  }
}

const before = (a: Node, b: Node) => a.bound < b.bound || (a.bound === b.bound && a.depth > b.depth);
