// Excel: mass lots read into the same rows as the CSV reader gives (so the import goes through the
// same row reader and preview), the lot and scenario workbooks written, and GDAL's XLSX driver
// (the oracle) reading what Massekart writes.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import { strToU8, zipSync } from "fflate";
import { afterAll, describe, expect, inject, it } from "vitest";
import { lotToCsvRow, mapHeaders, readLotRow } from "../../../src/core/registry/lot-csv";
import { readCsv } from "../../../src/io/csv/csv-table";
import { readLotWorkbook, writeLotWorkbook } from "../../../src/io/formats/lot-workbook";
import { writeScenarioWorkbook } from "../../../src/io/formats/scenario-workbook";
import { cellText } from "../../../src/io/formats/workbook";
import { lot, plainParameters, solve } from "../../core/matching/helpers";
import { scratch } from "./gdal";

const tmp = scratch();
afterAll(() => tmp.cleanup());
const csvFixture = readFileSync(fileURLToPath(new URL("../../fixtures/registry/lots-good.csv", import.meta.url)), "utf8");

/** Rows of a table read through the lot CSV's header mapping and row reader: what the import would preview. */
function readLots(table: { headers: string[]; rows: string[][] }, rowNumbers?: number[]) {
  const headers = mapHeaders(table.headers);
  expect(headers.errors).toEqual([]);
  return table.rows.map((cells, index) => {
    const values: Record<string, string> = {};
    headers.columns.forEach((column, k) => {
      if (column) values[column] = cells[k] ?? "";
    });
    return readLotRow(rowNumbers?.[index] ?? index + 2, values);
  });
}

async function workbookBytes(fill: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  fill(workbook);
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

/** GDAL's reading of one sheet of an .xlsx, as CSV text rows (headers first). */
function gdalSheet(file: string, sheet: string): string[][] {
  const out = path.join(tmp.dir, `${sheet}-${Math.random().toString(36).slice(2)}.csv`);
  const ogr2ogr = inject("ogr2ogrPath");
  execFileSync(ogr2ogr, ["-f", "CSV", out, file, sheet, "-oo", "HEADERS=FORCE", "-oo", "FIELD_TYPES=STRING"], { stdio: ["ignore", "ignore", "pipe"] });
  const table = readCsv(readFileSync(out, "utf8"));
  return [table.headers, ...table.rows];
}

describe("mass lots from Excel", () => {
  it("gives the same lots as the CSV the workbook was made from, and round-trips the export", async () => {
    const csv = readCsv(csvFixture);
    const fromCsv = readLots(csv);
    expect(fromCsv.every((row) => row.ok)).toBe(true);
    const exported = fromCsv.map((row) => (row.ok ? lotToCsvRow({ id: "", name: row.value.project, status: row.value.projectStatus, lonLat: [10.46, 59.857] }, row.value.lot) : {}));
    const bytes = await writeLotWorkbook(exported);
    const read = await readLotWorkbook(bytes, { source: "lots.xlsx" });
    if (!read.ok) throw new Error(read.problem);
    expect(read.value.sheet).toBe("Massepartier");
    expect(read.value.rowNumbers).toEqual([2, 3, 4]);
    const fromXlsx = readLots(read.value, read.value.rowNumbers);
    expect(fromXlsx.map((row) => (row.ok ? row.value.lot : row))).toEqual(fromCsv.map((row) => (row.ok ? row.value.lot : row)));
  });

  it("reads Norwegian headers, number cells, decimal commas typed as text, month dates and formulas, with the sheet's row numbers", async () => {
    const bytes = await workbookBytes((workbook) => {
      workbook.addWorksheet("Forside").addRow(["Massebalanse Asker 2027"]);
      const sheet = workbook.addWorksheet("Masser");
      sheet.addRow(["Prosjekt", "Retning", "Massetype", "Tilstandsklasse", "Mengde", "Enhet", "Fra", "Til", "Øst", "Nord", "Koordinatsystem", "Merknad"]);
      sheet.addRow(["Bjørkåsen", "overskudd", "sprengstein", 1, 12500.5, "t", new Date(Date.UTC(2027, 3, 1)), new Date(Date.UTC(2027, 5, 1)), 586000, 6632000, "EPSG:25832", "fra Excel"]);
      sheet.addRow([]);
      sheet.addRow(["Bjørkåsen", "behov", "grus", "2", "1 200,5", "pam3", "2027-07", "2027-08", 586000, 6632000, "EPSG:25832", { richText: [{ text: "rik " }, { text: "tekst" }] }]);
      sheet.addRow(["Holmen", "overskudd", "morene", 3, { formula: "2*1500", result: 3000 }, "ulm3", "2028-01", "2028-02", 590000, 6630000, "EPSG:25832", ""]);
    });
    const read = await readLotWorkbook(bytes, { source: "masser.xlsx" });
    if (!read.ok) throw new Error(read.problem);
    expect(read.value.sheet).toBe("Masser");
    expect(read.value.rowNumbers).toEqual([2, 4, 5]);
    expect(read.value.rows[0]!.slice(3, 8)).toEqual(["1", "12500.5", "t", "2027-04", "2027-06"]);
    const lots = readLots(read.value, read.value.rowNumbers);
    expect(lots.map((row) => (row.ok ? [row.value.row, row.value.lot.quantity.value, row.value.lot.window.from, row.value.lot.notes] : row.errors))).toEqual([
      [2, 12500.5, "2027-04", "fra Excel"],
      [4, 1200.5, "2027-07", "rik tekst"],
      [5, 3000, "2028-01", ""],
    ]);
    expect(lots[1]!.ok && lots[1]!.value.position).toEqual({ kind: "projected", east: 586000, north: 6632000, crs: "EPSG:25832" });
  });

  it("names the row and column of a bad cell by the spreadsheet's row number", async () => {
    const bytes = await workbookBytes((workbook) => {
      const sheet = workbook.addWorksheet("Lots");
      sheet.addRow(["project", "direction", "material", "contaminationClass", "quantity", "unit", "from", "to"]);
      sheet.addRow([]);
      sheet.addRow(["A", "surplus", "rock", 1, "mye", "t", "2027-01", "2027-02"]);
    });
    const read = await readLotWorkbook(bytes);
    if (!read.ok) throw new Error(read.problem);
    expect(readLots(read.value, read.value.rowNumbers)).toEqual([{ ok: false, errors: [{ row: 3, column: "quantity", message: '"mye" is not a number', key: "csv.notNumber", params: { value: "mye" } }] }]);
  });

  it("is read by GDAL's XLSX driver with the same columns and values", async () => {
    const csv = readCsv(csvFixture);
    const rows = readLots(csv).map((row) => (row.ok ? lotToCsvRow({ id: "p1", name: row.value.project, status: "planned", lonLat: [10.46, 59.857] }, row.value.lot) : {}));
    const file = tmp.file("lots.xlsx", await writeLotWorkbook(rows, { language: "en" }));
    const [headers, ...gdalRows] = gdalSheet(file, "Lots");
    expect(headers).toEqual(Object.keys(rows[0]!));
    gdalRows.forEach((cells, k) => {
      const expected = rows[k]!;
      headers!.forEach((header, c) => {
        const value = expected[header] ?? "";
        if (["lon", "lat", "quantity", "contaminationClass"].includes(header) && value !== "") expect(Number(cells[c])).toBeCloseTo(Number(value), 9);
        else if (header === "hazardous") expect(cells[c]!.toLowerCase()).toMatch(value === "true" ? /^(1|true)$/ : /^(0|false)$/);
        else expect(cells[c] ?? "").toBe(value);
      });
    });
  });

  it.each([
    ["an old .xls", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), /lots\.xls: an old Excel 97–2003 workbook \(\.xls\); save it as an Excel workbook \(\.xlsx\)/],
    ["a CSV named .xlsx", strToU8("project;direction\n"), /lots\.xls: not an Excel workbook \(\.xlsx\)\./],
    ["a zip that is no workbook", zipSync({ "a.txt": strToU8("hello") }), /lots\.xls: a zip archive, but not an Excel workbook \(\.xlsx\): it has no xl\/workbook\.xml/],
    ["a damaged workbook", zipSync({ "[Content_Types].xml": strToU8("<Types"), "xl/workbook.xml": strToU8("<workbook><sheets><sheet") }), /lots\.xls: the Excel workbook is damaged or not an \.xlsx/],
    ["a zip bomb", zipSync({ "xl/worksheets/sheet1.xml": new Uint8Array(40 * 1024 * 1024) }, { level: 9 }), /lots\.xls: the zip archive is refused: it unpacks to \d+ times its packed size/],
  ])("refuses %s with the cause", async (_what, bytes, problem) => {
    const read = await readLotWorkbook(bytes, { source: "lots.xls" });
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.problem).toMatch(problem);
  });

  it("turns cells into the text a CSV holds", () => {
    expect(cellText(1200.5)).toBe("1200.5");
    expect(cellText(true)).toBe("true");
    expect(cellText(new Date(Date.UTC(2027, 2, 1)))).toBe("2027-03");
    expect(cellText(new Date(Date.UTC(2027, 2, 15)))).toBe("2027-03-15");
    expect(cellText({ error: "#N/A" } as never)).toBe("#N/A");
    expect(cellText(null)).toBe("");
  });
});

describe("a scenario's result as a workbook", () => {
  it("has a sheet per table whose rows GDAL reads back: key figures beside the baseline, flows, stock, unplaced", async () => {
    const m1 = "2027-01";
    const m2 = "2027-02";
    const result = await solve({
      months: [m1, m2],
      parameters: plainParameters,
      lots: [lot("S1", "surplus", "rock", 1, 100, m1), lot("D1", "demand", "rock", 1, 60, m2), lot("D2", "demand", "rock", 1, 40, m1)],
      distances: [
        { from: "S1", to: "D1", km: 2 },
        { from: "S1", to: "D2", km: 5 },
      ],
    });
    const names = new Map([
      ["S1", "Bjørkåsen tunnel"],
      ["D1", "Asker skole"],
    ]);
    const file = tmp.file("scenario.xlsx", await writeScenarioWorkbook(result, { names, language: "en" }));
    const layers = execFileSync(path.join(path.dirname(inject("ogr2ogrPath")), "ogrinfo"), ["-ro", "-q", file], { encoding: "utf8" });
    expect([...layers.matchAll(/^\d+: (.+?) \(/gm)].map((match) => match[1])).toEqual(["KPIs", "Flows", "Stock by month", "Peak stock", "Not placed", "Notes"]);

    const [kpiHeaders, ...kpis] = gdalSheet(file, "KPIs");
    expect(kpiHeaders).toEqual(["Key figure", "Unit", "Plan", "No exchange", "Plan − no exchange"]);
    const reused = kpis.find((row) => row[0] === "Reused")!;
    expect(Number(reused[2])).toBeCloseTo(result.kpis.tonnesReused, 6);
    expect(Number(reused[3])).toBeCloseTo(result.baseline.kpis.tonnesReused, 6);
    expect(kpis.find((row) => row[0] === "Reuse rate")![1]).toBe("%");

    const [flowHeaders, ...flows] = gdalSheet(file, "Flows");
    expect(flowHeaders!.slice(0, 5)).toEqual(["From", "From (name)", "To", "To (name)", "Month"]);
    expect(flows).toHaveLength(result.flows.length);
    const total = flows.reduce((sum, row) => sum + Number(row[flowHeaders!.indexOf("Tonnes")]), 0);
    expect(total).toBeCloseTo(result.flows.reduce((sum, flow) => sum + flow.tonnes, 0), 6);
    expect(flows.some((row) => row[1] === "Bjørkåsen tunnel")).toBe(true);
  });

  it("writes a failed solve as its status and message", async () => {
    const bytes = await writeScenarioWorkbook({ status: "error", message: "HiGHS stopped: time limit", warnings: ["used straight lines"], stats: { variables: 0, constraints: 0, nonZeros: 0, prepareSeconds: 0, buildSeconds: 0, solveSeconds: 0, totalSeconds: 0 } });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["Status", "Merknader"]);
    expect(workbook.getWorksheet("Status")!.getRow(2).getCell(2).value).toBe("HiGHS stopped: time limit");
  });
});
