// Fuzzing shared by the test suite (a few hundred runs, fixed seed) and bench/fuzz.ts (longer runs):
// every importer gets mutated real files, and must answer with a value (a result or a named
// problem), never throw, and never take more than 5 s (issue 12).
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { readCsv } from "../../src/io/csv/csv-table";
import { mapHeaders, readLotRow } from "../../src/core/registry/lot-csv";
import { outdoorLotCsvColumns, readOutdoorLotRow } from "../../src/core/outdoor/lot-csv";
import { shippedOutdoorCatalogue } from "../../src/core/outdoor/catalogue";
import { importZoningFile } from "../../src/io/zoning/zoning-file";

export const hangLimitMs = 5_000;
const fixture = (path: string) => new Uint8Array(readFileSync(new URL(`../fixtures/${path}`, import.meta.url)));

/** Real files of every format an importer reads, to mutate. */
export const importerFixtures = {
  sosi: fixture("sosi/plan-4204_1536-utdrag.sos"),
  gml: fixture("zoning/plan-4204_1536-hensynssoner.gml"),
  geojson: fixture("zoning/plan-4204_1536-stemtjonn-skytebane-epsg25832.geojson"),
  geopackage: fixture("formats/plan-4204_1536.gpkg"),
  shapefile: fixture("formats/plan-4204_1536-shp.zip"),
  kml: fixture("formats/plan-4204_1536.kml"),
  flatgeobuf: fixture("formats/plan-4204_1536.fgb"),
} as const;
export type ImporterFormat = keyof typeof importerFixtures;

/** A file after some damage: bytes overwritten, a slice cut out, the end cut off, hostile text spliced in. */
export const mutatedBytes = (original: Uint8Array) =>
  fc
    .array(
      fc.oneof(
        fc.record({ kind: fc.constant("set" as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
        fc.record({ kind: fc.constant("cut" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 64 }) }),
        fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
        fc.record({ kind: fc.constant("splice" as const), at: fc.nat(), text: fc.constantFrom("\u0000", "<<<<", "]]]]", "{{{{", "..SLUTT", "-1e308", "NaN", "\uFFFF", "9999-99") }),
      ),
      { minLength: 1, maxLength: 6 },
    )
    .map((edits) => {
      let bytes = original;
      for (const edit of edits) {
        const at = bytes.length === 0 ? 0 : edit.at % bytes.length;
        if (edit.kind === "set") {
          bytes = bytes.slice();
          if (bytes.length > 0) bytes[at] = edit.byte;
        } else if (edit.kind === "cut") bytes = new Uint8Array([...bytes.subarray(0, at), ...bytes.subarray(at + edit.length)]);
        else if (edit.kind === "truncate") bytes = bytes.subarray(0, at);
        else bytes = new Uint8Array([...bytes.subarray(0, at), ...new TextEncoder().encode(edit.text), ...bytes.subarray(at)]);
      }
      return bytes;
    });

/** Reads a damaged file of `format`; throws (failing the property) on an exception or a hang. */
export async function importerSurvives(format: ImporterFormat, bytes: Uint8Array): Promise<void> {
  const started = performance.now();
  const read = await importZoningFile(bytes, { format, fileName: `fuzz.${format}` });
  const ms = performance.now() - started;
  if (ms > hangLimitMs) throw new Error(`${format}: ${Math.round(ms)} ms`);
  if (!read.ok && (typeof read.problem !== "string" || read.problem === "")) throw new Error(`${format}: a failure without a problem`);
}

/** CSV text from rows of fuzzed cells under a header (the good files' headers, so rows reach the row readers). */
const csvCell = fc.oneof(
  fc.string(),
  fc.constantFrom("", "rock", "surplus", "demand", "tonnes", "2027-01", "9999-12", "1e309", "-5", "=1+2", "\u0000", "1|2|x", "ja", "available", "granite_kerb", "m"),
  fc.double().map(String),
);
export const csvText = (header: string) => fc.array(fc.array(csvCell, { maxLength: 14 }), { maxLength: 12 }).map((rows) => [header, ...rows.map((row) => row.map((cell) => `"${cell.replace(/"/g, '""')}"`).join(","))].join("\n"));
export const lotCsvHeader = "project,direction,material,contaminationClass,quantity,unit,from,to,lon,lat,hazardous,monthlyProfile,notes";
export const outdoorCsvHeader = "project,direction,type,quantity,unit,condition,availableFrom,wantedByMonth,neededBy,notes";

/** The CSV lot importers' pure part (read, map headers, read each row): must return values, never throw. */
export function csvImportersSurvive(lotCsv: string, outdoorCsv: string): void {
  const lots = readCsv(lotCsv);
  const lotHeaders = mapHeaders(lots.headers);
  lots.rows.forEach((cells, index) => {
    const values: Record<string, string> = {};
    lotHeaders.columns.forEach((column, i) => column && (values[column] = cells[i] ?? ""));
    readLotRow(index + 2, values);
  });
  const outdoor = readCsv(outdoorCsv);
  const outdoorHeaders = mapHeaders(outdoor.headers, outdoorLotCsvColumns);
  outdoor.rows.forEach((cells, index) => {
    const values: Record<string, string> = {};
    outdoorHeaders.columns.forEach((column, i) => column && (values[column] = cells[i] ?? ""));
    readOutdoorLotRow(index + 2, values, shippedOutdoorCatalogue.types);
  });
}

/** A JSON body for a write route: anything at all, or a plausible record with hostile values in its fields. */
export const writeBody = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.record(
    {
      name: fc.oneof(fc.string(), fc.constant("\u0000"), fc.constant("=cmd")),
      status: fc.constantFrom("planned", "candidate", "x"),
      kind: fc.constantFrom("storage", "landfill", "quarry"),
      location: fc.oneof(fc.constant({ type: "Point", coordinates: [10.43, 59.83] }), fc.jsonValue({ maxDepth: 3 })),
      geometry: fc.oneof(fc.constant({ type: "Polygon", coordinates: [[[10.4, 59.8], [10.41, 59.8], [10.41, 59.81], [10.4, 59.8]]] }), fc.jsonValue({ maxDepth: 3 })),
      direction: fc.constantFrom("surplus", "demand", "available", "wanted"),
      material: fc.constantFrom("rock", "clay_silt", "nope"),
      contaminationClass: fc.oneof(fc.integer({ min: -2, max: 7 }), fc.double()),
      quantity: fc.oneof(fc.record({ value: fc.double(), unit: fc.constantFrom("tonnes", "m3_loose") }), fc.double()),
      window: fc.record({ from: fc.constantFrom("2027-01", "9999-12", "1989-01", "x"), to: fc.constantFrom("2027-06", "2101-01", "") }),
      version: fc.oneof(fc.integer(), fc.double()),
      months: fc.array(fc.constantFrom("2027-01", "2027-02", "9999-12"), { maxLength: 4 }),
      lots: fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 3 }),
      notes: fc.string(),
      confirmLarge: fc.boolean(),
    },
    { requiredKeys: [] },
  ),
);
