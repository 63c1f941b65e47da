/**
 * Delivered flows (issue 16 item 2): live loads summed per (from, to) pair, for drawing what
 * happened beside what was planned. Pure.
 */
import type { Material } from "../domain/materials";
import type { LoadFlow } from "./api";
import { endpointKey, type Load, type LoadEndpoint } from "./load";

/** The instant of a load's time (it carries its offset), ms since the epoch. */
const instantOf = (time: string): number => Date.parse(time);

/**
 * The live loads (deleted ones left out) summed per (from, to): tonnes, number of loads, and the
 * earliest and latest time as written. `materialOf` names a lot's material; a flow's material is
 * that of the lot it comes from, else the lot it goes to, null between two sites. Heaviest first;
 * ties by from and to, so the order is stable.
 */
export function loadFlows(loads: readonly Load[], materialOf: (lotId: string) => Material | undefined): LoadFlow[] {
  const byPair = new Map<string, { flow: LoadFlow; firstMs: number; lastMs: number }>();
  for (const load of loads) {
    if (load.deletedAt !== null) continue;
    const key = `${endpointKey(load.from)}|${endpointKey(load.to)}`;
    const at = instantOf(load.time);
    const entry = byPair.get(key);
    if (!entry) {
      const flow = { from: load.from, to: load.to, material: materialAt(load.from, load.to, materialOf), tonnes: load.tonnes, loads: 1, firstTime: load.time, lastTime: load.time };
      byPair.set(key, { flow, firstMs: at, lastMs: at });
      continue;
    }
    entry.flow.tonnes += load.tonnes;
    entry.flow.loads += 1;
    if (at < entry.firstMs) [entry.firstMs, entry.flow.firstTime] = [at, load.time];
    if (at > entry.lastMs) [entry.lastMs, entry.flow.lastTime] = [at, load.time];
  }
  return [...byPair.entries()].sort(([keyA, a], [keyB, b]) => b.flow.tonnes - a.flow.tonnes || keyA.localeCompare(keyB)).map(([, entry]) => entry.flow);
}

function materialAt(from: LoadEndpoint, to: LoadEndpoint, materialOf: (lotId: string) => Material | undefined): Material | null {
  return ("lotId" in from ? materialOf(from.lotId) : undefined) ?? ("lotId" in to ? materialOf(to.lotId) : undefined) ?? null;
}
