import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { buildRoadIndex, type RoadIndex } from "../../core/suitability/road-index";
import { suitabilityReport, type SuitabilitySite } from "../../core/suitability/report";
import { defaultSuitabilityRules, parseSuitabilityRules, type SuitabilityRules } from "../../core/suitability/rules";
import type { HaulLot } from "../../core/suitability/mean-haul";
import { parseJsonText, type ReadOutcome } from "../../io/geojson-input";
import { readZoningFile } from "../../io/zoning/read-zoning-file";
import { haulLotsFromGeoJson, roadLinesFromGeoJson, siteFromGeoJson } from "../../io/zoning/suitability-geojson";
import { zoningFormats, type ZoningFormat } from "../../io/zoning/zoning-file";
import { readFlagOptions } from "../options";

const defaultRoadsPath = () => fileURLToPath(new URL("../../../data/basemap/roads.geojson", import.meta.url));

const usage = `Usage: massekart suitability --zoning FILE --site SITE.geojson [options]

Rates a storage or receiving site against zoning (DESIGN §7): verdict with reasons, area,
capacity, zoning shares, conflicts within buffers, hazard and protection zones (hensynssoner of
the plan file, NVE hazard maps), nearest road and mean haul; the same JSON as
GET /api/sites/:id/suitability, without a server.

Options:
  --zoning FILE            zoning plan data: SOSI (.sos), SOSI-GML (.gml, .xml) or GeoJSON (.geojson, .json)
  --format sosi|gml|geojson  the zoning file's format (default: from its extension, else its content)
  --crs EPSG:CODE          CRS of the zoning coordinates, when the file does not say or says it wrong
  --code-property NAME     GeoJSON: the property holding the arealformål code (default: arealformål, RPAREALFORMÅL, …)
  --zones FILE             more hazard zones, e.g. NVE's quick-clay or flood map as GeoJSON (or SOSI, GML);
                           the hensynssoner in the --zoning file are always used
  --site SITE.geojson      the site: one GeoJSON Feature (Polygon); its properties may give stackHeightM,
                           usableShare and densityTonnesPerM3
  --site-crs EPSG:CODE     CRS of the site file (default: its "crs" member, else EPSG:4326)
  --roads ROADS.geojson    road centre lines for the nearest road (default: the shipped Asker roads; "none" to skip)
  --lots LOTS.geojson      registered surplus and demand: Point features with "tonnes", for the mean haul
  --rules RULES.json       suitability rules (default: data/suitability-rules.json)
  --out REPORT.json        write the report here instead of to standard output

Exit 0 with a report (whatever the verdict), 1 on invalid input.`;

const valueOptions = ["--zoning", "--format", "--crs", "--code-property", "--zones", "--site", "--site-crs", "--roads", "--lots", "--rules", "--out"] as const;

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
  if (format !== undefined && !(zoningFormats as readonly string[]).includes(format)) {
    return fail(`--format must be one of ${zoningFormats.join(", ")} (got "${format}").`);
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
    ...(format ? { format: format as ZoningFormat } : {}),
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
  const site = await readJsonFile<SuitabilitySite>(values["--site"], "site", (json) => siteFromGeoJson(json, siteCrs));
  if (!site.ok) return fail(site.problem);
  const warnings = [...zoning.warnings.map((warning) => `${values["--zoning"]}: ${warning}`), ...site.warnings];

  let roads: RoadIndex | undefined;
  const roadsPath = values["--roads"] ?? defaultRoadsPath();
  if (roadsPath !== "none") {
    const lines = await readJsonFile(roadsPath, "roads", (json) => roadLinesFromGeoJson(json, { source: roadsPath }));
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
