/**
 * (Re)generates Massekart's demo data set in `data/`:
 * - `data/codelists/arealformaal.json` from the code-list CSVs already in `data/codelists/`;
 * - `data/basemap/*.geojson` from the real public data in the shared data folder;
 * - `data/demo/*.json`, the illustrative projects, sites and zoning, validated with the zod
 *   schemas of `src/core/domain/records.ts`.
 *
 * Usage: `npx tsx scripts/build-demo-data.ts [--shared ../shared/data]`
 * (`--shared` is resolved from the repository root). Without the shared folder the basemap is
 * kept as it is and the rest is rebuilt from it. Deterministic: reruns give identical bytes.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join, resolve } from "node:path";
import { buildArealformaalList } from "./demo-data/codelists";
import { formatJson, writeOutput } from "./demo-data/output";
import { buildBasemap } from "./demo-data/basemap";
import { buildDemoRecords } from "./demo-data/demo-records";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");

function sharedDirFromArgs(argv: readonly string[]): string {
  const i = argv.indexOf("--shared");
  const given = i >= 0 ? argv[i + 1] : undefined;
  if (i >= 0 && !given) throw new Error("--shared needs a folder");
  return resolve(repoRoot, given ?? "../shared/data");
}

function main(): void {
  const dataDir = join(repoRoot, "data");
  const sharedDir = sharedDirFromArgs(process.argv.slice(2));

  const codelistDir = join(dataDir, "codelists");
  const codeList = buildArealformaalList(codelistDir);
  writeOutput(join(codelistDir, "arealformaal.json"), formatJson(codeList));

  if (existsSync(sharedDir)) {
    buildBasemap(sharedDir, join(dataDir, "basemap"));
  } else {
    console.warn(`shared data folder ${sharedDir} not found: keeping data/basemap as it is`);
  }

  buildDemoRecords(dataDir, codeList);
}

main();
