import { flagRefusal, flagRefusalText, type FlagRefusal, type SpecialFlag } from "../special-masses/flags";
import { demandTakes, Kind, landfillTakes, quarryMaterialFor, storageTakes, type BuiltModel } from "./build-model";
import { tonnesTolerance } from "./plan";
import { flagMaskOfType, type DemandLot, type Problem, type SurplusLot } from "./problem";
import type { Unplaced } from "./result";

/**
 * Why a lot (or part of it) stays unplaced, in a planner's words. The reason is derived in the
 * order a planner would check: is there any receiver (or source) that accepts the mass at all,
 * one within maxHaulKm, one active in that month — and if arcs exist, which constraint is
 * binding (storage full, landfill capacity used up, the demand already met, the surplus used up)
 * or whether the penalty is simply cheaper than every route.
 */

interface Solved {
  colValue: Float64Array;
  rowValue: Float64Array;
}

/** Lists the unplaced lots of a solved model, one entry per lot, months grouped into ranges. */
export function unplacedWithReasons(problem: Problem, built: BuiltModel, solved: Solved): Unplaced[] {
  const { columns } = built;
  // Unplaced lot-months: lot node → month → tonnes.
  const unplaced = new Map<number, Map<number, number>>();
  for (let c = 0; c < columns.count; c++) {
    const kind = columns.kind[c];
    if (kind !== Kind.unplaced_surplus && kind !== Kind.unplaced_demand) continue;
    const tonnes = solved.colValue[c] as number;
    if (!(tonnes > tonnesTolerance)) continue;
    const node = columns.from[c] as number;
    const byMonth = unplaced.get(node) ?? new Map<number, number>();
    byMonth.set(columns.month[c] as number, tonnes);
    unplaced.set(node, byMonth);
  }
  if (unplaced.size === 0) return [];

  // The arcs (columns) of each unplaced lot-month, found in one pass.
  const arcs = new Map<string, number[]>();
  const note = (node: number, t: number, c: number) => {
    const byMonth = unplaced.get(node);
    if (!byMonth?.has(t)) return;
    const key = `${node}:${t}`;
    const list = arcs.get(key) ?? [];
    list.push(c);
    arcs.set(key, list);
  };
  for (let c = 0; c < columns.count; c++) {
    const kind = columns.kind[c];
    const t = columns.month[c] as number;
    if (kind === Kind.direct) {
      note(columns.from[c] as number, t, c);
      note(columns.to[c] as number, t, c);
    } else if (kind === Kind.to_storage || kind === Kind.to_landfill) note(columns.from[c] as number, t, c);
    else if (kind === Kind.from_storage || kind === Kind.virgin) note(columns.to[c] as number, t, c);
  }

  const context = new ReasonContext(problem, built, solved);
  const result: Unplaced[] = [];
  for (const s of problem.surplus) {
    const byMonth = unplaced.get(s.node);
    if (!byMonth) continue;
    const entry = context.entry(s, "surplus", byMonth, (t) => context.surplusReason(s, t, arcs.get(`${s.node}:${t}`) ?? []));
    const refusal = context.flagBlock(s);
    result.push(refusal ? { ...entry, flagRefusal: refusal } : entry);
  }
  for (const d of problem.demand) {
    const byMonth = unplaced.get(d.node);
    if (byMonth) result.push(context.entry(d, "demand", byMonth, (t) => context.demandReason(d, t, arcs.get(`${d.node}:${t}`) ?? [])));
  }
  return result;
}

/** A reason, with `{months}` where the month (range) belongs. */
type Reason = string;

class ReasonContext {
  private readonly byNode = new Map<number, { kind: "surplus" | "demand" | "storage" | "landfill" | "quarry"; index: number }>();

  constructor(
    private readonly problem: Problem,
    private readonly built: BuiltModel,
    private readonly solved: Solved,
  ) {
    problem.surplus.forEach((s, index) => this.byNode.set(s.node, { kind: "surplus", index }));
    problem.demand.forEach((d, index) => this.byNode.set(d.node, { kind: "demand", index }));
    problem.storage.forEach((j, index) => this.byNode.set(j.node, { kind: "storage", index }));
    problem.landfills.forEach((l, index) => this.byNode.set(l.node, { kind: "landfill", index }));
    problem.quarries.forEach((r, index) => this.byNode.set(r.node, { kind: "quarry", index }));
  }

  private get maxKm() {
    return this.problem.parameters.maxHaulKm;
  }

  entry(lot: SurplusLot | DemandLot, direction: "surplus" | "demand", byMonth: Map<number, number>, reasonAt: (t: number) => Reason): Unplaced {
    const monthsSorted = [...byMonth.keys()].sort((a, b) => a - b);
    // Group the months by reason, so "in 2027-03–2027-05" reads once.
    const groups = new Map<Reason, number[]>();
    for (const t of monthsSorted) {
      const reason = reasonAt(t);
      groups.set(reason, [...(groups.get(reason) ?? []), t]);
    }
    const reason = [...groups]
      .map(([text, ts]) => text.replaceAll("{months}", this.monthRanges(ts)))
      .join("; ");
    return {
      lotId: lot.id,
      direction,
      tonnes: monthsSorted.reduce((sum, t) => sum + (byMonth.get(t) as number), 0),
      months: monthsSorted.map((t) => this.problem.months[t] as string),
      reason,
    };
  }

  private monthRanges(ts: number[]): string {
    const parts: string[] = [];
    let start = ts[0] as number;
    let previous = start;
    const flush = () => {
      const a = this.problem.months[start] as string;
      const b = this.problem.months[previous] as string;
      parts.push(a === b ? a : `${a}–${b}`);
    };
    for (const t of ts.slice(1)) {
      if (t !== previous + 1) {
        flush();
        start = t;
      }
      previous = t;
    }
    flush();
    return parts.join(", ");
  }

  private nearest(candidates: { label: string; km: number | undefined }[]): string {
    const known = candidates.filter((c): c is { label: string; km: number } => c.km !== undefined);
    if (known.length === 0) return " (no distance is known to any of them)";
    const best = known.reduce((a, b) => (b.km < a.km ? b : a));
    return ` (nearest: ${best.label} at ${best.km.toFixed(1)} km)`;
  }

  /**
   * When a flagged lot has no receiver at all because of its flags (DESIGN §8), the rule that
   * stops it: the one every receiver of its material and class gives for one flag, else "only
   * receivers approved for it". Undefined when some receiver takes it, or when no receiver would
   * take it even without flags.
   */
  flagBlock(s: SurplusLot): FlagRefusal | undefined {
    if (s.flags.length === 0 || s.hazardous) return undefined;
    const { problem } = this;
    const destinations = [
      ...problem.demand.filter((d) => demandTakes(d, s.material, s.contaminationClass)).map((d) => ({ kind: "demand" as const, acceptsFlags: d.acceptsFlags, agriculturalLand: d.agriculturalLand })),
      ...problem.storage
        .filter((j) => j.materials.has(s.material) && s.contaminationClass <= j.worstClass)
        .map((j) => ({ kind: "storage" as const, acceptsFlags: j.acceptsFlags })),
      ...problem.landfills.filter((l) => landfillTakes(l, s.material, s.contaminationClass, false)).map((l) => ({ kind: "landfill" as const, acceptsFlags: l.acceptsFlags })),
    ];
    if (destinations.length === 0) return undefined;
    const refusals = destinations.map((to) => flagRefusal(s.flags, to));
    if (refusals.some((refusal) => refusal === undefined)) return undefined;
    for (const flag of s.flags) {
      const forFlag = destinations.map((to) => flagRefusal([flag], to));
      if (forFlag.every((refusal) => refusal !== undefined)) {
        const first = forFlag[0] as FlagRefusal;
        return forFlag.every((refusal) => refusal?.reason === first.reason) ? first : { reason: "not_accepted", flag };
      }
    }
    return { reason: "not_accepted", flag: s.flags[0] as SpecialFlag };
  }

  surplusReason(s: SurplusLot, t: number, arcs: number[]): Reason {
    const { problem } = this;
    const refusal = this.flagBlock(s);
    if (refusal) return flagRefusalText(refusal);
    const mask = flagMaskOfType(s.massType);
    const mass = s.hazardous ? `hazardous ${s.material}` : `class ${s.contaminationClass} ${s.material}`;
    const receivers = s.hazardous
      ? problem.landfills
          .filter((l) => landfillTakes(l, s.material, s.contaminationClass, true))
          .map((l) => ({ label: `landfill ${l.label}`, node: l.node }))
      : [
          ...problem.demand.filter((d) => demandTakes(d, s.material, s.contaminationClass, mask)).map((d) => ({ label: `demand ${d.id}`, node: d.node })),
          ...problem.storage.filter((j) => storageTakes(j, s)).map((j) => ({ label: `storage ${j.label}`, node: j.node })),
          ...problem.landfills
            .filter((l) => landfillTakes(l, s.material, s.contaminationClass, false, mask))
            .map((l) => ({ label: `landfill ${l.label}`, node: l.node })),
        ];
    if (receivers.length === 0) {
      return s.hazardous ? `no landfill is approved for ${mass}` : `no receiver accepts ${mass}`;
    }
    const withKm = receivers.map((r) => ({ ...r, km: problem.km(s.node, r.node) }));
    if (!withKm.some((r) => r.km !== undefined && r.km <= this.maxKm)) {
      return `no receiver accepts ${mass} within ${this.maxKm} km${this.nearest(withKm)}`;
    }
    if (arcs.length === 0) return `no receiver accepts ${mass} within ${this.maxKm} km in {months}`;
    const binding = this.bindingFor(arcs, t);
    if (binding.length === 0) return this.penaltyReason();
    return `every receiver within ${this.maxKm} km is taken in {months}: ${binding.join(", ")}`;
  }

  demandReason(d: DemandLot, t: number, arcs: number[]): Reason {
    const { problem } = this;
    const mass = `${d.acceptedMaterials.join(" or ")} of class ${d.worstClass === 1 ? "1" : `${d.worstClass} or better`}`;
    const sources = [
      ...problem.surplus
        .filter((s) => !s.hazardous && demandTakes(d, s.material, s.contaminationClass, flagMaskOfType(s.massType)))
        .map((s) => ({ label: `surplus ${s.id}`, node: s.node })),
      ...problem.storage
        .filter((j) => d.acceptedMaterials.some((m) => j.materials.has(m)))
        .map((j) => ({ label: `storage ${j.label}`, node: j.node })),
      ...problem.quarries.filter((r) => quarryMaterialFor(r, d)).map((r) => ({ label: `quarry ${r.label}`, node: r.node })),
    ];
    if (sources.length === 0) return `no surplus lot, storage site or quarry offers ${mass}`;
    const withKm = sources.map((r) => ({ ...r, km: problem.km(r.node, d.node) }));
    if (!withKm.some((r) => r.km !== undefined && r.km <= this.maxKm)) {
      return `no surplus lot, storage site or quarry offers ${mass} within ${this.maxKm} km${this.nearest(withKm)}`;
    }
    if (arcs.length === 0) return `no surplus lot, storage site or quarry offers ${mass} within ${this.maxKm} km in {months}`;
    const binding = this.bindingFor(arcs, t);
    if (binding.length === 0) return this.penaltyReason();
    return `every source within ${this.maxKm} km is used up in {months}: ${binding.join(", ")}`;
  }

  private penaltyReason(): Reason {
    const { parameters } = this.problem;
    const unit = parameters.objective === "co2" ? "kg CO2e" : "NOK";
    return `in {months} every route costs more than the unplaced penalty of ${parameters.unplacedPenaltyPerTonne} ${unit} per tonne`;
  }

  /** The binding constraint at the far end of each arc, in words; one phrase per site or lot. */
  private bindingFor(arcs: number[], t: number): string[] {
    const { columns, rows } = this.built;
    const { colValue, rowValue } = this.solved;
    const met = new Set<string>();
    const usedUp = new Set<string>();
    const storageFull = new Map<string, string>();
    const storageEmpty = new Set<string>();
    const landfillFull = new Set<string>();
    const full = (row: number, capacity: number) => (rowValue[row] as number) >= capacity - Math.max(tonnesTolerance, 1e-7 * capacity);
    for (const c of arcs) {
      const kind = columns.kind[c];
      if (kind === Kind.direct) {
        // The unplaced lot is one end; the other end is the binding one.
        for (const node of [columns.from[c] as number, columns.to[c] as number]) {
          const other = this.byNode.get(node);
          if (!other) continue;
          const row = this.lotRow(other.kind, other.index, t);
          if (row < 0) continue;
          const slack = colValue[rows.slackOfRow[row] as number] as number;
          if (slack > tonnesTolerance) continue; // that is the unplaced lot itself
          (other.kind === "demand" ? met : usedUp).add(this.problem.nodeIds[node] as string);
        }
      } else if (kind === Kind.to_storage) {
        const site = this.byNode.get(columns.to[c] as number);
        const j = site && this.problem.storage[site.index];
        if (!site || !j) continue;
        for (let m = t; m <= j.open.last; m++) {
          if (full((rows.capacityRow[site.index] as number) + m - j.open.first, j.capacityTonnes)) {
            storageFull.set(j.label, this.problem.months[m] as string);
            break;
          }
        }
      } else if (kind === Kind.to_landfill) {
        const site = this.byNode.get(columns.to[c] as number);
        const l = site && this.problem.landfills[site.index];
        const row = site ? (rows.landfillRow[site.index] as number) : -1;
        if (l && row >= 0 && full(row, l.capacityTonnes ?? Infinity)) landfillFull.add(`landfill ${l.label} full (its ${l.capacityTonnes} t are used up)`);
      } else if (kind === Kind.from_storage) {
        const site = this.byNode.get(columns.from[c] as number);
        const j = site && this.problem.storage[site.index];
        if (!site || !j) continue;
        // An empty store is often the echo of an earlier full one: say when it was full.
        let fullIn: string | undefined;
        for (let m = j.open.first; m <= t && !fullIn; m++) {
          if (full((rows.capacityRow[site.index] as number) + m - j.open.first, j.capacityTonnes)) fullIn = this.problem.months[m];
        }
        storageEmpty.add(fullIn ? `${j.label} (full in ${fullIn})` : j.label);
      }
    }
    const phrases: string[] = [];
    if (met.size) phrases.push(`${listOf("demand", [...met])} already met`);
    if (usedUp.size) phrases.push(`${listOf("surplus", [...usedUp])} ${usedUp.size === 1 ? "has" : "have"} no more to give`);
    const fullSites = [...storageFull];
    for (const [label, month] of fullSites.slice(0, 3)) phrases.push(`storage ${label} full in ${month}`);
    if (fullSites.length > 3) phrases.push(`${fullSites.length - 3} more storage sites full`);
    phrases.push(...landfillFull);
    if (storageEmpty.size) phrases.push(`${listOf("storage", [...storageEmpty])} ${storageEmpty.size === 1 ? "holds" : "hold"} no fitting mass`);
    return phrases;
  }

  private lotRow(kind: string, index: number, t: number): number {
    const { rows } = this.built;
    if (kind === "surplus") {
      const s = this.problem.surplus[index] as SurplusLot;
      return (rows.surplusRow[index] as number) + t - s.months.first;
    }
    if (kind === "demand") {
      const d = this.problem.demand[index] as DemandLot;
      return (rows.demandRow[index] as number) + t - d.months.first;
    }
    return -1;
  }
}

/** "demand D1, D2 and 5 more" — short enough to read in a list. */
function listOf(noun: string, names: string[], shown = 3): string {
  const head = names.slice(0, shown).join(", ");
  return names.length > shown ? `${noun} ${head} and ${names.length - shown} more` : `${noun} ${head}`;
}
