// GDAL's ogr2ogr and ogrinfo as the oracle of the vector-format tests (installed by the test setup).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { inject } from "vitest";

const ogr2ogr = () => inject("ogr2ogrPath");
const ogrinfo = () => path.join(path.dirname(ogr2ogr()), "ogrinfo");

export interface GdalFeature {
  properties: Record<string, unknown>;
  geometry: { type: string; coordinates: unknown } | null;
}

/** A scratch folder for files the tests hand to GDAL, removed by `cleanup`. */
export function scratch(): { file: (name: string, bytes: Uint8Array | string) => string; dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), "massekart-gdal-"));
  return {
    dir,
    file: (name, bytes) => {
      const target = path.join(dir, name);
      writeFileSync(target, bytes);
      return target;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The layer names ogrinfo lists for a file (a zip is opened through GDAL's /vsizip/). */
export function gdalLayers(file: string): string[] {
  const output = execFileSync(ogrinfo(), ["-ro", "-q", file.endsWith(".zip") ? `/vsizip/${file}` : file], { encoding: "utf8" });
  return output
    .split("\n")
    .map((line) => /^\d+: (.*?)(?: \((?:3D )?(?:Measured )?(?:Multi ?)?(?:Point|Line String|Polygon|Geometry Collection|Unknown \(any\)|None)\))?$/.exec(line)?.[1])
    .filter((name): name is string => name !== undefined);
}

/** What ogrinfo says of a layer's CRS: the EPSG code of its last top-level ID, if any. */
export function gdalLayerEpsg(file: string, layer: string): number | undefined {
  const output = execFileSync(ogrinfo(), ["-ro", "-so", file.endsWith(".zip") ? `/vsizip/${file}` : file, layer], { encoding: "utf8" });
  const ids = [...output.matchAll(/^ {4}ID\["EPSG",(\d+)\]\]/gm)];
  return ids.length > 0 ? Number(ids[ids.length - 1]![1]) : undefined;
}

/** A layer as GDAL reads it, converted by ogr2ogr to GeoJSON in WGS84. */
export function gdalFeatures(file: string, layer: string, dir: string): GdalFeature[] {
  const out = path.join(dir, `gdal-${Math.random().toString(36).slice(2)}.geojson`);
  execFileSync(ogr2ogr(), ["-f", "GeoJSON", "-t_srs", "EPSG:4326", "-lco", "RFC7946=YES", out, file.endsWith(".zip") ? `/vsizip/${file}` : file, layer], {
    encoding: "utf8",
    stdio: ["ignore", "ignore", "pipe"],
  });
  return (JSON.parse(readFileSync(out, "utf8")) as { features: GdalFeature[] }).features;
}

/** Runs ogr2ogr with the given arguments (to make a file in another format for a test). */
export function runOgr2ogr(args: string[]): void {
  execFileSync(ogr2ogr(), args, { stdio: ["ignore", "ignore", "pipe"] });
}
