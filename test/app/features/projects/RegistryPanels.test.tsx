// @vitest-environment jsdom
import { summariseProject } from "../../../../src/core/domain/registry-api";
import { act, cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Me } from "../../../../src/core/domain/accounts";
import type { LotImportReport } from "../../../../src/core/domain/registry-api";
import { BalancePanel } from "../../../../src/app/features/balance/BalancePanel";
import { ImportDialog } from "../../../../src/app/features/csv/ImportDialog";
import { DetailsPanel } from "../../../../src/app/features/details/DetailsPanel";
import { MaterialsDialog } from "../../../../src/app/features/projects/MaterialsDialog";
import { ProjectsPanel } from "../../../../src/app/features/projects/ProjectsPanel";
import { initialData, withDataLoaded } from "../../../../src/app/state/data-slice";
import { signedIn } from "../../../../src/app/state/session-slice";
import { resetAppStore, useAppStore } from "../../../../src/app/state/store";
import { lot, project } from "../../../support/record-fixtures";

// The chart itself (recharts) needs a real layout; its numbers are checked through the table.
vi.mock("../../../../src/app/features/balance/BalanceChart", () => ({ BalanceChart: () => <div data-testid="chart" /> }));

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
const plain = (text: string | null) => (text ?? "").replace(/\u00a0/g, " ");

const projects = [
  project({
    id: "P1",
    name: "Asker sentrum VA",
    owner: "kari",
    lots: [lot({ id: "L1", tonnes: 3000, window: { from: "2027-01", to: "2027-03" } })],
  }),
  project({
    id: "P2",
    name: "Bødalen høydebasseng",
    owner: "ola",
    lots: [lot({ id: "L2", direction: "demand", material: "gravel_sand", tonnes: 500, window: { from: "2027-02", to: "2027-02" } })],
  }),
];

/** `GET /api/projects/:id` and `GET /api/projects` from the fixtures: the details and the balance fetch lots. */
function projectRecords(url: string): Response | null {
  const id = /^\/api\/projects\/([^/?]+)$/.exec(url)?.[1];
  if (id) {
    const found = projects.find((p) => p.id === id);
    return found ? json(200, found) : json(404, { error: { code: "not_found", message: id, fields: [] } });
  }
  return url === "/api/projects" ? json(200, { items: projects, total: projects.length }) : null;
}

function signIn(user: Me, lang: "nb" | "en" = "en") {
  const store = useAppStore.getState();
  store.setLang(lang);
  store.setSession(signedIn(user));
  store.setData(withDataLoaded(initialData, { projects: projects.map(summariseProject), sites: [], zoning: [] }));
}

beforeEach(() => {
  resetAppStore();
  vi.useRealTimers();
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("ProjectsPanel", () => {
  it("lists the projects with their tonnes, and offers New project and Import only to writers", () => {
    vi.stubGlobal("fetch", vi.fn(async () => json(200, { items: [] })));
    signIn({ username: "viewer", role: "viewer" });
    useAppStore.getState().setProjectsPanelOpen(true);
    render(<ProjectsPanel />);
    const list = screen.getByRole("list", { name: "Projects" });
    expect(within(list).getAllByRole("button").map((b) => plain(b.textContent))).toEqual([
      "Asker sentrum VAIn progressSurplus 3,000 t · 1 lot",
      "Bødalen høydebassengIn progressDemand 500 t · 1 lot",
    ]);
    expect(screen.queryByRole("button", { name: "New project" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Import CSV" })).toBeNull();
    expect(screen.getByRole("link", { name: "Export CSV" }).getAttribute("href")).toBe("/api/lots/export.csv");
    cleanup();
    signIn({ username: "kari", role: "engineer" });
    render(<ProjectsPanel />);
    expect(screen.getByRole("button", { name: "New project" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Import CSV" })).toBeTruthy();
  });

  it("asks the server with the filters, shows its answer, and exports with the same filters", async () => {
    const fetchMock = vi.fn(async (url: string) => {
      const items = (url.includes("q=b%C3%B8dalen") || url.includes("q=bødalen") ? [projects[1]!] : projects).map(summariseProject);
      return json(200, { items, total: items.length });
    });
    vi.stubGlobal("fetch", fetchMock);
    signIn({ username: "planner", role: "planner" });
    useAppStore.getState().setProjectsPanelOpen(true);
    render(<ProjectsPanel />);
    fireEvent.change(screen.getByRole("searchbox", { name: "Search projects" }), { target: { value: "bødalen" } });
    fireEvent.click(screen.getByRole("button", { name: "More filters" }));
    fireEvent.change(screen.getByLabelText("Material"), { target: { value: "gravel_sand" } });
    await waitFor(() => expect(screen.getByRole("status").textContent).toBe("1 project matches the filters (on the map too)"));
    expect(fetchMock).toHaveBeenLastCalledWith("/api/map/projects?q=b%C3%B8dalen&material=gravel_sand", expect.anything());
    expect(screen.getByRole("link", { name: "Export CSV" }).getAttribute("href")).toBe("/api/lots/export.csv?q=b%C3%B8dalen&material=gravel_sand");
    expect(screen.getByRole("button", { name: /More filters/ }).textContent).toContain("1 active");
    fireEvent.click(screen.getByRole("button", { name: "Clear filters" }));
    await waitFor(() => expect(screen.getByRole("status").textContent).toBe("2 projects"));
  });

  it("selects a project and asks the map to fly there", () => {
    vi.stubGlobal("fetch", vi.fn(async () => json(200, { items: [] })));
    signIn({ username: "planner", role: "planner" });
    useAppStore.getState().setProjectsPanelOpen(true);
    render(<ProjectsPanel />);
    fireEvent.click(screen.getByRole("button", { name: /Bødalen/ }));
    const state = useAppStore.getState();
    expect(state.selection).toEqual({ kind: "project", id: "P2" });
    expect(state.layout.mapFocus?.bbox).toEqual([10.434, 59.833, 10.434, 59.833]);
  });
});

describe("DetailsPanel for a project", () => {
  it("offers Edit to the owner and planners, not to a viewer or another engineer", async () => {
    vi.stubGlobal("fetch", vi.fn(async (url: string) => projectRecords(url) ?? json(200, { items: [] })));
    for (const [user, canEdit] of [
      [{ username: "kari", role: "engineer" }, true],
      [{ username: "planner", role: "planner" }, true],
      [{ username: "ola", role: "engineer" }, false],
      [{ username: "viewer", role: "viewer" }, false],
    ] as const) {
      signIn(user);
      useAppStore.getState().select({ kind: "project", id: "P1" });
      render(<DetailsPanel />);
      await screen.findByRole("table", { name: "Mass lots of Asker sentrum VA" });
      expect(screen.queryByRole("button", { name: "Edit" }) !== null, user.username).toBe(canEdit);
      cleanup();
    }
  });

  it("shows the history when opened, newest first, in the user's language", async () => {
    const fetchMock = vi.fn(async (url: string) =>
      projectRecords(url) ??
      json(200, {
        items: [
          {
            id: 2,
            entity: "lot",
            entityId: "L1",
            projectId: "P1",
            action: "update",
            actor: "kari",
            at: "2027-03-04T09:12:00.000Z",
            before: lot({ quantity: { value: 1200, unit: "tonnes" } }),
            after: lot({ quantity: { value: 1500, unit: "tonnes" } }),
          },
          { id: 1, entity: "project", entityId: "P1", projectId: "P1", action: "create", actor: "kari", at: "2027-03-01T08:00:00.000Z", before: null, after: project() },
        ],
      }),
    );
    vi.stubGlobal("fetch", fetchMock);
    signIn({ username: "viewer", role: "viewer" }, "nb");
    useAppStore.getState().select({ kind: "project", id: "P1" });
    render(<DetailsPanel />);
    const toggle = await screen.findByRole("button", { name: "Historikk" });
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
    fireEvent.click(toggle);
    const items = await screen.findAllByRole("listitem");
    expect(items.map((li) => plain(li.textContent))).toEqual([
      "lott endret av kari, 2027-03-04 10:12 (overskudd, sprengstein / fjell): mengde 1 200 → 1 500 t",
      "opprettet av kari, 2027-03-01 09:00",
    ]);
    expect(fetchMock).toHaveBeenCalledWith("/api/audit?entity=project&id=P1", expect.anything());
  });
});

describe("BalancePanel", () => {
  it("has the numbers in a table: every month, surplus and demand in tonnes, and totals", async () => {
    vi.stubGlobal("fetch", vi.fn(async (url: string) => projectRecords(url) ?? json(404, { error: { code: "not_found", message: url, fields: [] } })));
    signIn({ username: "planner", role: "planner" });
    useAppStore.getState().toggleBalancePanel();
    render(<BalancePanel />);
    // The months need the lots: fetched when the panel opens, with a status meanwhile.
    expect(screen.getByRole("status").textContent).toContain("Loading the masses");
    await waitFor(() => expect(within(screen.getByRole("table")).getAllByRole("row")).toHaveLength(5));
    const table = screen.getByRole("table", { name: "Mass balance, All materials, tonnes per month" });
    expect(within(table).getAllByRole("row").map((r) => plain(r.textContent))).toEqual([
      "MonthSurplusDemandNet (surplus − demand)",
      "2027-011,000 t0 t1,000 t",
      "2027-021,000 t500 t500 t",
      "2027-031,000 t0 t1,000 t",
      "Total3,000 t500 t2,500 t",
    ]);
    fireEvent.change(screen.getByLabelText("Material"), { target: { value: "gravel_sand" } });
    expect(plain(screen.getByRole("table").querySelector("tfoot")!.textContent)).toBe("Total0 t500 t-500 t");
    // The table is always there for screen readers; "Show as table" shows it instead of the chart.
    expect(await screen.findByTestId("chart")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Show as table" }));
    expect(screen.queryByTestId("chart")).toBeNull();
  });
});

describe("ImportDialog", () => {
  const badReport: LotImportReport = {
    valid: false,
    dryRun: true,
    rows: 3,
    errors: [
      { row: 3, column: "material", message: '"marmor" is not a known material (rock, …)', key: "csv.badMaterial", params: { value: "marmor", values: ["rock"] } },
      { row: 4, column: "quantity", message: '"abc" is not a number', key: "csv.notNumber", params: { value: "abc" } },
    ],
    preview: [{ row: 2, project: "Vollen", newProject: true, lot: { direction: "surplus", material: "rock", contaminationClass: 1, quantity: { value: 100, unit: "m3_in_place" }, window: { from: "2030-01", to: "2030-02" }, hazardous: false, flags: [], notes: "" }, tonnes: 270 }],
    created: { projects: 0, lots: 0 },
  };

  const file = (text: string) => new File([text], "lots.csv", { type: "text/csv" });

  it("checks the file first and lists every bad row with its row, column and reason; Import stays off", async () => {
    const fetchMock = vi.fn(async () => json(200, badReport));
    vi.stubGlobal("fetch", fetchMock);
    signIn({ username: "kari", role: "engineer" });
    render(<ImportDialog onClose={() => undefined} />);
    const dialog = screen.getByRole("dialog", { name: "Import lots from CSV" });
    await act(async () => {
      fireEvent.change(within(dialog).getByLabelText("CSV file"), { target: { files: [file("prosjekt;retning\n")] } });
    });
    await screen.findByText("3 rows checked: 1 ready, 2 with problems.");
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe("/api/lots/import?dryRun=true&crs=EPSG%3A25832");
    expect(init.body).toBe("prosjekt;retning\n");
    const errors = screen.getByRole("table", { name: /Problems \(2\)/ });
    expect(within(errors).getAllByRole("row").slice(1).map((r) => plain(r.textContent))).toEqual([
      "3material“marmor” is not a known material",
      "4quantity“abc” is not a number",
    ]);
    expect(plain(screen.getByRole("table", { name: /What will be saved/ }).textContent)).toContain("Vollennew");
    expect((screen.getByRole("button", { name: "Import" }) as HTMLButtonElement).disabled).toBe(true);
  });

  it("imports a clean file all at once, and closes with Escape", async () => {
    const good = { ...badReport, valid: true, rows: 1, errors: [] };
    const fetchMock = vi.fn(async (url: string) =>
      url.includes("dryRun") ? json(200, good) : url.startsWith("/api/map/projects") ? json(200, { items: [], total: 0 }) : json(201, { ...good, dryRun: false, created: { projects: 1, lots: 1 } }),
    );
    vi.stubGlobal("fetch", fetchMock);
    signIn({ username: "kari", role: "engineer" });
    const onClose = vi.fn();
    render(<ImportDialog onClose={onClose} />);
    await act(async () => {
      fireEvent.change(screen.getByLabelText("CSV file"), { target: { files: [file("x")] } });
    });
    await screen.findByText("1 rows checked: 1 ready, 0 with problems.");
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Import" }));
    });
    await screen.findByText("Imported: 1 lots, 1 new projects.");
    expect(fetchMock.mock.calls.map((c) => c[0])).toContain("/api/lots/import?crs=EPSG%3A25832");
    fireEvent.keyDown(document, { key: "Escape" });
    expect(onClose).toHaveBeenCalled();
  });
});

describe("MaterialsDialog (admins)", () => {
  it("checks a row with the shared schema and saves it alone, in the user's language", async () => {
    const fetchMock = vi.fn(async (url: string, init?: RequestInit) =>
      init?.method === "PUT" ? json(200, { material: "mixed", ...JSON.parse(String(init.body)) }) : json(200, { items: [] }),
    );
    vi.stubGlobal("fetch", fetchMock);
    signIn({ username: "admin", role: "admin" }, "nb");
    render(<MaterialsDialog onClose={() => undefined} />);
    const density = screen.getByLabelText("Egenvekt, Blandede masser");
    fireEvent.change(density, { target: { value: "9" } });
    fireEvent.click(screen.getByRole("button", { name: "Lagre Blandede masser" }));
    expect(density.getAttribute("aria-invalid")).toBe("true");
    expect(document.getElementById(density.getAttribute("aria-describedby")!)!.textContent).toBe("Kan være høyst 5");
    expect(fetchMock).not.toHaveBeenCalledWith("/api/materials/mixed", expect.anything());
    fireEvent.change(density, { target: { value: "2,1" } });
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Lagre Blandede masser" }));
    });
    const put = fetchMock.mock.calls.find((c) => c[0] === "/api/materials/mixed")!;
    expect(JSON.parse(String(put[1]!.body))).toEqual({ densityTonnesPerM3InPlace: 2.1, swellInPlaceToLoose: 0.25, compactedPerInPlace: 1 });
    expect(useAppStore.getState().registry.materials).toEqual([{ material: "mixed", densityTonnesPerM3InPlace: 2.1, swellInPlaceToLoose: 0.25, compactedPerInPlace: 1 }]);
  });

  it("is offered to admins only", () => {
    vi.stubGlobal("fetch", vi.fn(async () => json(200, { items: [] })));
    signIn({ username: "planner", role: "planner" });
    useAppStore.getState().setProjectsPanelOpen(true);
    render(<ProjectsPanel />);
    expect(screen.queryByRole("button", { name: "Conversion table" })).toBeNull();
    cleanup();
    signIn({ username: "admin", role: "admin" });
    useAppStore.getState().setProjectsPanelOpen(true);
    render(<ProjectsPanel />);
    expect(screen.getByRole("button", { name: "Conversion table" })).toBeTruthy();
  });
});
