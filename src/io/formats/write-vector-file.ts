// One entry for the exports: layers of WGS84 GeoJSON features (sites, projects, zoning, flows,
// suitability) to the bytes of a file in the format asked for. Pure apart from sql.js's
// WebAssembly, so the browser and the server write the same files.
import { converterFromWgs84 } from "../crs";
import type { ExportEpsg } from "./crs-wkt";
import type { SqlJsOptions } from "./geopackage";
import { projectGeometry } from "./geometry-walk";
import { safeFileName } from "./file-name";
import type { OutputFeature, OutputLayer, VectorFormat } from "./vector-data";

/** A written file: its bytes, a file name, the media type to serve it with, and what the user should know (left-out features …). */
export interface WrittenFile {
  bytes: Uint8Array;
  fileName: string;
  mediaType: string;
  warnings: string[];
}

export interface VectorWriteOptions extends SqlJsOptions {
  /** The file name without extension (default "massekart"). */
  baseName?: string;
  /** CRS of GeoPackage, Shapefile and FlatGeobuf files: EPSG:25832 (default, Asker's system) or EPSG:4326. GeoJSON and KML are always WGS84. */
  epsg?: ExportEpsg;
  /** KML only: pack as KMZ. */
  kmz?: boolean;
}

const mediaTypes: Record<VectorFormat, string> = {
  geojson: "application/geo+json",
  geopackage: "application/geopackage+sqlite3",
  shapefile: "application/zip",
  kml: "application/vnd.google-earth.kml+xml",
  flatgeobuf: "application/flatgeobuf",
};

/** The layers with every position projected from WGS84 to `epsg`. */
function projected(layers: readonly OutputLayer[], epsg: ExportEpsg): OutputLayer[] {
  const converter = converterFromWgs84(`EPSG:${epsg}`);
  if (!converter.ok) throw new Error(converter.problem);
  if (epsg === 4326) return [...layers];
  return layers.map((layer) => ({
    name: layer.name,
    features: layer.features.map((feature): OutputFeature => (feature.geometry ? { ...feature, geometry: projectGeometry(feature.geometry, converter.convert) } : feature)),
  }));
}

/** The features of several layers as one, each tagged with its layer's name (for single-layer formats). */
function oneLayer(layers: readonly OutputLayer[], name: string): OutputLayer {
  if (layers.length === 1) return layers[0]!;
  return { name, features: layers.flatMap((layer) => layer.features.map((feature) => ({ ...feature, properties: { layer: layer.name, ...(feature.properties ?? {}) } }))) };
}

/**
 * A file of the layers in `format`: GeoPackage (one table per layer, EPSG:25832), zipped Shapefile
 * (one .shp per layer and geometry kind, EPSG:25832, UTF-8 with .cpg), KML/KMZ (one folder per
 * layer, WGS84), GeoJSON (RFC 7946, WGS84) and FlatGeobuf (EPSG:25832). GeoJSON and FlatGeobuf
 * hold one layer: several are written as one with a `layer` property.
 *
 * @example writeVectorFile("geopackage", [{ name: "sites", features }]) // { bytes, fileName: "massekart.gpkg", … }
 */
export async function writeVectorFile(format: VectorFormat, layers: readonly OutputLayer[], options: VectorWriteOptions = {}): Promise<WrittenFile> {
  const baseName = safeFileName(options.baseName ?? "massekart");
  const epsg = options.epsg ?? 25832;
  const file = (bytes: Uint8Array, extension: string, warnings: string[] = []): WrittenFile => ({
    bytes,
    fileName: `${baseName}.${extension}`,
    mediaType: format === "kml" && options.kmz ? "application/vnd.google-earth.kmz" : mediaTypes[format],
    warnings,
  });
  // Each writer loads when its format is asked for.
  switch (format) {
    case "geopackage": {
      const { writeGeoPackage } = await import("./geopackage");
      return file(await writeGeoPackage(projected(layers, epsg), { epsg, ...(options.wasmUrl ? { wasmUrl: options.wasmUrl } : {}) }), "gpkg");
    }
    case "shapefile": {
      const { writeShapefileZip } = await import("./shapefile");
      const written = writeShapefileZip(projected(layers, epsg), { epsg });
      return file(written.bytes, "zip", written.warnings);
    }
    case "flatgeobuf": {
      const { writeFlatGeobuf } = await import("./flatgeobuf");
      const written = writeFlatGeobuf(oneLayer(projected(layers, epsg), baseName), { epsg });
      return file(written.bytes, "fgb", written.warnings);
    }
    case "kml": {
      const { writeKml } = await import("./kml");
      return file(writeKml(layers, { documentName: baseName, kmz: options.kmz ?? false }), options.kmz ? "kmz" : "kml");
    }
    case "geojson": {
      const layer = oneLayer(layers, baseName);
      const collection = { type: "FeatureCollection", name: layer.name, features: layer.features };
      return file(new TextEncoder().encode(`${JSON.stringify(collection)}\n`), "geojson");
    }
  }
}
