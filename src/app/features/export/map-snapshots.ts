/**
 * The compare maps on screen register how to take a picture of themselves here, per scenario, so
 * the PDF can include the map as drawn. Module state, not store state: it holds functions over
 * live canvases, which never belong in a store.
 */
import type { MapImage } from "./report-model";

const snapshots = new Map<string, () => MapImage>();

export function setMapSnapshot(scenarioId: string, snapshot: (() => MapImage) | null): void {
  if (snapshot) snapshots.set(scenarioId, snapshot);
  else snapshots.delete(scenarioId);
}

/** Pictures of the maps of these scenarios that are on screen now (a failing canvas is left out). */
export function mapSnapshots(scenarioIds: readonly string[]): Map<string, MapImage> {
  const images = new Map<string, MapImage>();
  for (const id of scenarioIds) {
    const take = snapshots.get(id);
    if (!take) continue;
    try {
      images.set(id, take());
    } catch {
      // A tainted or lost canvas: the report goes without that map.
    }
  }
  return images;
}
