// Issue 12, fuzzing: every importer, fed damaged real files with a fixed seed, answers with a value
// (areas or a named problem): no exception, no hang over 5 s. `npm run bench:fuzz` runs longer.
import fc from "fast-check";
import { describe, it } from "vitest";
import { csvImportersSurvive, csvText, importerFixtures, importerSurvives, lotCsvHeader, mutatedBytes, outdoorCsvHeader, type ImporterFormat } from "../../support/fuzz";

const seed = 20261204;

describe("importers survive damaged files (fast-check, fixed seed)", () => {
  // A first run hung on FlatGeobuf: a damaged header with no (or a NaN) feature count and a spatial
  // index sent the library's index sizing into an endless loop; the reader now refuses such a header.
  it.each(Object.keys(importerFixtures) as ImporterFormat[])("%s", async (format) => {
    await fc.assert(fc.asyncProperty(mutatedBytes(importerFixtures[format]), (bytes) => importerSurvives(format, bytes)), { numRuns: 40, seed });
  }, 120_000);

  it("CSV lots and CSV outdoor lots", () => {
    fc.assert(fc.property(csvText(lotCsvHeader), csvText(outdoorCsvHeader), (lots, outdoor) => csvImportersSurvive(lots, outdoor)), { numRuns: 300, seed });
  });
});
