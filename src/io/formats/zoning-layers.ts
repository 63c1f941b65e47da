// Zoning from the layers of a GeoPackage, zipped Shapefile, KML or FlatGeobuf: each layer goes
// through the GeoJSON zoning reader in its own CRS, and the results are put together as one import.
// A plan exported from QGIS often has a layer per object type (RpArealformålOmråde,
// RpAngittHensynSone, RpOmråde …): layers of hensynssoner give zones, and layers with neither an
// arealformål code nor zones are set aside, counted and named, not refused, as long as some layer
// holds land-use areas or zones.
import { defaultCodeProperties, parseGeoJsonZoning } from "../zoning/geojson-zoning";
import type { SkippedObject, ZoningImport, ZoningImportOptions, ZoningImportResult } from "../zoning/zoning-import";
import type { InputFeature } from "../geojson-input";
import { layerGeoJson } from "./read-vector-file";
import type { VectorFile, VectorLayer } from "./vector-data";

const isArea = (feature: InputFeature) => feature.geometry?.type === "Polygon" || feature.geometry?.type === "MultiPolygon";

const hasProperty = (feature: InputFeature, names: readonly string[]) => {
  const keys = Object.keys(feature.properties ?? {}).map((key) => key.toLowerCase());
  return names.some((name) => {
    const at = keys.indexOf(name.toLowerCase());
    if (at < 0) return false;
    const value = Object.values(feature.properties ?? {})[at];
    return value !== null && value !== undefined && value !== "";
  });
};

// The properties the GeoJSON reader takes an object type from, and SOSI plan object type names.
const objectTypeProperties = ["name", "objtype", "objekttype", "objekttypenavn", "featureType"];
const sosiObjectTypeName = /^(rp|kp|rb)[a-zæøå]/i;

/**
 * The layer's features, each given its layer's name as `objtype` when the layer is named after a
 * SOSI object type (a layer per type, as QGIS exports a plan) and the feature names none, so the
 * readers can tell land use from hensynssoner and plan boundaries.
 */
function withObjectType(layer: VectorLayer): VectorLayer {
  if (!sosiObjectTypeName.test(layer.name)) return layer;
  return {
    ...layer,
    features: layer.features.map((feature) =>
      hasProperty(feature, objectTypeProperties) ? feature : { ...feature, properties: { ...(feature.properties ?? {}), objtype: layer.name } },
    ),
  };
}

/**
 * One zoning import from the layers of a file. Each layer is read by `parseGeoJsonZoning` with its
 * own CRS; with several layers, skipped objects are named with their layer, and layers that hold
 * no area with an arealformål code are counted under `ignored` with a warning. A CRS problem in
 * any layer stops the whole import, so nothing is half-read.
 */
export function zoningOfLayers(file: VectorFile, options: ZoningImportOptions = {}): ZoningImport {
  const source = options.source;
  const crsFlag = options.crsFlag ?? "--crs";
  const codeNames = options.codeProperty ? [options.codeProperty] : defaultCodeProperties;
  const several = file.layers.length > 1;
  const results: { layer: VectorLayer; result: ZoningImportResult }[] = [];
  const setAside: VectorLayer[] = [];
  for (const rawLayer of file.layers) {
    const layer = withObjectType(rawLayer);
    const geojson = layerGeoJson(layer, { source, crs: options.crs, crsFlag });
    if (!geojson.ok) return geojson;
    const areas = layer.features.filter(isArea);
    const coded = areas.some((feature) => hasProperty(feature, codeNames));
    const result = parseGeoJsonZoning(geojson.value, { ...options, ...(source ? { source: several ? `${source}, layer "${layer.name}"` : source } : {}) });
    // A layer of hensynssoner (RpFareSone …) has no arealformål code but is read for its zones.
    if (several && !coded && (!result.ok || result.zones.length === 0)) {
      setAside.push(layer);
      continue;
    }
    if (!result.ok) return result;
    results.push({ layer, result });
  }
  if (results.length === 0) {
    const looked = options.codeProperty ? `"${options.codeProperty}"` : `any of ${defaultCodeProperties.map((name) => `"${name}"`).join(", ")}`;
    const layers = file.layers.map((layer) => `"${layer.name}" (${layer.features.filter(isArea).length} areas)`).join(", ");
    return {
      ok: false,
      problem: `${source ? `${source}: ` : ""}no layer holds areas with the arealformål code property ${looked}; the layers are ${layers}. Name the property that holds the code (codeProperty, or --code-property on the command line), or choose the layer.`,
    };
  }

  const ignored: Record<string, number> = {};
  const warnings: string[] = [...file.warnings];
  const skipped: SkippedObject[] = [];
  const addWarning = (warning: string) => {
    if (!warnings.includes(warning)) warnings.push(warning);
  };
  for (const layer of setAside) {
    ignored[layer.name] = (ignored[layer.name] ?? 0) + layer.features.length;
    addWarning(`layer "${layer.name}" (${layer.features.length} features) has no arealformål code, so it was not read as zoning.`);
  }
  for (const { layer, result } of results) {
    for (const [type, count] of Object.entries(result.ignored)) ignored[type] = (ignored[type] ?? 0) + count;
    for (const warning of result.warnings) addWarning(warning);
    for (const object of result.skipped) skipped.push(several ? { ...object, object: `layer "${layer.name}", ${object.object}` } : object);
  }
  const areas = results.flatMap(({ result }) => result.areas);
  const zones = results.flatMap(({ result }) => result.zones);
  return {
    ok: true,
    areas,
    zones,
    skipped,
    planIds: [...new Set([...areas, ...zones].map((item) => item.planId))],
    sourceCrs: results.find(({ result }) => result.areas.length > 0)?.result.sourceCrs ?? results[0]!.result.sourceCrs,
    warnings,
    ignored,
  };
}
