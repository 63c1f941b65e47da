import { writeFile } from "node:fs/promises";
import { matrixJson, type DistanceMatrix, type DistanceMode } from "../../core/haul/distance-matrix";
import { distanceModes, haulMatrix, type HaulOptions } from "../../core/haul/haul-matrix";
import { defaultCircuityFactor } from "../../core/haul/straight-line";
import { defaultMaxSnapKm } from "../../core/haul/road-distances";
import { defaultRoadNetworkPath, readHaulPointsFile, readRoadNetworkFile } from "../../io/road-network/read-files";
import { readFlagOptions } from "../options";

const usage = `Usage: massekart distances --from A.geojson --to B.geojson [options]

Distance matrix in km from every point of A to every point of B (DESIGN §3). Points are GeoJSON
Point features (or Polygons: their centroid) with an "id" property.

Options:
  --mode straight|road|osrm  distance mode (default straight)
  --network ROADS.geojson    road network for mode road (default: the shipped Asker network)
  --osrm-url URL             OSRM server for mode osrm (default: $MASSEKART_OSRM_URL)
  --circuity N               road km per straight km in mode straight and fallbacks (default ${defaultCircuityFactor})
  --max-snap-km N            farthest a point may lie from a road and still be routed (default ${defaultMaxSnapKm})
  --crs EPSG:CODE            CRS of the network file (default: its "crs" member, else EPSG:4326)
  --points-crs EPSG:CODE     CRS of the --from and --to files (default: their "crs" member, else EPSG:4326)
  --timeout-ms N             OSRM request time limit (default 10000)
  --out MATRIX.json          write the matrix here instead of to standard output

Output: {"from":[ids],"to":[ids],"km":[[…]],"unreachable":[{"from","to","reason"}],"warnings":[…]}
Exit 0 with a matrix (also after a fallback to straight lines, with a warning), 1 on invalid input.`;

const valueOptions = ["--mode", "--network", "--osrm-url", "--circuity", "--max-snap-km", "--crs", "--points-crs", "--timeout-ms", "--out", "--from", "--to"] as const;

const parseArgs = (args: string[]) => readFlagOptions(args, valueOptions);

function positiveNumber(text: string | undefined, name: string, fallback: number, min: number): { ok: true; value: number } | { ok: false; problem: string } {
  if (text === undefined) return { ok: true, value: fallback };
  const value = Number(text);
  if (!Number.isFinite(value) || value < min) return { ok: false, problem: `${name} must be a number ≥ ${min} (got "${text}")` };
  return { ok: true, value };
}

/** Rows on their own lines: readable for a person, and still one JSON value. */
function formatMatrix(matrix: DistanceMatrix): string {
  const json = matrixJson(matrix);
  const rows = json.km.map((row) => JSON.stringify(row)).join(",\n  ");
  return (
    `{\n"from": ${JSON.stringify(json.from)},\n"to": ${JSON.stringify(json.to)},\n"km": [\n  ${rows}\n],\n` +
    `"unreachable": ${JSON.stringify(json.unreachable, null, 1).replace(/\n\s*/g, " ")},\n"warnings": ${JSON.stringify(json.warnings)}\n}\n`
  );
}

/** `massekart distances`: reads points (and a network), prints or writes the matrix; returns the exit code. */
async function run(args: string[]): Promise<number> {
  const fail = (problem: string) => {
    console.error(`massekart distances: ${problem}`);
    return 1;
  };
  const parsed = parseArgs(args);
  if (!parsed.ok) return fail(`${parsed.problem}.\n\n${usage}`);
  if (parsed.help) {
    console.log(usage);
    return 0;
  }
  const { values } = parsed;
  const mode = (values["--mode"] ?? "straight") as DistanceMode;
  if (!distanceModes.includes(mode)) return fail(`--mode must be one of ${distanceModes.join(", ")} (got "${values["--mode"]}").`);
  if (!values["--from"] || !values["--to"]) return fail(`--from and --to are required.\n\n${usage}`);
  const circuity = positiveNumber(values["--circuity"], "--circuity", defaultCircuityFactor, 1);
  if (!circuity.ok) return fail(circuity.problem);
  const maxSnap = positiveNumber(values["--max-snap-km"], "--max-snap-km", defaultMaxSnapKm, 0);
  if (!maxSnap.ok) return fail(maxSnap.problem);
  const timeout = positiveNumber(values["--timeout-ms"], "--timeout-ms", 10_000, 1);
  if (!timeout.ok) return fail(timeout.problem);
  const pointsCrs = { crs: values["--points-crs"], crsFlag: "--points-crs" };
  const from = await readHaulPointsFile(values["--from"], pointsCrs);
  if (!from.ok) return fail(from.problem);
  const to = await readHaulPointsFile(values["--to"], pointsCrs);
  if (!to.ok) return fail(to.problem);
  const warnings = [...from.warnings, ...to.warnings];

  const options: HaulOptions = { mode, circuityFactor: circuity.value, maxSnapKm: maxSnap.value };
  if (mode === "road") {
    const network = await readRoadNetworkFile(values["--network"] ?? defaultRoadNetworkPath(), { crs: values["--crs"] });
    if (!network.ok) return fail(network.problem);
    warnings.push(...network.warnings);
    options.graph = network.value.graph;
  }
  if (mode === "osrm") {
    const baseUrl = values["--osrm-url"] ?? process.env.MASSEKART_OSRM_URL;
    if (!baseUrl) return fail("mode osrm needs a server: pass --osrm-url URL or set MASSEKART_OSRM_URL.");
    if (!/^https?:\/\//.test(baseUrl)) return fail(`--osrm-url must be an http(s) URL (got "${baseUrl}").`);
    options.osrm = { baseUrl, fetch: (url, init) => fetch(url, init), timeoutMs: timeout.value };
  }

  const matrix = await haulMatrix(from.value, to.value, options);
  matrix.warnings = [...warnings, ...matrix.warnings];
  const text = formatMatrix(matrix);
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
  for (const warning of matrix.warnings) console.error(`warning: ${warning}`);
  const connectors = [...(matrix.connectorKm?.from ?? []), ...(matrix.connectorKm?.to ?? [])].filter((km) => km !== null);
  const longest = connectors.length > 0 ? `; longest off-road connector ${Math.max(...connectors).toFixed(2)} km` : "";
  console.error(
    `${from.value.length} × ${to.value.length} distances (mode ${matrix.mode ?? mode}), ${matrix.unreachable.length} unreachable pairs${longest}` +
      (out ? `; written to ${out}` : ""),
  );
  return 0;
}

export const distancesCommand = { summary: "distance matrix between two point files (straight, road or OSRM)", run };
