// Mass lots as Excel workbooks (issue 13): POST /api/lots/import/xlsx goes through the CSV import
// (same columns, Norwegian headers, dry-run report with the sheet's own row numbers, all or
// nothing), and GET /api/lots/export.xlsx writes the lots with numbers as numbers, so the export
// imports again to the same lots.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LotImportReport, ProjectListResponse } from "../../../src/core/domain/registry-api";
import { readSheetTable, writeWorkbook } from "../../../src/io/formats/workbook";
import { backendNames } from "../../support/databases";
import { apiClient, startTestServer, type ApiClient, type TestServer } from "../../support/server";

/** A sheet with Norwegian headers as an engineer might type it: numbers as numbers, one row bad. */
const norwegianSheet = () =>
  writeWorkbook([
    {
      name: "Masser",
      columns: ["prosjekt", "retning", "materiale", "tilstandsklasse", "mengde", "enhet", "fra", "til", "lengdegrad", "breddegrad", "merknad"].map((header) => ({ key: header, header })),
      rows: [
        { prosjekt: "Regneark – Vollen", retning: "overskudd", materiale: "sprengstein", tilstandsklasse: 1, mengde: 1200.5, enhet: "pfm3", fra: "2027-03", til: "2027-05", lengdegrad: 10.46, breddegrad: 59.83, merknad: "fra Excel" },
        { prosjekt: "Regneark – Vollen", retning: "behov", materiale: "grus", tilstandsklasse: 2, mengde: 800, enhet: "t", fra: "2027-06", til: "2027-07" },
        {},
        { prosjekt: "Regneark – Vollen", retning: "behov", materiale: "gull", tilstandsklasse: 2, mengde: 5, enhet: "t", fra: "2027-06", til: "2027-07" },
      ],
    },
  ]);

describe.each(backendNames)("lots as .xlsx on %s", (backend) => {
  let server: TestServer;
  const clients = {} as Record<"viewer" | "engineer", ApiClient>;
  beforeAll(async () => {
    server = await startTestServer(backend);
    for (const actor of ["viewer", "engineer"] as const) {
      clients[actor] = apiClient(server.url);
      await clients[actor].login(actor);
    }
  });
  afterAll(async () => {
    await server?.stop();
  });

  const upload = (client: ApiClient, bytes: Uint8Array, query = "") =>
    client.request("POST", `/api/lots/import/xlsx?fileName=masser.xlsx${query}`, bytes, { "content-type": "application/octet-stream", connection: "close" });
  const projectCount = async () => ((await (await clients.viewer.request("GET", "/api/projects")).json()) as ProjectListResponse).items.length;

  it("previews the sheet like a CSV: Norwegian headers, numbers as numbers, bad rows by their row in the sheet, nothing written", async () => {
    const bytes = await norwegianSheet();
    const before = await projectCount();
    const dry = await upload(clients.engineer, bytes, "&dryRun=true");
    const report = (await dry.json()) as LotImportReport;
    expect(dry.status, JSON.stringify(report)).toBe(200);
    expect(report).toMatchObject({ valid: false, dryRun: true, rows: 3 });
    // The blank row 4 is left out; the bad material is on the sheet's row 5.
    expect(report.errors.map((e) => `${e.row}:${e.column}:${e.key}`)).toEqual([expect.stringMatching(/^5:material:/)]);
    expect(report.preview.find((p) => p.row === 2)).toMatchObject({ project: "Regneark – Vollen", newProject: true, lot: { quantity: { value: 1200.5, unit: "m3_in_place" } } });
    const refused = await upload(clients.engineer, bytes);
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as LotImportReport).created).toEqual({ projects: 0, lots: 0 });
    expect(await projectCount()).toBe(before);
    expect((await upload(clients.viewer, bytes, "&dryRun=true")).status).toBe(403);
  });

  it("imports a good sheet in one go, and the .xlsx export holds the lots with numbers as numbers and imports again", async () => {
    const table = await readSheetTable(await norwegianSheet());
    if (!table.ok) throw new Error(table.problem);
    const good = await writeWorkbook([
      { name: "Masser", columns: table.value.headers.map((header) => ({ key: header, header })), rows: [
        { prosjekt: "Regneark – Vollen", retning: "overskudd", materiale: "sprengstein", tilstandsklasse: 1, mengde: 1200.5, enhet: "pfm3", fra: "2027-03", til: "2027-05", lengdegrad: 10.46, breddegrad: 59.83, merknad: "fra Excel" },
        { prosjekt: "Regneark – Vollen", retning: "behov", materiale: "grus", tilstandsklasse: 2, mengde: 800, enhet: "t", fra: "2027-06", til: "2027-07" },
      ] },
    ]);
    const created = await upload(clients.engineer, good);
    expect(created.status).toBe(201);
    expect(((await created.json()) as LotImportReport).created).toEqual({ projects: 1, lots: 2 });

    const exported = await clients.viewer.request("GET", "/api/lots/export.xlsx?q=Regneark");
    expect(exported.status).toBe(200);
    expect(exported.headers.get("content-type")).toMatch(/spreadsheetml/);
    const bytes = new Uint8Array(await exported.arrayBuffer());
    const { default: ExcelJS } = await import("exceljs");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    const quantity = sheet.getRow(2).getCell(headers.indexOf("quantity") + 1).value;
    expect(typeof quantity).toBe("number");
    expect([1200.5, 800]).toContain(quantity);

    // The export into the same import path (a dry run: same rows, no errors, the existing project).
    const again = (await (await upload(clients.engineer, bytes, "&dryRun=true")).json()) as LotImportReport;
    expect(again).toMatchObject({ valid: true, rows: 2, errors: [] });
    expect(again.preview.map((p) => [p.newProject, p.lot.quantity.value]).sort()).toEqual([[false, 1200.5], [false, 800]].sort());
  });

  it("a file that is not a workbook is a 400 naming the cause", async () => {
    const response = await upload(clients.engineer, new TextEncoder().encode("prosjekt;retning\nA;overskudd\n"));
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toMatch(/^masser\.xlsx: not an Excel workbook \(\.xlsx\)/);
  });
});
