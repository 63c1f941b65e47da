/**
 * Where a flow starts and ends: flows name lot ids (at their project's location) and site ids (at
 * their outline's representative point). Pure.
 */
import type { Project, Site } from "../../../core/domain/records";
import { representativePoint, type LonLat } from "../../../core/geo/geometry";

export interface Endpoint {
  name: string;
  location: LonLat;
}

export type Endpoints = ReadonlyMap<string, Endpoint>;

/** Every lot id and site id with a name and a WGS84 point. */
export function endpointIndex(projects: readonly Project[], sites: readonly Site[]): Endpoints {
  const index = new Map<string, Endpoint>();
  for (const project of projects) {
    const location = representativePoint(project.location);
    index.set(project.id, { name: project.name, location });
    for (const lot of project.lots) index.set(lot.id, { name: project.name, location });
  }
  for (const site of sites) index.set(site.id, { name: site.name, location: representativePoint(site.geometry) });
  return index;
}
