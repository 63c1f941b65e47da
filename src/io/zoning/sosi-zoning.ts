import type { ArealformaalCodeList } from "../../core/zoning/arealformaal";
import { converterFor } from "../crs";
import { decodeSosiBytes, type SosiCharset } from "./sosi-charset";
import { SosiGeometryBuilder, type SosiGeometryOptions } from "./sosi-geometry";
import { childNamed, readSosiDocument, type SosiDocument, type SosiElement, type SosiObject } from "./sosi-reader";
import { lookupIn, readZoneAttributes } from "./zone-attributes";
import {
  codeOf,
  ImportCollector,
  nationalPlanId,
  zoningStatusOf,
  type ZoningImport,
  type ZoningImportOptions,
  type ZoningStatus,
} from "./zoning-import";

/**
 * SOSI `...KOORDSYS` codes Massekart reads, as EPSG codes (SOSI del 1, realisering, "Koordinatsystem";
 * the same table as GDAL's SOSI driver): 22, 23, 25 are EUREF89 UTM zones 32, 33, 35 (Norway's
 * mainland systems); 84 is EUREF89/WGS84 geographic degrees (north = latitude, east = longitude).
 * Older systems (NGO1948 axes 1–8, ED50 31–36, local grids) would need datum grids to convert
 * correctly, so they are refused rather than misplaced.
 */
const epsgOfKoordsys: ReadonlyMap<number, number> = new Map([
  [22, 25832],
  [23, 25833],
  [25, 25835],
  [84, 4326],
]);

/** What a SOSI file holds, for callers that want more than its zoning (tests, a future viewer). */
export interface SosiRead {
  document: SosiDocument;
  charset: SosiCharset;
  text: string;
  warnings: string[];
}

/** Decodes and reads a SOSI file into its header and objects; no geometry is built yet. */
export function readSosi(bytes: Uint8Array): { ok: true; value: SosiRead } | { ok: false; problem: string } {
  const decoded = decodeSosiBytes(bytes);
  if (!decoded.ok) return decoded;
  const read = readSosiDocument(decoded.text);
  if (!read.ok) return read;
  return {
    ok: true,
    value: { document: read.document, charset: decoded.charset, text: decoded.text, warnings: [...decoded.warnings, ...read.document.warnings] },
  };
}

/** The EPSG name of a SOSI file's coordinate system, or why it cannot be used. */
export function sosiCrs(document: SosiDocument, override?: string): { ok: true; name: string } | { ok: false; problem: string } {
  if (override) return { ok: true, name: override };
  const koordsys = document.header.koordsys;
  if (koordsys === undefined) {
    return { ok: false, problem: ".HODE has no ...KOORDSYS, so the coordinates cannot be placed; give the CRS (e.g. EPSG:25832) with the import." };
  }
  const epsg = epsgOfKoordsys.get(koordsys);
  if (epsg === undefined) {
    return {
      ok: false,
      problem:
        `...KOORDSYS ${koordsys} is not supported: Massekart reads 22, 23 and 25 (EUREF89 UTM zones 32, 33, 35) and 84 (EUREF89 geographic). ` +
        "Convert the file to EUREF89 UTM (e.g. with SOSI-Vis or Kartverket's transformation service) and import it again.",
    };
  }
  return { ok: true, name: `EPSG:${epsg}` };
}

/** A property's first value: `..PLANNAVN "…"` → "…"; also looks one level down (`..NASJONALAREALPLANID` / `...PLANID`). */
function valueOf(element: SosiElement, ...names: string[]): string | undefined {
  return childNamed(element, ...names)?.values.join(" ");
}

const objectType = (object: SosiObject) => valueOf(object.element, "OBJTYPE");

/** Plan id, name and status written on an object (an area, or a plan boundary RpOmråde/KpOmråde). */
function planFieldsOf(element: SosiElement): { planId?: string; planName?: string; status?: ZoningStatus } {
  const national = childNamed(element, "NASJONALAREALPLANID");
  const municipality = national ? valueOf(national, "KOMM", "KOMMUNENUMMER") : undefined;
  const planId = nationalPlanId(municipality, (national ? valueOf(national, "PLANID") : undefined) ?? valueOf(element, "PLANID"));
  const planName = valueOf(element, "PLANNAVN");
  const status = zoningStatusOf(valueOf(element, "PLANSTAT", "PLANSTATUS"));
  return { ...(planId ? { planId } : {}), ...(planName ? { planName } : {}), ...(status ? { status } : {}) };
}

// Land-use object types (SOSI Plan 4.x/5.x); their areas must carry a code.
const landUseObjectType = /arealform[åa]l|arealbruk/i;
// Plan boundaries (RpOmråde, KpOmråde) carry the plan's name and status for its areas.
const planObjectType = /^(rp|kp)omr[åa]de$/i;

const codeElementNames: readonly [string, ArealformaalCodeList][] = [
  ["RPAREALFORMÅL", "rp"],
  ["RPAREALFORMAL", "rp"],
  ["KPAREALFORMÅL", "kp"],
  ["KPAREALFORMAL", "kp"],
];

/** Vertical level `..VERTNIV`: 1 under ground, 2 on the ground, 3 above (SOSI Plan). */
const verticalLevels: Readonly<Record<string, string>> = { "1": "under the ground", "3": "above the ground" };

/**
 * The zoning areas of a SOSI plan file (`.FLATE` objects with `..RPAREALFORMÅL` or
 * `..KPAREALFORMÅL`), and its hazard and protection zones (`RpFareSone` with `..RPFARE`,
 * `KpSikringSone` with `..KPSIKRING` … and `..HENSYNSONENAVN`; NVE's `KvikkleireFaresone` …),
 * reprojected to WGS84. Plan name and status come from the area, else from
 * the plan boundary object (`RpOmråde`/`KpOmråde`) with the same plan id, else from the only plan
 * in the file. A bad area (broken reference, unclosed ring, outside Norway …) is skipped with its
 * reason, naming the object (`.FLATE 123:`); the rest still import. A file that cannot be read at
 * all (no `.HODE`, an unknown character set or coordinate system) gives `{ ok: false, problem }`.
 */
export function parseSosiZoning(bytes: Uint8Array, options: ZoningImportOptions & SosiGeometryOptions = {}): ZoningImport {
  const source = options.source ? `${options.source}: ` : "";
  const read = readSosi(bytes);
  if (!read.ok) return { ok: false, problem: `${source}${read.problem}` };
  const { document } = read.value;
  const crs = sosiCrs(document, options.crs);
  if (!crs.ok) return { ok: false, problem: `${source}${crs.problem}` };
  const converter = converterFor(crs.name);
  if (!converter.ok) return { ok: false, problem: `${source}${converter.problem}` };
  const warnings = [...read.value.warnings];
  if (options.crs && document.header.koordsys !== undefined) {
    warnings.push(`the header says ...KOORDSYS ${document.header.koordsys}; ${options.crs} was used as asked.`);
  }
  const hint = options.crs
    ? `check the CRS given (${options.crs}).`
    : `check ...KOORDSYS (${document.header.koordsys}) and ...ORIGO-NØ in the header.`;
  const collect = new ImportCollector(converter.convert, crs.name, hint);
  const geometry = new SosiGeometryBuilder(document, options);

  // Plans described in the file, by id; the only plan is every area's fallback.
  const plans = new Map<string, { planName?: string; status?: ZoningStatus }>();
  for (const object of document.objects) {
    if (!planObjectType.test(objectType(object) ?? "")) continue;
    const fields = planFieldsOf(object.element);
    if (fields.planId) plans.set(fields.planId, { ...plans.get(fields.planId), ...fields });
  }
  const onlyPlan = plans.size === 1 ? [...plans.entries()][0] : undefined;

  for (const object of document.objects) {
    const type = objectType(object);
    // Hazard and protection zones (RpFareSone …, NVE's KvikkleireFaresone …) beside the areas.
    const zone = readZoneAttributes(type, lookupIn(object.element.children.map((child) => [child.name, child.values.join(" ")])));
    if (zone) {
      if (!zone.ok) {
        collect.skip(object.label, zone.problem);
        continue;
      }
      if (object.kind !== "FLATE") {
        collect.skip(object.label, `${zone.zone.objectType} is a .${object.kind}, not an area (.FLATE): a zone needs its outline to be rated`);
        continue;
      }
      const polygon = geometry.polygon(object);
      if (!polygon.ok) {
        collect.skip(object.label, `${zone.zone.objectType} ${polygon.problem}`);
        continue;
      }
      const own = planFieldsOf(object.element);
      const planId = own.planId ?? onlyPlan?.[0];
      const plan = planId ? plans.get(planId) : undefined;
      const fields = collect.zonePlanFields(zone.zone.source, zone.zone.family, { planId, planName: own.planName ?? plan?.planName, status: own.status ?? plan?.status }, options);
      collect.addZone({ object: object.label, ...zone.zone, ...fields, polygons: [[polygon.value.exterior, ...polygon.value.holes]] });
      continue;
    }
    if (object.kind !== "FLATE") {
      collect.ignore(type ?? object.kind);
      continue;
    }
    const codeEntry = codeElementNames.map(([name, list]) => [childNamed(object.element, name), list] as const).find(([element]) => element);
    if (!codeEntry) {
      if (type && landUseObjectType.test(type)) collect.skip(object.label, `${type} has no ..RPAREALFORMÅL or ..KPAREALFORMÅL code`);
      else collect.ignore(type ?? "FLATE without OBJTYPE");
      continue;
    }
    const [codeElement, codeList] = codeEntry as [SosiElement, ArealformaalCodeList];
    const code = codeOf(codeElement.values[0]);
    if (code === undefined) {
      collect.skip(object.label, `..${codeElement.name} "${codeElement.values.join(" ")}" is not an arealformål code (a number such as 1110)`);
      continue;
    }
    const level = valueOf(object.element, "VERTNIV");
    if (level !== undefined && verticalLevels[level]) {
      collect.skip(object.label, `..VERTNIV ${level}: the area lies ${verticalLevels[level]}; only ground-level zoning (VERTNIV 2) is used`);
      continue;
    }
    const polygon = geometry.polygon(object);
    if (!polygon.ok) {
      collect.skip(object.label, polygon.problem);
      continue;
    }
    const own = planFieldsOf(object.element);
    const planId = own.planId ?? onlyPlan?.[0];
    const plan = planId ? plans.get(planId) : undefined;
    const fields = collect.planFields({ planId, planName: own.planName ?? plan?.planName, status: own.status ?? plan?.status }, options);
    const fieldName = valueOf(object.element, "FELTNAVN");
    collect.add({
      object: object.label,
      code,
      codeList,
      ...fields,
      ...(fieldName ? { fieldName } : {}),
      polygons: [[polygon.value.exterior, ...polygon.value.holes]],
    });
  }
  return collect.result(warnings);
}
