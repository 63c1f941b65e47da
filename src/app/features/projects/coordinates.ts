/**
 * Coordinates as an engineer types them: WGS84 degrees (lon, lat) or EPSG:25832 metres (east,
 * north — Asker's own system, ETRS89 / UTM zone 32N). Pure: converts with core's projections and checks the
 * numbers, with hints at the usual mistakes (swapped lat/lon, UTM metres typed as degrees).
 */
import type { LonLat } from "../../../core/geo/geometry";
import { norwayLocationIssue } from "../../../core/geo/norway";
import { projectedXY, projectToUtm, unprojectFromUtm, wgs84, type Wgs84 } from "../../../core/geo/projections";
import type { MessageKey } from "../../i18n/i18n";
import { parseTypedNumber } from "./typed-number";

export { parseTypedNumber };

/** The coordinate systems the form offers. */
export const formCrsList = ["EPSG:4326", "EPSG:25832"] as const;
export type FormCrs = (typeof formCrsList)[number];

/** A WGS84 lon/lat from coordinates in `crs` (x = lon or east, y = lat or north). */
export function toWgs84(crs: FormCrs, x: number, y: number): Wgs84 {
  return crs === "EPSG:4326" ? wgs84(x, y) : unprojectFromUtm(projectedXY(crs, x, y), crs);
}

/** Coordinates in `crs` from a WGS84 lon/lat. */
export function fromWgs84(crs: FormCrs, [lon, lat]: LonLat): readonly [x: number, y: number] {
  return crs === "EPSG:4326" ? [lon, lat] : projectToUtm(wgs84(lon, lat), crs);
}

/** Text for the inputs: 6 decimals of a degree (about 0.1 m), whole metres in UTM. */
export function formatCoordinate(crs: FormCrs, value: number): string {
  return crs === "EPSG:4326" ? value.toFixed(6) : value.toFixed(0);
}

/** The input texts for a WGS84 position shown in `crs`. */
export function coordinateTexts(crs: FormCrs, lonLat: LonLat): { x: string; y: string } {
  const [x, y] = fromWgs84(crs, lonLat);
  return { x: formatCoordinate(crs, x), y: formatCoordinate(crs, y) };
}

/** A fix the form can offer with one click. */
export type CoordinateFix = { kind: "swap" } | { kind: "useCrs"; crs: FormCrs };

export interface CoordinateHint {
  key: MessageKey;
  fix?: CoordinateFix;
}

export type CoordinateCheck =
  | { ok: true; lonLat: Wgs84 }
  | {
      ok: false;
      /** Problems of each input ("x" = lon/east, "y" = lat/north) and of the position as a whole. */
      errors: Partial<Record<"x" | "y" | "position", MessageKey>>;
      hint?: CoordinateHint;
    };

const inNorway = ([lon, lat]: LonLat) => norwayLocationIssue(lon, lat) === undefined;

/** Plausible EPSG:25832 metres for Norway: east about −100 km … 1 200 km, north 6 400 … 7 950 km. */
const looksLikeUtm = (x: number, y: number) => x >= -100_000 && x <= 1_200_000 && y >= 6_400_000 && y <= 7_950_000;
const looksLikeDegrees = (x: number, y: number) => Math.abs(x) <= 180 && Math.abs(y) <= 90;

/**
 * Checks typed coordinates in `crs`: both numbers present and in range, and the position in
 * Norway. When it is not, says what the numbers look like instead and offers the fix.
 */
export function checkCoordinates(crs: FormCrs, xText: string, yText: string): CoordinateCheck {
  const x = parseTypedNumber(xText);
  const y = parseTypedNumber(yText);
  const errors: Partial<Record<"x" | "y" | "position", MessageKey>> = {};
  if (x === undefined) errors.x = xText.trim() === "" ? "coords.required" : "coords.notNumber";
  if (y === undefined) errors.y = yText.trim() === "" ? "coords.required" : "coords.notNumber";
  if (x === undefined || y === undefined) return { ok: false, errors };

  if (crs === "EPSG:4326") {
    if (looksLikeUtm(x, y) && inNorway(toWgs84("EPSG:25832", x, y))) {
      return { ok: false, errors: { position: "coords.outsideNorway" }, hint: { key: "coords.hint.utmAsDegrees", fix: { kind: "useCrs", crs: "EPSG:25832" } } };
    }
    if (looksLikeUtm(y, x) && inNorway(toWgs84("EPSG:25832", y, x))) {
      return { ok: false, errors: { position: "coords.outsideNorway" }, hint: { key: "coords.hint.utmAsDegrees", fix: { kind: "useCrs", crs: "EPSG:25832" } } };
    }
    if (Math.abs(x) > 180) errors.x = "coords.lonRange";
    if (Math.abs(y) > 90) errors.y = "coords.latRange";
    if (errors.x || errors.y) return { ok: false, errors };
    if (inNorway([x, y])) return { ok: true, lonLat: wgs84(x, y) };
    if (inNorway([y, x])) return { ok: false, errors: { position: "coords.outsideNorway" }, hint: { key: "coords.hint.swappedLonLat", fix: { kind: "swap" } } };
    return { ok: false, errors: { position: "coords.outsideNorway" } };
  }

  // EPSG:25832
  if (looksLikeDegrees(x, y)) {
    const fix: CoordinateFix = { kind: "useCrs", crs: "EPSG:4326" };
    if (inNorway([x, y]) || inNorway([y, x])) return { ok: false, errors: { position: "coords.outsideNorway" }, hint: { key: "coords.hint.degreesAsUtm", fix } };
  }
  if (!looksLikeUtm(x, y) && looksLikeUtm(y, x)) {
    return { ok: false, errors: { position: "coords.outsideNorway" }, hint: { key: "coords.hint.swappedEastNorth", fix: { kind: "swap" } } };
  }
  if (x < -1_000_000 || x > 2_000_000) errors.x = "coords.eastRange";
  if (y < 0 || y > 9_400_000) errors.y = "coords.northRange";
  if (errors.x || errors.y) return { ok: false, errors };
  const lonLat = toWgs84(crs, x, y);
  if (inNorway(lonLat)) return { ok: true, lonLat };
  return { ok: false, errors: { position: "coords.outsideNorway" } };
}

/**
 * The texts after switching the coordinate system: a valid position is converted (it stays
 * where it is); numbers that do not make a valid position are kept as typed, since the user is
 * most likely saying what system they were typed in.
 */
export function textsForCrsChange(from: FormCrs, to: FormCrs, xText: string, yText: string): { x: string; y: string } {
  if (from === to) return { x: xText, y: yText };
  const check = checkCoordinates(from, xText, yText);
  return check.ok ? coordinateTexts(to, check.lonLat) : { x: xText, y: yText };
}
