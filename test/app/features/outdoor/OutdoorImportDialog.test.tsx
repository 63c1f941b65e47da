// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { OutdoorLotImportReport } from "../../../../src/core/outdoor/api";
import { catalogueInForce } from "../../../../src/core/outdoor/catalogue";
import { OutdoorImportDialog } from "../../../../src/app/features/outdoor/OutdoorImportDialog";
import type { Lang } from "../../../../src/app/i18n/i18n";
import { signedIn } from "../../../../src/app/state/session-slice";
import { resetAppStore, useAppStore } from "../../../../src/app/state/store";

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
const plain = (text: string | null) => (text ?? "").replace(/[\u00a0\u202f]/g, " ");
const file = (text: string) => new File([text], "utematerialer.csv", { type: "text/csv" });

const types = catalogueInForce([]);

const kerbRow: OutdoorLotImportReport["preview"][number] = {
  row: 2,
  projectId: "P1",
  project: "Fv165 gang- og sykkelvei",
  lot: { direction: "available", typeId: "granite_kerb", quantity: 600, condition: "reusable", availableFrom: "2031-03", notes: "" },
  unit: "m",
  tonnes: 48,
  storageAreaM2: 20,
};
const pipeRow: OutdoorLotImportReport["preview"][number] = {
  row: 3,
  projectId: "P2",
  project: "Vollen sentrum",
  lot: { direction: "wanted", typeId: "granite_kerb", quantity: 250, condition: "needs_repair", neededBy: "2031-09", notes: "" },
  unit: "m",
  tonnes: 20,
  storageAreaM2: 8.3,
};

/** The server's dry run of a file with two bad rows, as POST /api/outdoor-lots/import?dryRun=true answers it. */
const badReport: OutdoorLotImportReport = {
  valid: false,
  dryRun: true,
  rows: 3,
  errors: [
    { row: 3, column: "type", message: '"granit" is not a type in the catalogue (use its id, e.g. granite_kerb)', key: "csv.badType", params: { value: "granit", example: "granite_kerb" } },
    { row: 4, column: "quantity", message: "must be > 0", key: "validation.positive", params: {} },
  ],
  preview: [kerbRow],
  created: { lots: 0 },
};
const goodReport: OutdoorLotImportReport = { valid: true, dryRun: true, rows: 2, errors: [], preview: [kerbRow, pipeRow], created: { lots: 0 } };

const badCsv = "project;direction;type;quantity;condition;availableFrom\nFv165 gang- og sykkelvei;available;granite_kerb;600;reusable;2031-03\n";
const goodCsv = "project;direction;type;quantity;condition;availableFrom;neededBy\n";

/** fetch at the boundary: the dry run answers by file, the import with `onImport`. */
function serve(onImport: () => Response) {
  const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
    if (url === "/api/outdoor-lots/import?dryRun=true") return json(200, String(init?.body) === badCsv ? badReport : goodReport);
    if (url === "/api/outdoor-lots/import") return onImport();
    return json(404, { error: { code: "not_found", message: url, fields: [] } });
  });
  vi.stubGlobal("fetch", fetchMock);
  return fetchMock;
}

function signIn(lang: Lang) {
  const store = useAppStore.getState();
  store.setLang(lang);
  store.setSession(signedIn({ username: "kari", role: "engineer" }));
  store.setOutdoorTypes(types);
}

async function choose(dialog: HTMLElement, label: string, text: string) {
  await act(async () => {
    fireEvent.change(within(dialog).getByLabelText(label), { target: { files: [file(text)] } });
  });
}

const importButton = (dialog: HTMLElement, name = "Import") => within(dialog).getByRole("button", { name }) as HTMLButtonElement;
const bodyRows = (table: HTMLElement) => within(table).getAllByRole("row").slice(1).map((row) => within(row).getAllByRole("cell").map((cell) => plain(cell.textContent)));

beforeEach(() => resetAppStore());
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("OutdoorImportDialog", () => {
  it("checks the file first: every bad row with its row, column and reason, the good rows to be written, and Import stays off", async () => {
    const fetchMock = serve(() => json(500, {}));
    signIn("en");
    render(<OutdoorImportDialog onClose={() => undefined} />);
    const dialog = screen.getByRole("dialog", { name: "Import outdoor materials from CSV" });
    expect(importButton(dialog).disabled).toBe(true);
    await choose(dialog, "CSV file", badCsv);

    await within(dialog).findByText("3 rows checked: 1 ready, 2 with problems.");
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe("/api/outdoor-lots/import?dryRun=true");
    expect(init.method).toBe("POST");
    expect(new Headers(init.headers).get("content-type")).toBe("text/csv");
    expect(init.body).toBe(badCsv);
    // Row, column and reason, the reason in the user's language where it is known.
    expect(bodyRows(within(dialog).getByRole("table", { name: /Problems \(2\)/ }))).toEqual([
      ["3", "type", "“granit” is not a type in the catalogue (use its id, e.g. granite_kerb)"],
      ["4", "quantity", "Must be more than 0"],
    ]);
    expect(bodyRows(within(dialog).getByRole("table", { name: /What will be saved \(1 lots\)/ }))).toEqual([
      ["2", "Fv165 gang- og sykkelvei", "Available", "Granite kerb", "600 m", "20 m²"],
    ]);
    expect(within(dialog).getByText("Fix the problems in the file and choose it again.")).toBeTruthy();
    expect(importButton(dialog).disabled).toBe(true);
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it("after a clean dry run imports the same text in one go, says how many lots, and tells the lists to reload (nb)", async () => {
    const fetchMock = serve(() => json(201, { ...goodReport, dryRun: false, created: { lots: 2 } }));
    signIn("nb");
    const onClose = vi.fn();
    render(<OutdoorImportDialog onClose={onClose} />);
    const dialog = screen.getByRole("dialog", { name: "Importer utematerialer fra CSV" });
    await choose(dialog, "CSV-fil", badCsv);
    await within(dialog).findByText("3 rader kontrollert: 1 klare, 2 med feil.");
    expect(importButton(dialog, "Importer").disabled).toBe(true);

    // The user fixes the file and chooses it again: the new dry run replaces the old report.
    await choose(dialog, "CSV-fil", goodCsv);
    await within(dialog).findByText("2 rader kontrollert: 2 klare, 0 med feil.");
    expect(within(dialog).queryByRole("table", { name: /^Feil/ })).toBeNull();
    expect(bodyRows(within(dialog).getByRole("table", { name: "Dette blir lagret (2 lotter)" })).map((row) => row[1])).toEqual(["Fv165 gang- og sykkelvei", "Vollen sentrum"]);
    const before = useAppStore.getState().outdoor.lotsVersion;
    expect(importButton(dialog, "Importer").disabled).toBe(false);
    await act(async () => {
      fireEvent.click(importButton(dialog, "Importer"));
    });

    const last = fetchMock.mock.calls.at(-1) as unknown as [string, RequestInit];
    expect(last[0]).toBe("/api/outdoor-lots/import");
    expect(last[1].body).toBe(goodCsv);
    expect(fetchMock.mock.calls.map(([u]) => u)).toEqual(["/api/outdoor-lots/import?dryRun=true", "/api/outdoor-lots/import?dryRun=true", "/api/outdoor-lots/import"]);
    expect(await within(dialog).findByText("Importert 2 partier.")).toBeTruthy();
    expect(useAppStore.getState().outdoor.lotsVersion).toBe(before + 1);
    expect(within(dialog).queryByRole("button", { name: "Importer" })).toBeNull();
    fireEvent.click(within(dialog).getByRole("button", { name: "Ferdig" }));
    expect(onClose).toHaveBeenCalled();
  });

  it("shows the import's own report when the server refuses it after a clean dry run, and writes nothing", async () => {
    const refused: OutdoorLotImportReport = {
      ...goodReport,
      valid: false,
      dryRun: false,
      errors: [{ row: 3, column: "project", message: 'you may not add lots to "Vollen sentrum" (it has other owners)', key: "import.notYourProject", params: { project: "Vollen sentrum" } }],
      preview: [kerbRow],
    };
    serve(() => json(400, refused));
    signIn("en");
    render(<OutdoorImportDialog onClose={() => undefined} />);
    const dialog = screen.getByRole("dialog", { name: "Import outdoor materials from CSV" });
    await choose(dialog, "CSV file", goodCsv);
    await within(dialog).findByText("2 rows checked: 2 ready, 0 with problems.");
    const before = useAppStore.getState().outdoor.lotsVersion;
    await act(async () => {
      fireEvent.click(importButton(dialog));
    });
    expect(bodyRows(await within(dialog).findByRole("table", { name: /Problems \(1\)/ }))).toEqual([
      ["3", "project", "you may not add lots to “Vollen sentrum” (it belongs to others)"],
    ]);
    expect(importButton(dialog).disabled).toBe(true);
    expect(useAppStore.getState().outdoor.lotsVersion).toBe(before);
  });
});
