import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { buildRoadIndex, type RoadIndex } from "../../core/suitability/road-index";
import { suitabilityReport, type SuitabilitySite } from "../../core/suitability/report";
import { defaultSuitabilityRules, parseSuitabilityRules, type SuitabilityRules } from "../../core/suitability/rules";
import type { HaulLot } from "../../core/suitability/mean-haul";
import { parseJsonText, type ReadOutcome } from "../../io/geojson-input";
import { readZoningFile } from "../../io/zoning/read-zoning-file";
import { haulLotsFromGeoJson, roadLinesFromGeoJson, siteFromGeoJson } from "../../io/zoning/suitability-geojson";
import { zoningFileFormats, type ZoningFileFormat } from "../../io/zoning/zoning-file";
import { readFlagOptions } from "../options";

const defaultRoadsPath = () => fileURLToPath(new URL("../../../data/basemap/roads.geojson", import.meta.url));

const usage = `Usage: massekart suitability --zoning FILE --site SITE [options]

Rates a storage or receiving site against zoning (DESIGN §7): verdict with reasons, area,
capacity, zoning shares, conflicts within buffers, hazard and protection zones (hensynssoner of
the plan file, NVE hazard maps), nearest road and mean haul; the same JSON as
GET /api/sites/:id/suitability, without a server.

Options:
  --zoning FILE            zoning plan data: SOSI (.sos), SOSI-GML (.gml, .xml), GeoJSON (.geojson, .json),
                           GeoPackage (.gpkg), zipped Shapefile (.zip), KML/KMZ (.kml, .kmz) or FlatGeobuf (.fgb)
  --format FORMAT          the zoning file's format: sosi, gml, geojson, geopackage, shapefile, kml or
                           flatgeobuf (default: from its content, else its extension)
  --layer NAME             the layer of a GeoPackage, zipped Shapefile or KML to read zoning from
                           (default: every layer that holds areas with an arealformål code)
  --crs EPSG:CODE          CRS of the zoning coordinates, when the file does not say or says it wrong
  --code-property NAME     the property holding the arealformål code (default: arealformål, RPAREALFORMÅL, …;
                           Shapefile names cut to 10 characters, such as RPAREALFOR, are recognised)
  --zones FILE             more hazard zones, e.g. NVE's quick-clay or flood map (GeoJSON or any format above);
                           the hensynssoner in the --zoning file are always used
  --site SITE              the site: one Feature (Polygon) in GeoJSON or any format above with one layer;
                           its properties may give stackHeightM, usableShare and densityTonnesPerM3
  --site-crs EPSG:CODE     CRS of the site file (default: what the file says, else EPSG:4326)
  --roads ROADS            road centre lines for the nearest road, GeoJSON or any format above with one
                           layer (an Elveg or NVDB export; default: the shipped Asker roads; "none" to skip)
  --lots LOTS.geojson      registered surplus and demand: Point features with "tonnes", for the mean haul
  --rules RULES.json       suitability rules (default: data/suitability-rules.json)
  --out REPORT.json        write the report here instead of to standard output

Exit 0 with a report (whatever the verdict), 1 on invalid input.`;

const valueOptions = ["--zoning", "--format", "--layer", "--crs", "--code-property", "--zones", "--site", "--site-crs", "--roads", "--lots", "--rules", "--out"] as const;

const parseArgs = (args: string[]) => readFlagOptions(args, valueOptions);

/** Reads and parses a JSON file, then hands it to `parse`. */
async function readJsonFile<T>(path: string, what: string, parse: (json: unknown) => ReadOutcome<T>): Promise<ReadOutcome<T>> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    return { ok: false, problem: `${path}: cannot read the ${what} file (${(error as NodeJS.ErrnoException).code ?? String(error)}).` };
  }
  const json = parseJsonText(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, path);
  return json.ok ? parse(json.value) : json;
}

/** Reads a vector file in any format with one layer as GeoJSON, then hands it to `parse`. */
async function readVectorInput<T>(path: string, what: string, crs: { crs?: string; crsFlag: string }, parse: (json: unknown) => ReadOutcome<T>): Promise<ReadOutcome<T>> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    return { ok: false, problem: `${path}: cannot read the ${what} file (${(error as NodeJS.ErrnoException).code ?? String(error)}).` };
  }
  const { readVectorFileAsGeoJson } = await import("../../io/formats/read-vector-file");
  const read = await readVectorFileAsGeoJson(bytes, { fileName: path, ...crs });
  if (!read.ok) return read;
  const parsed = parse(read.value);
  return parsed.ok ? { ...parsed, warnings: [...read.warnings.map((warning) => `${path}: ${warning}`), ...parsed.warnings] } : parsed;
}

/** `massekart suitability`: prints or writes the report; returns the exit code. */
async function run(args: string[]): Promise<number> {
  const fail = (problem: string) => {
    console.error(`massekart suitability: ${problem}`);
    return 1;
  };
  const parsed = parseArgs(args);
  if (!parsed.ok) return fail(`${parsed.problem}.\n\n${usage}`);
  if (parsed.help) {
    console.log(usage);
    return 0;
  }
  const { values } = parsed;
  if (!values["--zoning"] || !values["--site"]) return fail(`--zoning and --site are required.\n\n${usage}`);
  const format = values["--format"];
  if (format !== undefined && !(zoningFileFormats as readonly string[]).includes(format)) {
    return fail(`--format must be one of ${zoningFileFormats.join(", ")} (got "${format}").`);
  }

  let rules: SuitabilityRules = defaultSuitabilityRules;
  if (values["--rules"]) {
    const read = await readJsonFile(values["--rules"], "rules", (json) => {
      const checked = parseSuitabilityRules(json);
      return checked.ok ? { ok: true, value: checked.rules, warnings: [] } : { ok: false, problem: `${values["--rules"]}: ${checked.problem}` };
    });
    if (!read.ok) return fail(read.problem);
    rules = read.value;
  }

  const zoning = await readZoningFile(values["--zoning"], {
    ...(format ? { format: format as ZoningFileFormat } : {}),
    ...(values["--layer"] !== undefined ? { layer: values["--layer"] } : {}),
    layerFlag: "--layer",
    ...(values["--crs"] ? { crs: values["--crs"] } : {}),
    ...(values["--code-property"] ? { codeProperty: values["--code-property"] } : {}),
    crsFlag: "--crs",
  });
  if (!zoning.ok) return fail(zoning.problem);
  const zones = [...zoning.zones];
  const skipped = zoning.skipped.map((s) => ({ file: values["--zoning"], ...s }));
  if (values["--zones"]) {
    const more = await readZoningFile(values["--zones"], { crsFlag: "--crs" });
    if (!more.ok) return fail(more.problem);
    zones.push(...more.zones);
    skipped.push(...more.skipped.map((s) => ({ file: values["--zones"]!, ...s })));
  }

  const siteCrs = { source: values["--site"], crsFlag: "--site-crs", ...(values["--site-crs"] ? { crs: values["--site-crs"] } : {}) };
  const site = await readVectorInput<SuitabilitySite>(values["--site"], "site", siteCrs, (json) => siteFromGeoJson(json, siteCrs));
  if (!site.ok) return fail(site.problem);
  const warnings = [...zoning.warnings.map((warning) => `${values["--zoning"]}: ${warning}`), ...site.warnings];

  let roads: RoadIndex | undefined;
  const roadsPath = values["--roads"] ?? defaultRoadsPath();
  if (roadsPath !== "none") {
    const lines = await readVectorInput(roadsPath, "roads", { crsFlag: "--crs" }, (json) => roadLinesFromGeoJson(json, { source: roadsPath }));
    if (!lines.ok) return fail(lines.problem);
    warnings.push(...lines.warnings);
    roads = buildRoadIndex(lines.value);
  }

  let lots: HaulLot[] = [];
  if (values["--lots"]) {
    const read = await readJsonFile(values["--lots"], "lots", (json) => haulLotsFromGeoJson(json, { source: values["--lots"]! }));
    if (!read.ok) return fail(read.problem);
    warnings.push(...read.warnings);
    lots = read.value;
  }

  const outcome = suitabilityReport(site.value, zoning.areas, { rules, ...(roads ? { roads } : {}), lots, zones });
  if (!outcome.ok) return fail(`${values["--site"]}: ${outcome.problem}`);
  const { report } = outcome;
  const text = `${JSON.stringify(report, null, 2)}\n`;
  const out = values["--out"];
  if (out) {
    try {
      await writeFile(out, text);
    } catch (error) {
      return fail(`cannot write ${out} (${(error as NodeJS.ErrnoException).code ?? String(error)}).`);
    }
  } else {
    process.stdout.write(text);
  }
  for (const object of skipped) console.error(`skipped: ${object.file}: ${object.object}: ${object.reason}`);
  for (const warning of [...warnings, ...report.warnings]) console.error(`warning: ${warning}`);
  console.error(
    `${report.verdict}: ${report.reasons.length} reasons; zoning: ${zoning.areas.length} areas from ${values["--zoning"]} (${zoning.sourceCrs}` +
      `${skipped.length > 0 ? `, ${skipped.length} objects skipped` : ""}); ${zones.length} hazard and protection zones${out ? `; written to ${out}` : ""}`,
  );
  return 0;
}

export const suitabilityCommand = { summary: "rate a site against zoning: verdict, reasons, capacity (no server)", run };
