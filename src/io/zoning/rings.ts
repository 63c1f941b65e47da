import type { PlanePosition } from "./arc";

/** A boundary piece of a ring: a curve's positions in ring order, and how to name it in messages. */
export interface RingPiece {
  label: string;
  positions: PlanePosition[];
}

const gap = (a: PlanePosition, b: PlanePosition) => Math.hypot(a[0] - b[0], a[1] - b[1]);

const formatPosition = ([east, north]: PlanePosition) => `N ${north.toFixed(2)} E ${east.toFixed(2)}`;

/** Twice the signed area in the plane: > 0 for a counter-clockwise ring (east right, north up). */
export function signedArea2(ring: readonly PlanePosition[]): number {
  let sum = 0;
  for (let k = 0; k + 1 < ring.length; k++) sum += ring[k]![0] * ring[k + 1]![1] - ring[k + 1]![0] * ring[k]![1];
  return sum;
}

/** The ring turned to the wanted orientation (RFC 7946: exterior counter-clockwise, holes clockwise). */
export function oriented(ring: PlanePosition[], counterClockwise: boolean): PlanePosition[] {
  return signedArea2(ring) > 0 === counterClockwise ? ring : ring.slice().reverse();
}

/**
 * Joins boundary pieces into one closed ring. Pieces are taken in the order given, but a piece
 * that does not continue the ring is looked for among the rest, and a piece that meets the ring
 * by its far end is turned around: files in the wild get the order or the sign of a reference
 * wrong more often than the geometry. Ends within `toleranceM` count as joined (SOSI shares node
 * coordinates exactly; the tolerance absorbs unit rounding). Fails, naming the pieces, on a gap,
 * on pieces left over after the ring closes, or on a ring without area.
 */
export function chainRing(pieces: readonly RingPiece[], toleranceM: number): { ok: true; ring: PlanePosition[] } | { ok: false; problem: string } {
  if (pieces.length === 0) return { ok: false, problem: "the ring has no curves" };
  const remaining = pieces.slice(1);
  const first = pieces[0]!;
  const ring: PlanePosition[] = first.positions.slice();
  let last = first;
  while (remaining.length > 0) {
    const end = ring[ring.length - 1]!;
    if (ring.length > 3 && gap(end, ring[0]!) <= toleranceM) {
      return { ok: false, problem: `the ring closes before ${remaining.map((piece) => piece.label).join(" ")}: those curves are left over` };
    }
    let found = -1;
    let reversed = false;
    for (let k = 0; k < remaining.length && found < 0; k++) {
      const candidate = remaining[k]!.positions;
      if (gap(candidate[0]!, end) <= toleranceM) found = k;
      else if (gap(candidate[candidate.length - 1]!, end) <= toleranceM) {
        found = k;
        reversed = true;
      }
    }
    if (found < 0) {
      const next = remaining[0]!;
      return {
        ok: false,
        problem: `the ring is not closed: ${last.label} ends at ${formatPosition(end)}, but no remaining curve starts there (${next.label} starts ${gap(next.positions[0]!, end).toFixed(2)} m away)`,
      };
    }
    const piece = remaining.splice(found, 1)[0]!;
    const positions = reversed ? piece.positions.slice().reverse() : piece.positions;
    ring.push(...positions.slice(1));
    last = piece;
  }
  const closing = gap(ring[ring.length - 1]!, ring[0]!);
  if (closing > toleranceM) {
    return { ok: false, problem: `the ring is not closed: it ends ${closing.toFixed(2)} m from where it starts (${formatPosition(ring[0]!)})` };
  }
  ring[ring.length - 1] = ring[0]!;
  if (ring.length < 4 || Math.abs(signedArea2(ring)) < toleranceM * toleranceM) {
    return { ok: false, problem: "the ring has no area (fewer than three distinct corners)" };
  }
  return { ok: true, ring };
}
