/** A position in a projected CRS: [east, north] metres. */
export type PlanePosition = [east: number, north: number];

/** Largest distance between an arc and its chords, metres: well under plan-map accuracy (≈ 0.1–1 m). */
export const defaultArcToleranceM = 0.05;

/**
 * The circular arc from `start` through `middle` to `end` (SOSI `.BUEP`, GML `gml:Arc`) as a
 * polyline whose chords stay within `toleranceM` of the arc. Starts and ends exactly at `start` and
 * `end`, so arcs join their neighbours in a ring; collinear points give the straight line.
 * Computed in the projected plane, where the arc is defined.
 */
export function arcThroughPoints(
  start: PlanePosition,
  middle: PlanePosition,
  end: PlanePosition,
  { toleranceM = defaultArcToleranceM, maxSegments = 720, fullCircle = false }: { toleranceM?: number; maxSegments?: number; fullCircle?: boolean } = {},
): PlanePosition[] {
  const [ax, ay] = start;
  // Relative to the start point, for precision with UTM-sized coordinates.
  const bxr = middle[0] - ax;
  const byr = middle[1] - ay;
  const cxr = end[0] - ax;
  const cyr = end[1] - ay;
  const dr = 2 * (bxr * cyr - byr * cxr);
  const span = Math.max(Math.hypot(bxr, byr), Math.hypot(cxr, cyr), Math.hypot(cxr - bxr, cyr - byr));
  // Collinear or coincident points have no circle (a radius of thousands of spans is a line).
  if (span === 0 || Math.abs(dr) <= 1e-9 * span * span) return fullCircle ? [start, middle, start] : [start, middle, end];
  const ux = (cyr * (bxr * bxr + byr * byr) - byr * (cxr * cxr + cyr * cyr)) / dr;
  const uy = (bxr * (cxr * cxr + cyr * cyr) - cxr * (bxr * bxr + byr * byr)) / dr;
  const centreX = ax + ux;
  const centreY = ay + uy;
  const radius = Math.hypot(ux, uy);
  const angleOf = (x: number, y: number) => Math.atan2(y - centreY, x - centreX);
  const a0 = angleOf(ax, ay);
  const counterClockwise = dr > 0;
  const turn = (angle: number) => {
    // Angle swept from a0 to `angle` in the arc's direction, in [0, 2π).
    const delta = counterClockwise ? angle - a0 : a0 - angle;
    return ((delta % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI);
  };
  const sweep = fullCircle ? 2 * Math.PI : turn(angleOf(end[0], end[1]));
  const stepMax = toleranceM >= radius ? Math.PI / 2 : 2 * Math.acos(1 - toleranceM / radius);
  const segments = Math.min(maxSegments, Math.max(2, Math.ceil(sweep / stepMax)));
  const positions: PlanePosition[] = [start];
  for (let k = 1; k < segments; k++) {
    const angle = a0 + (counterClockwise ? 1 : -1) * (sweep * k) / segments;
    positions.push([centreX + radius * Math.cos(angle), centreY + radius * Math.sin(angle)]);
  }
  positions.push(fullCircle ? start : end);
  return positions;
}
