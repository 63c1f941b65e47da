import type { ZoningArea, ZoningAreaInput } from "../../core/domain/records";
import type { Bbox } from "../../core/geo/geometry";
import type { HazardZone, HazardZoneInput } from "../../core/zoning/hazard-zones";
import type { Queryable } from "../db/database";
import { boxParams, boxSql } from "./geometry-sql";
import { insertMany } from "./insert-many";

interface ZoningRow {
  id: string;
  code: number;
  code_list: ZoningArea["codeList"];
  plan_id: string;
  plan_name: string;
  status: ZoningArea["status"];
  geometry: ZoningArea["geometry"];
  illustrative: boolean;
}

export async function listZoning(db: Queryable, { bbox }: { bbox?: Bbox } = {}): Promise<ZoningArea[]> {
  const rows = await db.query<ZoningRow>(
    `select id, code, code_list, plan_id, plan_name, status, geometry, illustrative from zoning_areas
     ${bbox ? `where bbox && ${boxSql(1)}` : ""} order by plan_id, code, id`,
    bbox ?? [],
  );
  return rows.map((row) => ({
    id: row.id,
    code: row.code,
    codeList: row.code_list,
    planId: row.plan_id,
    planName: row.plan_name,
    status: row.status,
    geometry: row.geometry,
    illustrative: row.illustrative,
  }));
}

export async function insertZoningArea(
  db: Queryable,
  input: ZoningAreaInput,
  { illustrative = false }: { illustrative?: boolean } = {},
): Promise<string> {
  const rows = await db.query<{ id: string }>(
    `insert into zoning_areas (code, code_list, plan_id, plan_name, status, geometry, bbox, illustrative)
     values ($1, $2, $3, $4, $5, $6::jsonb, ${boxSql(7)}, $11) returning id`,
    [
      input.code,
      input.codeList,
      input.planId,
      input.planName,
      input.status,
      JSON.stringify(input.geometry),
      ...boxParams(input.geometry),
      illustrative,
    ],
  );
  return rows[0]!.id;
}

interface HazardZoneRow {
  id: string;
  source: HazardZone["source"];
  family: HazardZone["family"];
  object_type: string;
  code: number | null;
  name: string;
  hazard: HazardZone["hazard"];
  details: Record<string, string>;
  plan_id: string;
  plan_name: string;
  status: HazardZone["status"];
  geometry: HazardZone["geometry"];
}

/** The hazard and protection zones (issue 17), all or those whose box meets `bbox`. */
export async function listHazardZones(db: Queryable, { bbox }: { bbox?: Bbox } = {}): Promise<HazardZone[]> {
  const rows = await db.query<HazardZoneRow>(
    `select id, source, family, object_type, code, name, hazard, details, plan_id, plan_name, status, geometry from hazard_zones
     ${bbox ? `where bbox && ${boxSql(1)}` : ""} order by plan_id, family, code, name, id`,
    bbox ?? [],
  );
  return rows.map((row) => ({
    id: row.id,
    source: row.source,
    family: row.family,
    objectType: row.object_type,
    code: row.code,
    name: row.name,
    hazard: row.hazard,
    details: row.details,
    planId: row.plan_id,
    planName: row.plan_name,
    status: row.status,
    geometry: row.geometry,
  }));
}

export async function insertHazardZone(db: Queryable, zone: HazardZoneInput): Promise<string> {
  const rows = await db.query<{ id: string }>(
    `insert into hazard_zones (source, family, object_type, code, name, hazard, details, plan_id, plan_name, status, geometry, bbox)
     values ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $10, $11::jsonb, ${boxSql(12)}) returning id`,
    [
      zone.source,
      zone.family,
      zone.objectType,
      zone.code,
      zone.name,
      zone.hazard,
      JSON.stringify(zone.details),
      zone.planId,
      zone.planName,
      zone.status,
      JSON.stringify(zone.geometry),
      ...boxParams(zone.geometry),
    ],
  );
  return rows[0]!.id;
}

const boxOf = (geometry: Parameters<typeof boxParams>[0], p: (value: unknown) => string) => {
  const [a, b, c, d] = boxParams(geometry);
  return `box(point(${p(a)}, ${p(b)}), point(${p(c)}, ${p(d)}))`;
};

/** Inserts zoning areas in one multi-row statement (an import's batch). */
export async function insertZoningAreas(db: Queryable, areas: readonly ZoningAreaInput[]): Promise<void> {
  await insertMany(
    db,
    "insert into zoning_areas (code, code_list, plan_id, plan_name, status, geometry, bbox, illustrative)",
    areas,
    (area, p) =>
      `(${p(area.code)}, ${p(area.codeList)}, ${p(area.planId)}, ${p(area.planName)}, ${p(area.status)}, ${p(JSON.stringify(area.geometry))}::jsonb, ${boxOf(area.geometry, p)}, false)`,
  );
}

/** Inserts hazard zones in one multi-row statement (an import's batch). */
export async function insertHazardZones(db: Queryable, zones: readonly HazardZoneInput[]): Promise<void> {
  await insertMany(
    db,
    "insert into hazard_zones (source, family, object_type, code, name, hazard, details, plan_id, plan_name, status, geometry, bbox)",
    zones,
    (zone, p) =>
      `(${p(zone.source)}, ${p(zone.family)}, ${p(zone.objectType)}, ${p(zone.code)}, ${p(zone.name)}, ${p(zone.hazard)}, ${p(JSON.stringify(zone.details))}::jsonb, ` +
      `${p(zone.planId)}, ${p(zone.planName)}, ${p(zone.status)}, ${p(JSON.stringify(zone.geometry))}::jsonb, ${boxOf(zone.geometry, p)})`,
  );
}
