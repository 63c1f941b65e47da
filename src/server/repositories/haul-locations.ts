import type { SiteKind } from "../../core/domain/records";
import type { LocationGeometry } from "../../core/geo/geometry";
import type { Queryable } from "../db/database";

/** A live project's or site's id and geometry: all that haul distances need (no lots, no attributes). */
export interface LocatedRecord {
  id: string;
  geometry: LocationGeometry;
  kind?: SiteKind;
}

/** Live projects with their locations, in the order of the project list (name, id). */
export async function listProjectLocations(db: Queryable): Promise<LocatedRecord[]> {
  return db.query<LocatedRecord>("select id, location as geometry from projects where deleted_at is null order by name, id");
}

/** Live sites with their geometries, in the order of the site list (kind, name, id). */
export async function listSiteLocations(db: Queryable): Promise<LocatedRecord[]> {
  return db.query<LocatedRecord>("select id, kind, geometry from sites where deleted_at is null order by kind, name, id");
}
