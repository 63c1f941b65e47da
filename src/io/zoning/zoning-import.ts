import { zoningAreaInputSchema, zoningStatuses, type ZoningAreaInput } from "../../core/domain/records";
import type { AreaGeometry, LonLat } from "../../core/geo/geometry";
import { geometryOutsideNorway } from "../../core/geo/norway";
import { englishText } from "../../core/messages/message";
import { describeArealformaal, type ArealformaalCodeList } from "../../core/zoning/arealformaal";
import { hazardZoneInputSchema, type HazardZoneInput } from "../../core/zoning/hazard-zones";
import type { SkippedObject } from "../../core/zoning/import-summary";
import type { Wgs84Converter } from "../crs";
import type { PlanePosition } from "./arc";

export type ZoningStatus = (typeof zoningStatuses)[number];

/** A zoning area read from a file: what the database stores, plus where it came from. */
export interface ImportedZoningArea extends ZoningAreaInput {
  /** The object in the file, as its reader would name it: ".FLATE 12:", "feature 3", "RpArealformålOmråde gml:id=…". */
  sourceObject: string;
  /** The CRS the file's coordinates were in, e.g. "EPSG:25832" (the geometry here is WGS84). */
  sourceCrs: string;
  /** `feltnavn` (the plan map's label of the area, e.g. "BSK1"), when the file has one. */
  fieldName?: string;
}

/** A hazard or protection zone read from a file (a hensynssone, or a zone of an NVE hazard map). */
export interface ImportedHazardZone extends HazardZoneInput {
  /** The object in the file, as for areas. */
  sourceObject: string;
  sourceCrs: string;
}

/** An object that was not imported, and why (the API's contract). */
export type { SkippedObject };

/** What an import of one file found. Bad objects are skipped and listed; good ones still import. */
export interface ZoningImportResult {
  ok: true;
  areas: ImportedZoningArea[];
  /** Hazard and protection zones (DESIGN §8), imported beside the areas. */
  zones: ImportedHazardZone[];
  skipped: SkippedObject[];
  /** Plan ids of the imported areas and zones, in the order first met (areas first). */
  planIds: string[];
  sourceCrs: string;
  /** Things the user should know that did not stop any object (a re-saved charset, an assumed status …). */
  warnings: string[];
  /** Objects that are neither land-use areas nor zones (plan boundaries, border lines, labels …), counted by object type. */
  ignored: Record<string, number>;
}

/** The import of a file, or the one problem that stops the whole file (no header, no CRS …). */
export type ZoningImport = ZoningImportResult | { ok: false; problem: string };

export interface ZoningImportOptions {
  /** The CRS of the coordinates, e.g. "EPSG:25832": overrides what the file says; needed when it says nothing. */
  crs?: string;
  /** GeoJSON: the property that holds the arealformål code (default: the first of the usual names found). */
  codeProperty?: string;
  /** GeoJSON: "kp" or "rp" when the file cannot tell (default: from the property or object names). */
  codeList?: ArealformaalCodeList;
  /** Plan id for areas whose file names none (default "unknown", with a warning); the data set id of NVE zones (default "nve:<kind>"). */
  planId?: string;
  /** Plan name for areas whose file names none (default ""). */
  planName?: string;
  /** Plan status for areas whose file gives none (default "in_force", with a warning). */
  status?: ZoningStatus;
  /** File name or label for messages. */
  source?: string;
  /** How the caller passes `crs`, for messages: "--crs" (CLI) or "crs=" (HTTP). */
  crsFlag?: string;
}

export const unknownPlanId = "unknown";

/**
 * A zoning status from a plan status code or word. SOSI/GML "Planstatus" codes: 1 planlegging
 * igangsatt, 2 planforslag → proposed; 3 endelig vedtatt, 6 vedtatt med utsatt rettsvirkning →
 * in force; 4 opphevet, 5 utgått/erstattet, 8 overstyrt → repealed (Geonorge code list
 * "Planstatus", SOSI Plan 4.5/5.0).
 */
export function zoningStatusOf(value: string | undefined): ZoningStatus | undefined {
  if (value === undefined) return undefined;
  const text = value.trim().toLowerCase();
  if ((zoningStatuses as readonly string[]).includes(text)) return text as ZoningStatus;
  switch (text) {
    case "1":
    case "2":
      return "proposed";
    case "3":
    case "6":
      return "in_force";
    case "4":
    case "5":
    case "8":
      return "repealed";
  }
  if (/opphevet|utgått|erstattet|overstyrt|repealed/.test(text)) return "repealed";
  if (/forslag|igangsatt|proposed|høring/.test(text)) return "proposed";
  if (/vedtatt|gjeldende|in.?force/.test(text)) return "in_force";
  return undefined;
}

/** The national plan id: "kommunenummer_planidentifikasjon" (as DiBK writes it, e.g. "4204_1536"), or the plan id alone. */
export function nationalPlanId(municipality: string | undefined, planId: string | undefined): string | undefined {
  const plan = planId?.trim();
  if (!plan) return undefined;
  const kommune = municipality?.trim();
  return kommune && !plan.startsWith(`${kommune}_`) ? `${kommune}_${plan}` : plan;
}

/** Which list a code belongs to when the file does not say: the only list that has it, else KP. */
export function guessCodeList(code: number): { codeList: ArealformaalCodeList; guessed: boolean } {
  const inKp = describeArealformaal("kp", code) !== undefined;
  const inRp = describeArealformaal("rp", code) !== undefined;
  if (inRp && !inKp) return { codeList: "rp", guessed: false };
  if (inKp && !inRp) return { codeList: "kp", guessed: false };
  return { codeList: "kp", guessed: true };
}

/** An arealformål code from a file value ("1110", 1110, "1110 Boligbebyggelse"), or undefined. */
export function codeOf(value: unknown): number | undefined {
  const text = typeof value === "number" ? String(value) : typeof value === "string" ? value.trim() : undefined;
  const match = text === undefined ? null : /^(\d{3,4})(?:\s|$)/.exec(text);
  return match ? Number(match[1]) : undefined;
}

/** The parts of an area before its geometry is in WGS84. */
export interface AreaDraft {
  object: string;
  code: number;
  codeList: ArealformaalCodeList;
  planId: string;
  planName: string;
  status: ZoningStatus;
  fieldName?: string;
  /** Polygons, each [exterior, ...holes], in the source CRS (or in `positionsCrs`). */
  polygons: PlanePosition[][][];
  /** The CRS `polygons` are in when a reader converted them already (GeoJSON), for messages. */
  positionsCrs?: string;
}

// 8 decimals of a degree ≈ 1 mm: more than any plan's accuracy, and keeps files small.
const round8 = (value: number) => Math.round(value * 1e8) / 1e8;

/**
 * The finished area in WGS84, or why it is skipped: coordinates that convert outside Norway
 * (usually a wrong CRS), or a geometry the database schema refuses.
 */
/** Polygons in WGS84 as one geometry, or why not: coordinates outside Norway (usually a wrong CRS). */
function geometryInWgs84(
  draft: { object: string; polygons: PlanePosition[][][]; positionsCrs?: string },
  convert: Wgs84Converter,
  sourceCrs: string,
  crsHint: string,
  what: string,
): { ok: true; geometry: AreaGeometry } | { ok: false; skipped: SkippedObject } {
  const polygons = draft.polygons.map((rings) =>
    rings.map((ring) =>
      ring.map(([x, y]): LonLat => {
        const [lon, lat] = convert(x, y);
        return [round8(lon), round8(lat)];
      }),
    ),
  );
  const geometry: AreaGeometry =
    polygons.length === 1 ? { type: "Polygon", coordinates: polygons[0]! } : { type: "MultiPolygon", coordinates: polygons };
  const outside = geometryOutsideNorway(geometry);
  if (outside) {
    const first = draft.polygons[0]?.[0]?.[0];
    const positionsCrs = draft.positionsCrs ?? sourceCrs;
    const where = !first
      ? ""
      : positionsCrs === "EPSG:4326"
        ? `: its first position is ${first[0].toFixed(5)}, ${first[1].toFixed(5)}`
        : `: its first position is ${positionsCrs} E ${first[0].toFixed(2)} N ${first[1].toFixed(2)}`;
    return { ok: false, skipped: { object: draft.object, reason: `the ${what} ${englishText(outside.problem)}${where}; ${crsHint}` } };
  }
  return { ok: true, geometry };
}

/** An object the stored schema refuses, with the first issue as the reason. */
function skippedBySchema(object: string, error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): SkippedObject {
  const issue = error.issues[0];
  return { object, reason: `${issue?.path.map(String).join(".") ?? ""}: ${issue?.message ?? "invalid"}` };
}

export function finishArea(
  draft: AreaDraft,
  convert: Wgs84Converter,
  sourceCrs: string,
  crsHint: string,
): { ok: true; area: ImportedZoningArea } | { ok: false; skipped: SkippedObject } {
  const converted = geometryInWgs84(draft, convert, sourceCrs, crsHint, "area");
  if (!converted.ok) return converted;
  const geometry = converted.geometry;
  const input: ZoningAreaInput = {
    code: draft.code,
    codeList: draft.codeList,
    planId: draft.planId,
    planName: draft.planName,
    status: draft.status,
    geometry,
  };
  const checked = zoningAreaInputSchema.safeParse(input);
  if (!checked.success) return { ok: false, skipped: skippedBySchema(draft.object, checked.error) };
  return {
    ok: true,
    area: { ...checked.data, sourceObject: draft.object, sourceCrs, ...(draft.fieldName ? { fieldName: draft.fieldName } : {}) },
  };
}

/** A zone before its geometry is in WGS84: its attributes, plan fields and polygons as read. */
export interface ZoneDraft extends Omit<HazardZoneInput, "geometry"> {
  object: string;
  polygons: PlanePosition[][][];
  positionsCrs?: string;
}

/** The finished zone in WGS84, or why it is skipped (as `finishArea`). */
export function finishZone(
  draft: ZoneDraft,
  convert: Wgs84Converter,
  sourceCrs: string,
  crsHint: string,
): { ok: true; zone: ImportedHazardZone } | { ok: false; skipped: SkippedObject } {
  const converted = geometryInWgs84(draft, convert, sourceCrs, crsHint, "zone");
  if (!converted.ok) return converted;
  const { object, polygons: _polygons, positionsCrs: _positionsCrs, ...attributes } = draft;
  const checked = hazardZoneInputSchema.safeParse({ ...attributes, geometry: converted.geometry });
  if (!checked.success) return { ok: false, skipped: skippedBySchema(object, checked.error) };
  return { ok: true, zone: { ...checked.data, sourceObject: object, sourceCrs } };
}

/** Collects areas, skips and warnings while a reader walks a file, and hands back the result. */
export class ImportCollector {
  readonly areas: ImportedZoningArea[] = [];
  readonly zones: ImportedHazardZone[] = [];
  readonly skipped: SkippedObject[] = [];
  readonly warnings: string[] = [];
  readonly ignored: Record<string, number> = {};
  private readonly warned = new Set<string>();

  constructor(
    private readonly convert: Wgs84Converter,
    private readonly sourceCrs: string,
    private readonly crsHint: string,
  ) {}

  /** A warning said once per import, however many objects cause it. */
  warnOnce(message: string): void {
    if (this.warned.has(message)) return;
    this.warned.add(message);
    this.warnings.push(message);
  }

  skip(object: string, reason: string): void {
    this.skipped.push({ object, reason });
  }

  ignore(type: string): void {
    this.ignored[type] = (this.ignored[type] ?? 0) + 1;
  }

  /** Converts, checks and keeps an area (or lists it as skipped); `crs` overrides the file's CRS for this area. */
  add(draft: AreaDraft, crs?: { convert: Wgs84Converter; sourceCrs: string }): void {
    const finished = finishArea(draft, crs?.convert ?? this.convert, crs?.sourceCrs ?? this.sourceCrs, this.crsHint);
    if (finished.ok) this.areas.push(finished.area);
    else this.skipped.push(finished.skipped);
  }

  /** Converts, checks and keeps a zone (or lists it as skipped), as `add` does for areas. */
  addZone(draft: ZoneDraft, crs?: { convert: Wgs84Converter; sourceCrs: string }): void {
    const finished = finishZone(draft, crs?.convert ?? this.convert, crs?.sourceCrs ?? this.sourceCrs, this.crsHint);
    if (finished.ok) this.zones.push(finished.zone);
    else this.skipped.push(finished.skipped);
  }

  /**
   * The plan or data-set fields of a zone: a plan zone's as for areas; an NVE map's data set id is
   * the caller's `planId`, else "nve:<kind>", so re-importing the same map replaces its zones.
   */
  zonePlanFields(
    source: HazardZoneInput["source"],
    family: HazardZoneInput["family"],
    found: { planId?: string; planName?: string; status?: ZoningStatus },
    options: ZoningImportOptions,
  ): { planId: string; planName: string; status: ZoningStatus } {
    if (source === "plan") return this.planFields(found, options);
    const kind = family.replace(/^nve_/, "");
    return { planId: options.planId ?? `nve:${kind}`, planName: options.planName ?? `NVE ${{ quick_clay: "kvikkleiresoner", landslide: "skredfaresoner", flood: "flomsoner" }[kind] ?? kind}`, status: "in_force" };
  }

  /** Plan id, name and status with the caller's fallbacks, warning once about each fallback used. */
  planFields(
    found: { planId?: string; planName?: string; status?: ZoningStatus },
    options: ZoningImportOptions,
  ): { planId: string; planName: string; status: ZoningStatus } {
    let planId = found.planId;
    if (!planId) {
      planId = options.planId ?? unknownPlanId;
      if (!options.planId) this.warnOnce(`some areas name no plan id: they are stored under plan id "${unknownPlanId}".`);
    }
    let status = found.status;
    if (!status) {
      status = options.status ?? "in_force";
      if (!options.status) this.warnOnce('some areas give no plan status: they are taken as in force ("in_force").');
    }
    return { planId, planName: found.planName ?? options.planName ?? "", status };
  }

  result(extraWarnings: readonly string[] = []): ZoningImportResult {
    const planIds = [...new Set([...this.areas, ...this.zones].map((item) => item.planId))];
    return {
      ok: true,
      areas: this.areas,
      zones: this.zones,
      skipped: this.skipped,
      planIds,
      sourceCrs: this.sourceCrs,
      warnings: [...extraWarnings, ...this.warnings],
      ignored: this.ignored,
    };
  }
}
