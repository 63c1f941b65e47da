import type { DistanceMatrix, HaulPoint } from "../haul/distance-matrix";
import { englishText, message, type Message } from "../messages/message";
import type { InstanceInput } from "./instance";

/** Measures a distance matrix (road, OSRM …); the caller decides how. */
export type MeasureDistances = (from: readonly HaulPoint[], to: readonly HaulPoint[]) => Promise<DistanceMatrix>;

/**
 * Adds measured distances to an instance for every arc the model can use (surplus, storage and
 * quarries to demand, storage and landfills), so its pairs become the only allowed arcs (DESIGN §7).
 * Unreachable pairs are left out, which forbids them; pairs beyond `maxHaulKm` too.
 */
export async function withMeasuredDistances(
  instance: InstanceInput,
  measure: MeasureDistances,
): Promise<{ instance: InstanceInput; warnings: string[]; warningDetails: Message[] }> {
  const located = <T extends { id: string; location?: [number, number] | undefined }>(items: readonly T[]) =>
    items.flatMap((item) => (item.location ? [{ id: item.id, location: item.location }] : []));
  const sites = instance.sites ?? [];
  const origins = located([
    ...instance.lots.filter((l) => l.direction === "surplus"),
    ...sites.filter((s) => s.kind === "storage" || s.kind === "quarry"),
  ]);
  const destinations = located([
    ...instance.lots.filter((l) => l.direction === "demand"),
    ...sites.filter((s) => s.kind === "storage" || s.kind === "landfill"),
  ]);
  const matrix = await measure(origins, destinations);
  const maxHaulKm = instance.parameters?.maxHaulKm ?? Infinity;
  const distances: NonNullable<InstanceInput["distances"]> = [];
  matrix.km.forEach((row, i) =>
    row.forEach((km, j) => {
      const from = matrix.from[i]!;
      const to = matrix.to[j]!;
      if (km !== null && from !== to && km <= maxHaulKm) distances.push({ from, to, km });
    }),
  );
  // The matrix's own warnings come from the road and OSRM readers, in English only.
  const warningDetails = matrix.warnings.map((detail) => message("haul.readerWarning", { detail }));
  if (matrix.unreachable.length > 0) warningDetails.push(message("haul.unconnectedPairs", { count: matrix.unreachable.length }));
  return { instance: { ...instance, distances }, warnings: warningDetails.map(englishText), warningDetails };
}
