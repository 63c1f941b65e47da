// `npm run bench:fuzz [-- --runs N] [-- --format sosi]`: the importer fuzzing of
// test/io/formats/importers-fuzz.test.ts with more runs and a fresh seed each time (printed, so a
// failure can be replayed). Prints per format runs, failures and the slowest read; writes
// bench/results/fuzz.json. A failure is an exception or a read over 5 s.
import fc from "fast-check";
import { csvImportersSurvive, csvText, importerFixtures, importerSurvives, lotCsvHeader, mutatedBytes, outdoorCsvHeader, type ImporterFormat } from "../test/support/fuzz";
import { printTable, writeResults } from "./support/report";

const option = (name: string) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
const runs = Number(option("--runs") ?? 500);
const only = option("--format");
const seed = Number(option("--seed") ?? Date.now() % 2 ** 31);
console.error(`seed ${seed}`);

const rows: Record<string, unknown>[] = [];
for (const format of Object.keys(importerFixtures) as ImporterFormat[]) {
  if (only && only !== format) continue;
  let slowestMs = 0;
  const result = await fc.check(
    fc.asyncProperty(mutatedBytes(importerFixtures[format]), async (bytes) => {
      const started = performance.now();
      await importerSurvives(format, bytes);
      slowestMs = Math.max(slowestMs, performance.now() - started);
    }),
    { numRuns: runs, seed },
  );
  rows.push({ importer: format, runs: result.numRuns, failed: result.failed ? "yes" : "no", slowestMs: Math.round(slowestMs), counterexample: result.failed ? String(result.errorInstance ?? "") : "" });
}
if (!only || only === "csv") {
  const result = fc.check(fc.property(csvText(lotCsvHeader), csvText(outdoorCsvHeader), (lots, outdoor) => csvImportersSurvive(lots, outdoor)), { numRuns: runs * 4, seed });
  rows.push({ importer: "csv lots + outdoor lots", runs: result.numRuns, failed: result.failed ? "yes" : "no", slowestMs: "", counterexample: result.failed ? String(result.errorInstance ?? "") : "" });
}
printTable([["importer", "importer"], ["runs", "runs"], ["failed", "failed"], ["slowestMs", "slowest ms"], ["counterexample", "failure"]], rows);
writeResults("fuzz", { seed, runs, rows });
process.exit(rows.some((row) => row.failed === "yes") ? 1 : 0);
