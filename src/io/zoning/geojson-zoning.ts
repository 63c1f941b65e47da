import type { ArealformaalCodeList } from "../../core/zoning/arealformaal";
import { wgs84 } from "../../core/geo/projections";
import { epsgCodeOf } from "../crs";
import { featuresInWgs84, parseJsonText, type InputFeature } from "../geojson-input";
import type { PlanePosition } from "./arc";
import { oriented } from "./rings";
import { lookupIn, readZoneAttributes } from "./zone-attributes";
import { codeOf, guessCodeList, ImportCollector, nationalPlanId, zoningStatusOf, type ZoningImport, type ZoningImportOptions } from "./zoning-import";

/**
 * Property names that hold the arealformål code in GeoJSON exports, tried in this order
 * (case-insensitive): SOSI-GML converted by ogr2ogr or DiBK's plankart viewer ("arealformål"),
 * SOSI element names, ASCII spellings, and generic names.
 */
export const defaultCodeProperties = [
  "arealformål",
  "RPAREALFORMÅL",
  "KPAREALFORMÅL",
  "rpArealformål",
  "kpArealformål",
  "arealformal",
  "arealformaal",
  "RPAREALFORMAL",
  "KPAREALFORMAL",
  "formål",
  "code",
  "kode",
] as const;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** The value of the first property (case-insensitive) among `names`, with the name as the file spells it. */
function propertyOf(properties: Record<string, unknown>, names: readonly string[]): { name: string; value: unknown } | undefined {
  const keys = Object.keys(properties);
  for (const wanted of names) {
    const key = keys.find((candidate) => candidate.toLowerCase() === wanted.toLowerCase());
    if (key !== undefined && properties[key] !== null && properties[key] !== undefined && properties[key] !== "") return { name: key, value: properties[key] };
  }
  return undefined;
}

const stringOf = (value: unknown) => (typeof value === "string" ? value.trim() || undefined : typeof value === "number" ? String(value) : undefined);

// SOSI plan object types (RpArealformålOmråde, RpOmråde, KpHensynSone …) as DiBK's viewer and
// ogr2ogr keep them in `name`/`objtype`; only the land-use ones must carry a code.
const sosiPlanObjectType = /^(rp|kp|rb)[a-zæøå]/i;
const landUseObjectType = /arealform[åa]l|arealbruk/i;

/** The polygons of a Polygon or MultiPolygon feature, or why its rings cannot be used. */
function polygonsOf(feature: InputFeature): { ok: true; polygons: PlanePosition[][][] } | { ok: false; problem: string } {
  const geometry = feature.geometry!;
  const polygons = (geometry.type === "Polygon" ? [geometry.coordinates] : (geometry.coordinates as unknown[])) as PlanePosition[][][];
  for (const [p, rings] of polygons.entries()) {
    if (!Array.isArray(rings) || rings.length === 0) return { ok: false, problem: `polygon ${p} has no rings` };
    for (const [r, ring] of rings.entries()) {
      const where = polygons.length > 1 ? `polygon ${p} ring ${r}` : `ring ${r}`;
      if (!Array.isArray(ring) || ring.length < 4) return { ok: false, problem: `${where} has fewer than 4 positions` };
      const first = ring[0]!;
      const last = ring[ring.length - 1]!;
      if (first[0] !== last[0] || first[1] !== last[1]) return { ok: false, problem: `${where} is not closed (its last position must repeat the first)` };
    }
  }
  // RFC 7946 orientation (exterior counter-clockwise, holes clockwise), as the SOSI and GML readers give.
  return {
    ok: true,
    polygons: polygons.map((rings) => rings.map((ring, r) => oriented(ring.map(([x, y]): PlanePosition => [x, y]), r === 0))),
  };
}

/**
 * The zoning areas of a GeoJSON FeatureCollection. The code is in `codeProperty`, or in the first
 * of `defaultCodeProperties` a feature has. CRS: the `crs` option, else the file's `crs` member,
 * else WGS84; projected coordinates in a file that declares (or implies) degrees are refused with
 * a guess at their CRS. Polygon features without a code are skipped and named by index, unless
 * their object type (`name`/`objtype`, as DiBK's plan viewer and ogr2ogr write it) shows they are
 * not land-use areas (RpOmråde, hensynssoner …): those are counted as ignored. A file in which no
 * feature has a code property at all is refused. The plan id comes from the feature (`planId`,
 * `planidentifikasjon` with `kommunenummer`), else from a top-level `metadata.id` (DiBK's viewer).
 *
 * Hazard and protection zones are read beside the areas (issue 17): hensynssoner by their object
 * type (`RpFareSone` with `fare`, `KpSikringSone` with `sikring` …, named by `hensynSonenavn`), and
 * NVE's hazard maps by theirs (`KvikkleireFaresone`, `FlomAreal` …) or by their attributes
 * (`skredFaregradKlasse`, `gjentaksinterval`). A file of zones alone needs no code property.
 */
export function parseGeoJsonZoning(json: unknown, options: ZoningImportOptions = {}): ZoningImport {
  const source = options.source ?? "GeoJSON";
  const crsFlag = options.crsFlag ?? "--crs";
  const read = featuresInWgs84(json, { source, ...(options.crs ? { crs: options.crs } : {}), crsFlag });
  if (!read.ok) return read;
  const declared = isObject(json) && isObject(json.crs) && isObject(json.crs.properties) ? stringOf(json.crs.properties.name) : undefined;
  const crsName = options.crs ?? declared ?? "EPSG:4326";
  const code = epsgCodeOf(crsName);
  const sourceCrs = code === undefined ? crsName : `EPSG:${code}`;
  const metadata = isObject(json) && isObject(json.metadata) ? json.metadata : {};
  const filePlanId = stringOf(metadata.id) ?? stringOf(metadata.planId);
  const filePlanName = stringOf(metadata.name) ?? stringOf(metadata.plannavn);

  const names = options.codeProperty ? [options.codeProperty] : defaultCodeProperties;
  const isArea = (feature: InputFeature) => feature.geometry?.type === "Polygon" || feature.geometry?.type === "MultiPolygon";
  const objectTypeOf = (properties: Record<string, unknown>) => stringOf(propertyOf(properties, ["name", "objtype", "objekttype", "objektType", "objekttypenavn", "featureType"])?.value);
  const zoneOf = (feature: InputFeature) => {
    const properties = feature.properties ?? {};
    return readZoneAttributes(objectTypeOf(properties), lookupIn(Object.entries(properties)));
  };
  const zoneCount = read.value.filter((feature) => zoneOf(feature) !== undefined).length;
  const areas = read.value.filter((feature) => isArea(feature) && zoneOf(feature) === undefined);
  // A file of land use has the code on some polygon; one of zones only (an NVE map) need not.
  const landUseFile = areas.some((feature) => feature.properties && propertyOf(feature.properties, names));
  if (areas.length > 0 && !landUseFile && zoneCount === 0) {
    const firstIndex = read.value.findIndex(isArea);
    const looked = options.codeProperty ? `"${options.codeProperty}"` : `any of ${defaultCodeProperties.map((name) => `"${name}"`).join(", ")}`;
    return {
      ok: false,
      problem: `${source}: no polygon feature has the arealformål code property ${looked} (feature ${firstIndex} is the first polygon). Name the property that holds the code (codeProperty, or --code-property on the command line).`,
    };
  }

  /** Plan id, name and status of a feature: its own properties, else the file's `metadata`. */
  const planFieldsOf = (properties: Record<string, unknown>) => {
    const municipality = stringOf(propertyOf(properties, ["kommunenummer", "komm", "kommune"])?.value);
    const planId = nationalPlanId(municipality, stringOf(propertyOf(properties, ["planId", "planidentifikasjon", "planid", "arealplanId"])?.value)) ?? filePlanId;
    const planName = stringOf(propertyOf(properties, ["planName", "plannavn"])?.value) ?? filePlanName;
    const status = zoningStatusOf(stringOf(propertyOf(properties, ["status", "planstatus", "planStat"])?.value));
    return { ...(planId ? { planId } : {}), ...(planName ? { planName } : {}), ...(status ? { status } : {}) };
  };

  const collect = new ImportCollector(wgs84, sourceCrs, options.crs ? `check the CRS given (${options.crs}).` : `check the file's CRS (${sourceCrs}).`);
  for (const [index, feature] of read.value.entries()) {
    const properties = feature.properties ?? {};
    const objectType = objectTypeOf(properties);
    const label = `feature ${index}${objectType ? ` (${objectType})` : ""}`;
    const zone = zoneOf(feature);
    if (zone) {
      if (!zone.ok) {
        collect.skip(label, zone.problem);
        continue;
      }
      const zoneType = zone.zone.objectType;
      if (!feature.geometry) {
        collect.skip(label, `${zoneType} has no geometry (null): a zone needs its outline to be rated`);
        continue;
      }
      if (!isArea(feature)) {
        collect.skip(label, `${zoneType} is a ${feature.geometry.type}, not a Polygon or MultiPolygon: a zone needs its outline to be rated`);
        continue;
      }
      const polygons = polygonsOf(feature);
      if (!polygons.ok) {
        collect.skip(label, `${zoneType}: ${polygons.problem}`);
        continue;
      }
      const fields = collect.zonePlanFields(zone.zone.source, zone.zone.family, planFieldsOf(properties), options);
      collect.addZone({ object: label, ...zone.zone, ...fields, polygons: polygons.polygons, positionsCrs: "EPSG:4326" });
      continue;
    }
    if (!isArea(feature)) {
      collect.ignore(objectType ?? (feature.geometry ? feature.geometry.type : "feature without geometry"));
      continue;
    }
    if (objectType && sosiPlanObjectType.test(objectType) && !landUseObjectType.test(objectType)) {
      collect.ignore(objectType);
      continue;
    }
    const found = propertyOf(properties, names);
    if (!found && !landUseFile) {
      // A zone file's other polygons (NVE's analysis areas …) are not land use.
      collect.ignore(objectType ?? "polygon without arealformål code");
      continue;
    }
    if (!found) {
      collect.skip(label, options.codeProperty ? `has no "${options.codeProperty}" property` : "has no arealformål code property");
      continue;
    }
    const value = codeOf(found.value);
    if (value === undefined) {
      collect.skip(label, `"${found.name}" is ${JSON.stringify(found.value)}, not an arealformål code (a number such as 1110)`);
      continue;
    }
    const level = stringOf(propertyOf(properties, ["vertikalnivå", "vertikalniva", "VERTNIV"])?.value);
    if (level === "1" || level === "3") {
      collect.skip(label, `vertikalnivå ${level}: the area lies ${level === "1" ? "under" : "above"} the ground; only ground-level zoning (2) is used`);
      continue;
    }
    const polygons = polygonsOf(feature);
    if (!polygons.ok) {
      collect.skip(label, polygons.problem);
      continue;
    }

    const listValue = stringOf(propertyOf(properties, ["codeList", "kodeliste"])?.value)?.toLowerCase();
    const hint = /^rp/i.test(found.name) || /^rp/i.test(objectType ?? "") ? "rp" : /^kp/i.test(found.name) || /^kp/i.test(objectType ?? "") ? "kp" : undefined;
    let codeList: ArealformaalCodeList;
    if (options.codeList) codeList = options.codeList;
    else if (listValue === "kp" || listValue === "rp") codeList = listValue;
    else if (hint) codeList = hint;
    else {
      const guess = guessCodeList(value);
      codeList = guess.codeList;
      if (guess.guessed) collect.warnOnce("the file does not say whether codes are KpArealformål or RpArealformål; codes in both lists are read as KP (pass codeList to choose).");
    }

    const fields = collect.planFields(planFieldsOf(properties), options);
    const fieldName = stringOf(propertyOf(properties, ["feltnavn", "fieldName"])?.value);
    collect.add({
      object: label,
      code: value,
      codeList,
      ...fields,
      ...(fieldName ? { fieldName } : {}),
      polygons: polygons.polygons,
      positionsCrs: "EPSG:4326",
    });
  }
  return collect.result(read.warnings);
}

/** `parseGeoJsonZoning` of JSON text; a syntax error is a problem naming the file. */
export function parseGeoJsonZoningText(text: string, options: ZoningImportOptions = {}): ZoningImport {
  const json = parseJsonText(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, options.source ?? "GeoJSON");
  if (!json.ok) return json;
  return parseGeoJsonZoning(json.value, options);
}
