// Small geometry helpers the writers share: projecting positions, ring orientation, bounds.
import type { OutputFeature } from "./vector-data";

export type Position = [x: number, y: number];
export type Project = (lon: number, lat: number) => Position;

/** A geometry with its positions mapped through `project` (heights dropped); GeometryCollections map each member. */
export function projectGeometry(geometry: NonNullable<OutputFeature["geometry"]>, project: Project): NonNullable<OutputFeature["geometry"]> {
  if (geometry.type === "GeometryCollection") {
    return { type: geometry.type, geometries: (geometry.geometries ?? []).map((member) => projectGeometry(member as NonNullable<OutputFeature["geometry"]>, project)) };
  }
  const walk = (value: unknown): unknown =>
    Array.isArray(value) && typeof value[0] === "number" ? project(value[0] as number, value[1] as number) : (value as unknown[]).map(walk);
  return { type: geometry.type, coordinates: walk(geometry.coordinates) };
}

/** Twice the signed area of a ring (shoelace): positive when counter-clockwise in x-east, y-north axes. */
export function signedArea2(ring: readonly Position[]): number {
  let sum = 0;
  for (let k = 0, j = ring.length - 1; k < ring.length; j = k++) sum += (ring[j]![0] - ring[k]![0]) * (ring[j]![1] + ring[k]![1]);
  return sum;
}

/** The ring turned to run clockwise (`clockwise`) or counter-clockwise; a closed ring stays closed. */
export function orientRing(ring: readonly Position[], clockwise: boolean): Position[] {
  const isClockwise = signedArea2(ring) < 0;
  return isClockwise === clockwise ? [...ring] : [...ring].reverse();
}

/** Polygons ([exterior, ...holes]) of a Polygon or MultiPolygon geometry. */
export const polygonsOf = (geometry: { type: string; coordinates?: unknown }): Position[][][] =>
  geometry.type === "Polygon" ? [geometry.coordinates as Position[][]] : (geometry.coordinates as Position[][][]);

/** Lines of a LineString or MultiLineString geometry. */
export const linesOf = (geometry: { type: string; coordinates?: unknown }): Position[][] =>
  geometry.type === "LineString" ? [geometry.coordinates as Position[]] : (geometry.coordinates as Position[][]);

/** Points of a Point or MultiPoint geometry. */
export const pointsOf = (geometry: { type: string; coordinates?: unknown }): Position[] =>
  geometry.type === "Point" ? [geometry.coordinates as Position] : (geometry.coordinates as Position[]);

export interface Bounds {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

export const emptyBounds = (): Bounds => ({ minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity });

export function extendBounds(bounds: Bounds, [x, y]: Position): Bounds {
  if (x < bounds.minX) bounds.minX = x;
  if (y < bounds.minY) bounds.minY = y;
  if (x > bounds.maxX) bounds.maxX = x;
  if (y > bounds.maxY) bounds.maxY = y;
  return bounds;
}

/** The geometry family a writer that keeps one geometry type per table or file puts a geometry in. */
export type GeometryFamily = "point" | "line" | "polygon";

export function familyOf(type: string | undefined): GeometryFamily | undefined {
  switch (type) {
    case "Point":
    case "MultiPoint":
      return "point";
    case "LineString":
    case "MultiLineString":
      return "line";
    case "Polygon":
    case "MultiPolygon":
      return "polygon";
    default:
      return undefined;
  }
}
