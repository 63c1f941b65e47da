/**
 * Flows and sites as GeoJSON (WGS84, RFC 7946). A flow is a LineString from where the tonnes leave
 * to where they arrive; a flow whose end is not known (a lot or site deleted since the run) keeps
 * its properties with a null geometry, so the file still holds every flow. Pure.
 */
import type { Site } from "../../../core/domain/records";
import type { Flow } from "../../../core/matching/result";
import type { Verdict } from "../../../core/suitability/report";
import type { Endpoints } from "./endpoints";

export interface FlowFeatureProperties {
  from: string;
  fromName: string | null;
  to: string;
  toName: string | null;
  kind: Flow["kind"];
  material: Flow["material"];
  contaminationClass: number;
  month: string;
  tonnes: number;
  km: number;
  /** Class ≥ 2 mass moved without a recorded permit or tiltaksplan (issue 17). */
  needsPermit: boolean;
}

export interface FlowFeature {
  type: "Feature";
  geometry: { type: "LineString"; coordinates: [number, number][] } | null;
  properties: FlowFeatureProperties;
}

export interface FeatureCollection<F> {
  type: "FeatureCollection";
  features: F[];
}

export function flowsToGeoJson(flows: readonly Flow[], endpoints: Endpoints): FeatureCollection<FlowFeature> {
  return {
    type: "FeatureCollection",
    features: flows.map((flow) => {
      const from = endpoints.get(flow.from);
      const to = endpoints.get(flow.to);
      return {
        type: "Feature",
        geometry: from && to ? { type: "LineString", coordinates: [[...from.location], [...to.location]] } : null,
        properties: {
          from: flow.from,
          fromName: from?.name ?? null,
          to: flow.to,
          toName: to?.name ?? null,
          kind: flow.kind,
          material: flow.material,
          contaminationClass: flow.contaminationClass,
          month: flow.month,
          tonnes: flow.tonnes,
          km: flow.km,
          needsPermit: flow.needsPermit === true,
        },
      };
    }),
  };
}

/**
 * Flows summed over the months per (from, to, material): what a map draws, one line per route.
 * Sorted heaviest first.
 */
export function routeTotals(flows: readonly Flow[]): Flow[] {
  const byRoute = new Map<string, Flow>();
  for (const flow of flows) {
    const key = `${flow.from}|${flow.to}|${flow.material}|${flow.kind}`;
    const seen = byRoute.get(key);
    if (seen) {
      seen.tonnes += flow.tonnes;
      // A route needs a permit when any of its months does (issue 17).
      if (flow.needsPermit) seen.needsPermit = true;
    } else byRoute.set(key, { ...flow, month: "" });
  }
  return [...byRoute.values()].sort((a, b) => b.tonnes - a.tonnes);
}

export interface SiteFeatureProperties {
  id: string;
  name: string;
  kind: Site["kind"];
  status: Site["status"];
  capacityTonnes: number | null;
  /** Suitability verdict when known. */
  verdict: Verdict | null;
  /** Whether the scenario has the site in play; null when not written for a scenario. */
  inScenario: boolean | null;
}

export function sitesToGeoJson(
  sites: readonly Site[],
  { verdicts = new Map(), siteIds }: { verdicts?: ReadonlyMap<string, Verdict>; siteIds?: readonly string[] | null } = {},
): FeatureCollection<{ type: "Feature"; geometry: Site["geometry"]; properties: SiteFeatureProperties }> {
  const inPlay = siteIds ? new Set(siteIds) : null;
  return {
    type: "FeatureCollection",
    features: sites.map((site) => ({
      type: "Feature",
      geometry: site.geometry,
      properties: {
        id: site.id,
        name: site.name,
        kind: site.kind,
        status: site.status,
        capacityTonnes: site.capacityTonnes ?? null,
        verdict: verdicts.get(site.id) ?? null,
        inScenario: siteIds === undefined ? null : inPlay ? inPlay.has(site.id) : site.status !== "closed",
      },
    })),
  };
}
