import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { shippedOutdoorCatalogue } from "../../../src/core/outdoor/catalogue";
import { outdoorLotCsvColumns, outdoorLotToCsvRow, readOutdoorLotRow } from "../../../src/core/outdoor/lot-csv";
import { mapHeaders } from "../../../src/core/registry/lot-csv";
import { readCsv } from "../../../src/io/csv/csv-table";

const types = shippedOutdoorCatalogue.types;
const fixture = (name: string) => readFileSync(new URL(`../../fixtures/outdoor/${name}`, import.meta.url), "utf8");

/** Reads every data row of a fixture as the importer does. */
function readAll(text: string) {
  const csv = readCsv(text);
  const headers = mapHeaders(csv.headers, outdoorLotCsvColumns);
  return {
    headerErrors: headers.errors,
    rows: csv.rows.map((cells, index) => {
      const values: Record<string, string> = {};
      headers.columns.forEach((column, i) => {
        if (column) values[column] = cells[i] ?? "";
      });
      return readOutdoorLotRow(index + 2, values, types);
    }),
  };
}

describe("outdoor lot CSV", () => {
  it("reads Norwegian headers and values, semicolons, type names and decimal commas", () => {
    const { headerErrors, rows } = readAll(fixture("outdoor-lots-bad-rows.csv"));
    expect(headerErrors).toEqual([]);
    expect(rows[0]).toEqual({
      ok: true,
      value: {
        row: 2,
        projectId: undefined,
        project: "Utendørs CSV-prosjekt",
        lot: { direction: "available", typeId: "granite_kerb", quantity: 600, condition: "reusable", availableFrom: "2027-03", wantedBy: { month: "2027-09" }, notes: "Fra Slemmestadveien" },
      },
    });
    expect(rows[6]).toMatchObject({ ok: true, value: { lot: { typeId: "concrete_pipe_600", quantity: 120.5, condition: "needs_repair" } } });
  });

  it("gives each bad row its row, column and reason", () => {
    const { rows } = readAll(fixture("outdoor-lots-bad-rows.csv"));
    const errors = rows.flatMap((read) => (read.ok ? [] : read.errors.map((e) => `${e.row}:${e.column}`)));
    // Row 5 (unknown project) and 7 (too much area) need the database; the API test covers them.
    expect(errors).toEqual(["3:type", "4:unit", "4:quantity", "5:neededBy"]);
    const unit = rows[2]!.ok ? undefined : rows[2]!.errors[0]!.message;
    expect(unit).toBe('"stk" is not the unit of Granite kerb, which is counted in m');
  });

  it("reports unknown and missing columns on row 1", () => {
    const { headerErrors } = readAll("prosjekt;farge;mengde\nx;rød;1\n");
    expect(headerErrors.map((e) => `${e.row}:${e.column}:${e.message}`)).toEqual([
      "1:farge:unknown column; see the list of columns",
      "1:direction:required column is missing",
      "1:type:required column is missing",
      "1:condition:required column is missing",
    ]);
  });

  it("writes a lot so that reading the row gives the same lot back", () => {
    const lot = { direction: "available" as const, typeId: "granite_kerb", quantity: 600, condition: "reusable" as const, availableFrom: "2027-03", wantedBy: { projectId: "p2", month: "2027-09" }, storageSiteId: "s1", notes: "a, b" };
    const row = outdoorLotToCsvRow({ id: "p1", name: "Veg" }, { ...lot, id: "l1", projectId: "p1", version: 1, illustrative: false, updatedAt: "", updatedBy: null, deletedAt: null, unit: "m", tonnes: 60 });
    expect(Object.keys(row)).toEqual(outdoorLotCsvColumns.map((column) => column.name));
    expect(readOutdoorLotRow(2, row, types)).toEqual({ ok: true, value: { row: 2, projectId: "p1", project: "Veg", lot } });
  });
});
