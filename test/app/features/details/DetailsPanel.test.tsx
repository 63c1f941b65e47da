// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Project } from "../../../../src/core/domain/records";
import { summariseProject } from "../../../../src/core/domain/registry-api";
import { DetailsPanel } from "../../../../src/app/features/details/DetailsPanel";
import { withDataLoaded, initialData } from "../../../../src/app/state/data-slice";
import { resetAppStore, useAppStore } from "../../../../src/app/state/store";
import { lot, project, site, zoningArea } from "../../../support/record-fixtures";

const nbsp = "\u00a0";
const norm = (text: string | null) => (text ?? "").replace(/\u00a0/g, " ");

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

/** The whole record the panel fetches; the store holds only its summary, as the map's data does. */
let stored: Project;
/** How many times the panel asked for the record. */
let recordRequests = 0;

beforeEach(() => {
  resetAppStore();
  recordRequests = 0;
  stored = project({
          id: "P1",
          name: "Asker <b>sentrum</b>",
          notes: '<img src=x onerror="alert(1)">',
          lots: [
            lot({
              id: "L1",
              direction: "surplus",
              material: "mixed",
              contaminationClass: 2,
              quantity: { value: 23057, unit: "m3_in_place" },
              tonnes: 48420,
              window: { from: "2027-01", to: "2027-06" },
            }),
            lot({ id: "L2", direction: "demand", material: "gravel_sand", quantity: { value: 3000, unit: "tonnes" }, tonnes: 3000 }),
          ],
        });
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string) => {
      if (url === "/api/projects/P1") {
        recordRequests++;
        return json(200, stored);
      }
      // The project's outdoor lots, loads and history: none.
      return json(200, { items: [], total: 0 });
    }),
  );
  useAppStore.getState().setData(
    withDataLoaded(initialData, {
      projects: [summariseProject(stored)],
      sites: [
        site({
          id: "S1",
          kind: "storage",
          capacityTonnes: 50000,
          accepts: { materials: ["rock", "gravel_sand"], worstClass: 2 },
          handlingCostPerTonne: 20,
          window: { from: "2027-01", to: "2027-12" },
        }),
        site({ id: "S3", kind: "quarry", name: "Pukkverk", pricePerTonne: 145.5, kgCO2ePerTonne: 4.2, materials: ["rock"] }),
      ],
      zoning: [zoningArea({ id: "Z1" })],
    }),
  );
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("DetailsPanel", () => {
  it("is absent without a selection", () => {
    render(<DetailsPanel />);
    expect(screen.queryByRole("complementary")).toBeNull();
  });

  it("shows a project with its lots: quantity as entered and tonnes beside it", async () => {
    useAppStore.getState().setLang("en");
    useAppStore.getState().select({ kind: "project", id: "P1" });
    render(<DetailsPanel />);
    const panel = screen.getByRole("complementary", { name: "Details" });
    expect(within(panel).getByRole("heading", { level: 2 }).textContent).toBe("Asker <b>sentrum</b>");
    // The summary names it at once; the lots come with the whole record.
    expect(within(panel).getByRole("status").textContent).toBe("Loading the project …");
    await within(panel).findByRole("table");
    const rows = within(panel).getAllByRole("row");
    expect(rows.map((r) => norm(r.textContent))).toEqual([
      "DirectionMaterialClassQuantityTonnesMonths",
      "SurplusMixed masses223,057 pfm³48,420 t2027-01 – 2027-06",
      "DemandGravel and sand13,000 t3,000 t2027-01 – 2027-03",
    ]);
    expect(within(rows[1]!).getAllByRole("cell")[3]!.textContent).toBe(`23,057${nbsp}pfm³`);
    expect(norm(panel.textContent)).toContain("surplus 48,420 t, demand 3,000 t");
  });

  it("renders user text as text, never as HTML", async () => {
    useAppStore.getState().select({ kind: "project", id: "P1" });
    const { container } = render(<DetailsPanel />);
    await screen.findByRole("table");
    expect(container.querySelector("b")).toBeNull();
    expect(container.querySelector("img")).toBeNull();
    expect(container.textContent).toContain('<img src=x onerror="alert(1)">');
  });

  it("shows a storage site's terms with units, in Norwegian", () => {
    useAppStore.getState().select({ kind: "site", id: "S1" });
    render(<DetailsPanel />);
    const panel = screen.getByRole("complementary", { name: "Detaljer" });
    const text = norm(panel.textContent);
    expect(text).toContain("Kapasitet50 000 t");
    expect(text).toContain("Tar imotSprengstein / fjell, Grus / sand / pukk");
    expect(text).toContain("Høyeste tilstandsklasse2");
    expect(text).toContain("Håndteringskostnad20 kr/t");
    expect(text).toContain("Åpen2027-01 – 2027-12");
    // A storage site has no gate fee or quarry price to show.
    expect(text).not.toContain("Mottaksgebyr");
    expect(text).not.toContain("Pris");
  });

  it("shows a quarry's price and emissions", () => {
    useAppStore.getState().setLang("en");
    useAppStore.getState().select({ kind: "site", id: "S3" });
    render(<DetailsPanel />);
    const text = norm(screen.getByRole("complementary").textContent);
    expect(text).toContain("Price145.5 NOK/t");
    expect(text).toContain("Emissions4.2 kg CO₂e/t");
    expect(text).toContain("OffersRock");
  });

  it("shows a zoning area's code, name, category, plan and status", () => {
    useAppStore.getState().setLang("en");
    useAppStore.getState().select({ kind: "zoning", id: "Z1" });
    render(<DetailsPanel />);
    const panel = screen.getByRole("complementary", { name: "Details" });
    expect(within(panel).getByRole("heading", { level: 2 }).textContent).toBe("1202 Massemottak");
    const text = panel.textContent ?? "";
    expect(text).toContain("CategoryExtraction and mass handling");
    expect(text).toContain("Plan id3203-2021-001");
    expect(text).toContain("Plan nameKommuneplanens arealdel");
    expect(text).toContain("StatusIn force");
  });

  it("closes with its button and with Escape", () => {
    useAppStore.getState().setLang("en");
    useAppStore.getState().select({ kind: "site", id: "S1" });
    const { rerender } = render(<DetailsPanel />);
    fireEvent.click(screen.getByRole("button", { name: "Close" }));
    expect(useAppStore.getState().selection).toBeNull();

    useAppStore.getState().select({ kind: "site", id: "S1" });
    rerender(<DetailsPanel />);
    expect(screen.getByRole("complementary")).toBeTruthy();
    fireEvent.keyDown(document, { key: "Escape" });
    expect(useAppStore.getState().selection).toBeNull();
    expect(screen.queryByRole("complementary")).toBeNull();
  });

  it("fetches the record again when the summaries are replaced after a write", async () => {
    useAppStore.getState().setLang("en");
    useAppStore.getState().select({ kind: "project", id: "P1" });
    render(<DetailsPanel />);
    await screen.findByRole("table");
    expect(recordRequests).toBe(1);
    stored = { ...stored, version: 2, lots: stored.lots.slice(0, 1) };
    await act(async () => {
      const { data, setData } = useAppStore.getState();
      setData({ ...data, projects: [summariseProject(stored)] });
    });
    await vi.waitFor(() => expect(screen.getAllByRole("row")).toHaveLength(2));
    expect(recordRequests).toBe(2);
    expect(norm(screen.getByRole("complementary").textContent)).toContain("surplus 48,420 t, demand 0 t");
  });

  it("says what went wrong when the record cannot be fetched", async () => {
    useAppStore.getState().setLang("en");
    vi.stubGlobal("fetch", vi.fn(async () => json(404, { error: { code: "not_found", message: "No such project", fields: [] } })));
    useAppStore.getState().select({ kind: "project", id: "P1" });
    render(<DetailsPanel />);
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).not.toBe("");
    expect(screen.queryByRole("table")).toBeNull();
  });

  it("says so when the selected record is gone", () => {
    useAppStore.getState().setLang("en");
    useAppStore.getState().select({ kind: "project", id: "nope" });
    render(<DetailsPanel />);
    expect(screen.getByRole("complementary").textContent).toContain("This item is no longer in the loaded data.");
  });
});
