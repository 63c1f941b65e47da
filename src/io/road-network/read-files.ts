// The file-reading edge of the road-network readers: everything else in this folder is pure, so
// the browser can parse a file the user picked with the same code.
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { HaulPoint } from "../../core/haul/distance-matrix";
import { parseJsonText, type GeoJsonReadOptions, type ReadOutcome } from "../geojson-input";
import { haulPointsFromGeoJson } from "./haul-points-input";
import { roadNetworkFromGeoJson, type LoadedRoadNetwork, type RoadNetworkReadOptions } from "./road-network";

/** The shipped Asker road network (N1000 links, WGS84; see data/PROVENANCE.md). */
export function defaultRoadNetworkPath(): string {
  return fileURLToPath(new URL("../../../data/basemap/roads.geojson", import.meta.url));
}

/** Reads a GeoJSON road network file and builds its graph (the CLI and the server). */
export async function readRoadNetworkFile(path: string, options: Partial<RoadNetworkReadOptions> = {}): Promise<ReadOutcome<LoadedRoadNetwork>> {
  const source = options.source ?? path;
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return { ok: false, problem: `${source}: cannot read the road network file (${code}).` };
  }
  const json = parseJsonText(text, source);
  if (!json.ok) return json;
  return roadNetworkFromGeoJson(json.value, { ...options, source });
}

/** Reads a GeoJSON file of haul points (the CLI's --from and --to). */
export async function readHaulPointsFile(path: string, options: Partial<GeoJsonReadOptions> = {}): Promise<ReadOutcome<HaulPoint[]>> {
  const source = options.source ?? path;
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    return { ok: false, problem: `${source}: cannot read the points file (${(error as NodeJS.ErrnoException).code ?? String(error)}).` };
  }
  const json = parseJsonText(text, source);
  if (!json.ok) return json;
  return haulPointsFromGeoJson(json.value, { ...options, source });
}
