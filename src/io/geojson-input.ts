import { parseBoundedJson } from "../core/domain/input-bounds";
import { converterFor, guessProjectedCrs, type Wgs84Converter } from "./crs";

/** A GeoJSON feature as read from a file, before any checks beyond its outline. */
export interface InputFeature {
  type: "Feature";
  id?: string | number;
  properties: Record<string, unknown> | null;
  geometry: InputGeometry | null;
}

export interface InputGeometry {
  type: string;
  coordinates?: unknown;
  geometries?: InputGeometry[];
}

/** A result with warnings, or the one problem that stops the read, prefixed with the file's name. */
export type ReadOutcome<T> = { ok: true; value: T; warnings: string[] } | { ok: false; problem: string };

export interface GeoJsonReadOptions {
  /** The file name or label used in messages. */
  source: string;
  /** The CRS of the coordinates when the file does not say (or to override what it says), e.g. "EPSG:25832". */
  crs?: string;
  /** How the user passes `crs`, for messages: "--crs" on the command line. */
  crsFlag?: string;
}

/** Parses GeoJSON text; a syntax error is a problem naming the file. */
export function parseJsonText(text: string, source: string): ReadOutcome<unknown> {
  // Nesting is bounded before parsing, so no later step can recurse its way into a stack overflow.
  const parsed = parseBoundedJson(text);
  if (parsed.ok) return { ok: true, value: parsed.value, warnings: [] };
  return {
    ok: false,
    problem: parsed.code === "too_deep" ? `${source}: ${parsed.message}` : `${source}: not valid JSON (${parsed.message.replace(/^The JSON is not valid: /, "")}).`,
  };
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** The `crs` member of old (2008) GeoJSON, which RFC 7946 dropped but QGIS and ogr2ogr still write. */
function declaredCrs(json: Record<string, unknown>): string | undefined {
  const crs = json.crs;
  if (!isObject(crs) || !isObject(crs.properties)) return undefined;
  const name = crs.properties.name;
  return typeof name === "string" ? name : undefined;
}

/** Visits every position of a geometry (any type); stops at the first that is not numbers. */
function forEachPosition(geometry: InputGeometry, visit: (position: number[]) => void): boolean {
  if (geometry.type === "GeometryCollection") return (geometry.geometries ?? []).every((g) => forEachPosition(g, visit));
  const walk = (value: unknown): boolean => {
    if (!Array.isArray(value)) return false;
    if (value.length > 0 && typeof value[0] === "number") {
      if (value.length < 2 || !value.every((n) => typeof n === "number" && Number.isFinite(n))) return false;
      visit(value as number[]);
      return true;
    }
    return value.every(walk);
  };
  return walk(geometry.coordinates);
}

function mapGeometry(geometry: InputGeometry, convert: Wgs84Converter): InputGeometry {
  if (geometry.type === "GeometryCollection") return { ...geometry, geometries: (geometry.geometries ?? []).map((g) => mapGeometry(g, convert)) };
  const walk = (value: unknown): unknown =>
    Array.isArray(value) && typeof value[0] === "number" ? convert(value[0] as number, value[1] as number) : (value as unknown[]).map(walk);
  return { type: geometry.type, coordinates: walk(geometry.coordinates) };
}

/**
 * The features of a GeoJSON FeatureCollection (or single Feature) in WGS84 degrees. The CRS is
 * the `crs` option, else the file's `crs` member, else EPSG:4326; coordinates that cannot be
 * degrees are refused with a guess at their real CRS and the option to pass ("coordinates look
 * like EPSG:25832 metres; pass --crs EPSG:25832"), never silently misplaced. Heights are dropped.
 */
export function featuresInWgs84(json: unknown, { source, crs, crsFlag = "--crs" }: GeoJsonReadOptions): ReadOutcome<InputFeature[]> {
  if (!isObject(json) || (json.type !== "FeatureCollection" && json.type !== "Feature")) {
    const found = isObject(json) && typeof json.type === "string" ? `type "${json.type}"` : Array.isArray(json) ? "an array" : typeof json;
    return { ok: false, problem: `${source}: not a GeoJSON FeatureCollection or Feature (found ${found}).` };
  }
  const raw = json.type === "Feature" ? [json] : json.features;
  if (!Array.isArray(raw)) return { ok: false, problem: `${source}: the FeatureCollection has no "features" array.` };
  const warnings: string[] = [];
  const declared = declaredCrs(json);
  const crsName = crs ?? declared;
  if (crs && declared && crs !== declared) warnings.push(`${source}: the file says its CRS is ${declared}; ${crs} was used as asked.`);

  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const features: InputFeature[] = [];
  for (let index = 0; index < raw.length; index++) {
    const feature: unknown = raw[index];
    if (!isObject(feature) || feature.type !== "Feature") {
      return { ok: false, problem: `${source}: feature ${index}: not a GeoJSON Feature (its "type" must be "Feature").` };
    }
    const geometry = feature.geometry;
    if (geometry !== null && geometry !== undefined && (!isObject(geometry) || typeof geometry.type !== "string")) {
      return { ok: false, problem: `${source}: feature ${index}: geometry is not a GeoJSON geometry (it needs a "type").` };
    }
    if (geometry) {
      const ok = forEachPosition(geometry as unknown as InputGeometry, ([x, y]) => {
        if (x! < minX) minX = x!;
        if (x! > maxX) maxX = x!;
        if (y! < minY) minY = y!;
        if (y! > maxY) maxY = y!;
      });
      if (!ok) return { ok: false, problem: `${source}: feature ${index}: geometry.coordinates holds a position that is not [x, y] numbers.` };
    }
    features.push({
      type: "Feature",
      ...(typeof feature.id === "string" || typeof feature.id === "number" ? { id: feature.id } : {}),
      properties: isObject(feature.properties) ? feature.properties : null,
      geometry: (geometry as InputGeometry | undefined) ?? null,
    });
  }

  const looksLikeDegrees = minX === Infinity || (minX >= -180 && maxX <= 180 && minY >= -90 && maxY <= 90);
  if (crsName === undefined) {
    if (!looksLikeDegrees) return { ok: false, problem: `${source}: no CRS is declared, and ${guessProjectedCrs(minX, minY, maxX, maxY, crsFlag)}` };
    return { ok: true, value: features, warnings };
  }
  const converter = converterFor(crsName);
  if (!converter.ok) return { ok: false, problem: `${source}: ${converter.problem}` };
  if (converter.code === 4326 || converter.code === 4258) {
    if (!looksLikeDegrees) {
      return { ok: false, problem: `${source}: the CRS is ${crsName} (degrees), but ${guessProjectedCrs(minX, minY, maxX, maxY, crsFlag)}` };
    }
    return { ok: true, value: features, warnings };
  }
  if (looksLikeDegrees) {
    return {
      ok: false,
      problem: `${source}: the CRS is ${crsName} (metres), but the coordinates look like longitude/latitude degrees; pass ${crsFlag} EPSG:4326.`,
    };
  }
  const converted = features.map((feature) => (feature.geometry ? { ...feature, geometry: mapGeometry(feature.geometry, converter.convert) } : feature));
  for (let index = 0; index < converted.length; index++) {
    const geometry = converted[index]!.geometry;
    let bad = false;
    if (geometry) forEachPosition(geometry, ([lon, lat]) => (bad ||= !(Math.abs(lon!) <= 180 && Math.abs(lat!) <= 90)));
    if (bad) return { ok: false, problem: `${source}: feature ${index}: its coordinates do not convert from ${crsName} to valid degrees; check the CRS.` };
  }
  return { ok: true, value: converted, warnings };
}
