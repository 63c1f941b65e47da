import { arcThroughPoints, defaultArcToleranceM, type PlanePosition } from "./arc";
import { chainRing, oriented, type RingPiece } from "./rings";
import { childrenNamed, objectPositions, type SosiDocument, type SosiObject } from "./sosi-reader";

/** A polygon in the file's CRS: exterior counter-clockwise, holes clockwise, rings closed. */
export interface PlanePolygon {
  exterior: PlanePosition[];
  holes: PlanePosition[][];
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; problem: string };

/** A reference in `..REF`: `:12`, or `:-12` for the curve walked backwards. */
interface CurveRef {
  serial: number;
  reversed: boolean;
}

/** `..REF :1 :-2 (:3 :4) (:5)`: the exterior references and one list per island (hole). */
export function parseRefs(values: readonly string[]): Outcome<{ exterior: CurveRef[]; islands: CurveRef[][] }> {
  const text = values.join(" ");
  const exterior: CurveRef[] = [];
  const islands: CurveRef[][] = [];
  let island: CurveRef[] | undefined;
  for (const match of text.matchAll(/\(|\)|:\s*(-?)\s*(\d+)|(\S)/g)) {
    const [token, minus, digits, other] = match;
    if (other !== undefined) return { ok: false, problem: `..REF has "${other}" where a reference such as :12 was expected` };
    if (token === "(") {
      if (island) return { ok: false, problem: "..REF opens an island inside an island" };
      island = [];
    } else if (token === ")") {
      if (!island) return { ok: false, problem: "..REF closes an island it never opened" };
      islands.push(island);
      island = undefined;
    } else {
      (island ?? exterior).push({ serial: Number(digits), reversed: minus === "-" });
    }
  }
  if (island) return { ok: false, problem: "..REF leaves an island open (a missing \")\")" };
  return { ok: true, value: { exterior, islands } };
}

const curveKinds = new Set(["KURVE", "LINJE", "BUEP", "SIRKELP"]);

export interface SosiGeometryOptions {
  /** Largest gap between an arc and its chords, metres (default 0.05). */
  arcToleranceM?: number;
}

/**
 * Builds curves and areas of one SOSI document on demand, each once: `.KURVE`/`.LINJE` as they
 * are, `.BUEP` (arc through three points) and `.SIRKELP` (circle through three points) as
 * polylines, `.FLATE` from its `..REF` curves. Positions are in the file's CRS.
 */
export class SosiGeometryBuilder {
  private readonly curves = new Map<number, Outcome<PlanePosition[]>>();
  private readonly polygons = new Map<number, Outcome<PlanePolygon>>();
  private readonly building = new Set<number>();
  private readonly arcToleranceM: number;
  /** Two positions closer than this are the same node: one coordinate unit. */
  readonly joinToleranceM: number;

  constructor(
    private readonly document: SosiDocument,
    { arcToleranceM = defaultArcToleranceM }: SosiGeometryOptions = {},
  ) {
    this.arcToleranceM = arcToleranceM;
    this.joinToleranceM = document.header.unit * 1.01;
  }

  /** The positions of a curve object: KURVE, LINJE, BUEP or SIRKELP. */
  curve(object: SosiObject): Outcome<PlanePosition[]> {
    const cached = object.serial === undefined ? undefined : this.curves.get(object.serial);
    if (cached) return cached;
    const outcome = this.buildCurve(object);
    if (object.serial !== undefined) this.curves.set(object.serial, outcome);
    return outcome;
  }

  private buildCurve(object: SosiObject): Outcome<PlanePosition[]> {
    if (!curveKinds.has(object.kind)) return { ok: false, problem: `${object.label} is not a curve (KURVE, LINJE, BUEP or SIRKELP)` };
    const read = objectPositions(object, this.document.header);
    if (!read.ok) return { ok: false, problem: `${object.label}: ${read.problem}` };
    const positions = read.positions;
    if (object.kind === "BUEP" || object.kind === "SIRKELP") {
      if (positions.length !== 3) return { ok: false, problem: `${object.label} has ${positions.length} positions; an arc through points needs exactly 3` };
      const [a, b, c] = positions as [PlanePosition, PlanePosition, PlanePosition];
      return { ok: true, value: arcThroughPoints(a, b, c, { toleranceM: this.arcToleranceM, fullCircle: object.kind === "SIRKELP" }) };
    }
    if (positions.length < 2) return { ok: false, problem: `${object.label} has ${positions.length} position(s); a curve needs at least 2` };
    return { ok: true, value: positions };
  }

  /** The polygon of a `.FLATE` object: its exterior from `..REF`, an island per parenthesis. */
  polygon(object: SosiObject): Outcome<PlanePolygon> {
    const serial = object.serial;
    const cached = serial === undefined ? undefined : this.polygons.get(serial);
    if (cached) return cached;
    if (serial !== undefined && this.building.has(serial)) return { ok: false, problem: `${object.label} refers to itself through its islands` };
    if (serial !== undefined) this.building.add(serial);
    const outcome = this.buildPolygon(object);
    if (serial !== undefined) {
      this.building.delete(serial);
      this.polygons.set(serial, outcome);
    }
    return outcome;
  }

  private buildPolygon(object: SosiObject): Outcome<PlanePolygon> {
    const refElements = childrenNamed(object.element, "REF");
    if (refElements.length === 0) return { ok: false, problem: "has no ..REF to boundary curves" };
    const refs = parseRefs(refElements.flatMap((element) => element.values));
    if (!refs.ok) return refs;
    if (refs.value.exterior.length === 0) return { ok: false, problem: "..REF names no exterior boundary (only islands)" };

    const pieces = (list: CurveRef[]): Outcome<RingPiece[]> => {
      const result: RingPiece[] = [];
      for (const ref of list) {
        const label = `:${ref.reversed ? "-" : ""}${ref.serial}`;
        const target = this.document.bySerial.get(ref.serial);
        if (!target) return { ok: false, problem: `broken reference ${label}: the file has no object with serial number ${ref.serial}` };
        const curve = this.curve(target);
        if (!curve.ok) return { ok: false, problem: `reference ${label}: ${curve.problem}` };
        result.push({ label, positions: ref.reversed ? curve.value.slice().reverse() : curve.value });
      }
      return { ok: true, value: result };
    };

    const exteriorPieces = pieces(refs.value.exterior);
    if (!exteriorPieces.ok) return exteriorPieces;
    const exterior = chainRing(exteriorPieces.value, this.joinToleranceM);
    if (!exterior.ok) return { ok: false, problem: `exterior: ${exterior.problem}` };

    const holes: PlanePosition[][] = [];
    for (const [k, island] of refs.value.islands.entries()) {
      // SOSI lets an island be another .FLATE: `(:500)` then means that area's exterior.
      const only = island.length === 1 ? this.document.bySerial.get(island[0]!.serial) : undefined;
      if (only?.kind === "FLATE") {
        const inner = this.polygon(only);
        if (!inner.ok) return { ok: false, problem: `island ${k + 1} (${only.label}): ${inner.problem}` };
        holes.push(oriented(inner.value.exterior, false));
        continue;
      }
      const islandPieces = pieces(island);
      if (!islandPieces.ok) return { ok: false, problem: `island ${k + 1}: ${islandPieces.problem}` };
      const ring = chainRing(islandPieces.value, this.joinToleranceM);
      if (!ring.ok) return { ok: false, problem: `island ${k + 1}: ${ring.problem}` };
      holes.push(oriented(ring.ring, false));
    }
    return { ok: true, value: { exterior: oriented(exterior.ring, true), holes } };
  }
}
