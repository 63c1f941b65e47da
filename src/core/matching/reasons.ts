import { demandTakes, Kind, landfillTakes, quarryMaterialFor, storageTakes, type BuiltModel } from "./build-model";
import { tonnesTolerance } from "./plan";
import type { DemandLot, Problem, SurplusLot } from "./problem";
import type { Unplaced } from "./result";
import { englishText, message, type Message, type NameList } from "../messages/message";

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
    if (byMonth) result.push(context.entry(s, "surplus", byMonth, (t) => context.surplusReason(s, t, arcs.get(`${s.node}:${t}`) ?? [])));
  }
  for (const d of problem.demand) {
    const byMonth = unplaced.get(d.node);
    if (byMonth) result.push(context.entry(d, "demand", byMonth, (t) => context.demandReason(d, t, arcs.get(`${d.node}:${t}`) ?? [])));
  }
  return result;
}

/**
 * A reason for one month. Reasons that name their months carry `months: []`, filled with the month
 * ranges once equal reasons of several months are grouped.
 */
type Reason = Message;

const withMonths = (reason: Reason, months: readonly string[]): Reason =>
  "months" in reason.params ? { key: reason.key, params: { ...reason.params, months } } : reason;

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
    const groups = new Map<string, { reason: Reason; months: number[] }>();
    for (const t of monthsSorted) {
      const reason = reasonAt(t);
      const id = JSON.stringify(reason);
      const group = groups.get(id) ?? { reason, months: [] };
      group.months.push(t);
      groups.set(id, group);
    }
    const reasonDetails = [...groups.values()].map(({ reason, months }) => withMonths(reason, this.monthRanges(months)));
    return {
      lotId: lot.id,
      direction,
      tonnes: monthsSorted.reduce((sum, t) => sum + (byMonth.get(t) as number), 0),
      months: monthsSorted.map((t) => this.problem.months[t] as string),
      reason: reasonDetails.map(englishText).join("; "),
      reasonDetails,
    };
  }

  /** Month indices as ranges: ["2027-03–2027-05", "2027-08"]. */
  private monthRanges(ts: number[]): string[] {
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
    return parts;
  }

  private nearest(candidates: { place: Message; km: number | undefined }[]): Message {
    const known = candidates.filter((c): c is { place: Message; km: number } => c.km !== undefined);
    if (known.length === 0) return message("unplaced.noDistance");
    const best = known.reduce((a, b) => (b.km < a.km ? b : a));
    return message("unplaced.nearest", { place: best.place, km: best.km });
  }

  surplusReason(s: SurplusLot, t: number, arcs: number[]): Reason {
    const { problem } = this;
    const mass = s.hazardous
      ? message("mass.hazardous", { material: s.material })
      : message("mass.ofClass", { material: s.material, class: s.contaminationClass });
    const receivers = s.hazardous
      ? problem.landfills
          .filter((l) => landfillTakes(l, s.material, s.contaminationClass, true))
          .map((l) => ({ place: message("place.landfill", { name: l.label }), node: l.node }))
      : [
          ...problem.demand
            .filter((d) => demandTakes(d, s.material, s.contaminationClass))
            .map((d) => ({ place: message("place.demand", { name: d.id }), node: d.node })),
          ...problem.storage.filter((j) => storageTakes(j, s)).map((j) => ({ place: message("place.storage", { name: j.label }), node: j.node })),
          ...problem.landfills
            .filter((l) => landfillTakes(l, s.material, s.contaminationClass, false))
            .map((l) => ({ place: message("place.landfill", { name: l.label }), node: l.node })),
        ];
    if (receivers.length === 0) return s.hazardous ? message("unplaced.noHazardousLandfill", { mass }) : message("unplaced.noReceiver", { mass });
    const withKm = receivers.map((r) => ({ ...r, km: problem.km(s.node, r.node) }));
    const maxKm = this.maxKm;
    if (!withKm.some((r) => r.km !== undefined && r.km <= maxKm)) return message("unplaced.noReceiverWithin", { mass, maxKm, nearest: this.nearest(withKm) });
    if (arcs.length === 0) return message("unplaced.noReceiverInMonths", { mass, maxKm, months: [] });
    const causes = this.bindingFor(arcs, t);
    if (causes.length === 0) return this.penaltyReason();
    return message("unplaced.receiversTaken", { maxKm, months: [], causes });
  }

  demandReason(d: DemandLot, t: number, arcs: number[]): Reason {
    const { problem } = this;
    const mass =
      d.worstClass === 1
        ? message("mass.demandClass1", { materials: d.acceptedMaterials })
        : message("mass.demandUpTo", { materials: d.acceptedMaterials, class: d.worstClass });
    const sources = [
      ...problem.surplus
        .filter((s) => !s.hazardous && demandTakes(d, s.material, s.contaminationClass))
        .map((s) => ({ place: message("place.surplus", { name: s.id }), node: s.node })),
      ...problem.storage
        .filter((j) => d.acceptedMaterials.some((m) => j.materials.has(m)))
        .map((j) => ({ place: message("place.storage", { name: j.label }), node: j.node })),
      ...problem.quarries.filter((r) => quarryMaterialFor(r, d)).map((r) => ({ place: message("place.quarry", { name: r.label }), node: r.node })),
    ];
    if (sources.length === 0) return message("unplaced.noSource", { mass });
    const withKm = sources.map((r) => ({ ...r, km: problem.km(r.node, d.node) }));
    const maxKm = this.maxKm;
    if (!withKm.some((r) => r.km !== undefined && r.km <= maxKm)) return message("unplaced.noSourceWithin", { mass, maxKm, nearest: this.nearest(withKm) });
    if (arcs.length === 0) return message("unplaced.noSourceInMonths", { mass, maxKm, months: [] });
    const causes = this.bindingFor(arcs, t);
    if (causes.length === 0) return this.penaltyReason();
    return message("unplaced.sourcesUsedUp", { maxKm, months: [], causes });
  }

  private penaltyReason(): Reason {
    const { parameters } = this.problem;
    const penalty = parameters.unplacedPenaltyPerTonne;
    return parameters.objective === "co2"
      ? message("unplaced.penaltyCheaperCo2", { months: [], penalty })
      : message("unplaced.penaltyCheaper", { months: [], penalty });
  }

  /** The binding constraint at the far end of each arc; one phrase per site or lot. */
  private bindingFor(arcs: number[], t: number): Message[] {
    const { columns, rows } = this.built;
    const { colValue, rowValue } = this.solved;
    const met = new Set<string>();
    const usedUp = new Set<string>();
    const storageFull = new Map<string, string>();
    const storageEmpty = new Map<string, string | Message>();
    const landfillFull = new Map<string, Message>();
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
        if (l && row >= 0 && full(row, l.capacityTonnes ?? Infinity)) {
          landfillFull.set(l.label, message("cause.landfillFull", { site: l.label, capacityTonnes: l.capacityTonnes ?? 0 }));
        }
      } else if (kind === Kind.from_storage) {
        const site = this.byNode.get(columns.from[c] as number);
        const j = site && this.problem.storage[site.index];
        if (!site || !j) continue;
        // An empty store is often the echo of an earlier full one: say when it was full.
        let fullIn: string | undefined;
        for (let m = j.open.first; m <= t && !fullIn; m++) {
          if (full((rows.capacityRow[site.index] as number) + m - j.open.first, j.capacityTonnes)) fullIn = this.problem.months[m];
        }
        storageEmpty.set(j.label, fullIn ? message("cause.storageFullEarlier", { site: j.label, month: fullIn }) : j.label);
      }
    }
    const causes: Message[] = [];
    if (met.size) causes.push(message("cause.demandMet", { lots: firstFew([...met]) }));
    if (usedUp.size) causes.push(message(usedUp.size === 1 ? "cause.surplusUsedUp" : "cause.surplusesUsedUp", { lots: firstFew([...usedUp]) }));
    const fullSites = [...storageFull];
    for (const [site, month] of fullSites.slice(0, 3)) causes.push(message("cause.storageFull", { site, month }));
    if (fullSites.length > 3) causes.push(message("cause.moreStorageFull", { count: fullSites.length - 3 }));
    causes.push(...landfillFull.values());
    if (storageEmpty.size) {
      causes.push(message(storageEmpty.size === 1 ? "cause.storageHoldsNone" : "cause.storagesHoldNone", { sites: firstFew([...storageEmpty.values()]) }));
    }
    return causes;
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

/** The first few names of a list and how many more there are: "demand D1, D2, D3 and 5 more". */
function firstFew<T extends string | Message>(names: T[], shown = 3): NameList {
  return { items: names.slice(0, shown), more: Math.max(0, names.length - shown) };
}
