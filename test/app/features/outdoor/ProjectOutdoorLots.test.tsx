// @vitest-environment jsdom
import { summariseProject } from "../../../../src/core/domain/registry-api";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Me } from "../../../../src/core/domain/accounts";
import type { OutdoorLot } from "../../../../src/core/outdoor/api";
import { catalogueInForce } from "../../../../src/core/outdoor/catalogue";
import { ProjectOutdoorLots } from "../../../../src/app/features/outdoor/ProjectOutdoorLots";
import { SiteMaterialArea } from "../../../../src/app/features/outdoor/SiteMaterialArea";
import { initialData, withDataLoaded } from "../../../../src/app/state/data-slice";
import { signedIn } from "../../../../src/app/state/session-slice";
import { resetAppStore, useAppStore } from "../../../../src/app/state/store";
import { project, site } from "../../../support/record-fixtures";

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
const plain = (text: string | null) => (text ?? "").replace(/\u00a0/g, " ");

const types = catalogueInForce([]);
const road = project({ id: "P1", name: "Fv165 gang- og sykkelvei", owner: "kari", location: { type: "Point", coordinates: [10.405, 59.805] } });
const yard = site({ id: "S02", name: "Slemmestad sementfabrikk-tomta", materialAreaM2: 4000 });
const stored: OutdoorLot = {
  id: "O1",
  projectId: "P1",
  direction: "available",
  typeId: "granite_kerb",
  quantity: 600,
  condition: "reusable",
  availableFrom: "2031-03",
  notes: "",
  version: 1,
  illustrative: false,
  updatedAt: "2031-01-01T00:00:00.000Z",
  updatedBy: "kari",
  deletedAt: null,
  unit: "m",
  tonnes: 48,
  storageAreaM2: 20,
  storage: { siteId: "S02", chosen: "nearest" },
};

function signIn(user: Me) {
  const store = useAppStore.getState();
  store.setLang("en");
  store.setSession(signedIn(user));
  store.setData(withDataLoaded(initialData, { projects: [summariseProject(road)], sites: [yard], zoning: [] }));
  store.setOutdoorTypes(types);
}

beforeEach(() => resetAppStore());
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("ProjectOutdoorLots", () => {
  it("lets the owner add a material: the area it needs shows as typed, the nearest site is named, and the body is sent", async () => {
    let lots: OutdoorLot[] = [];
    const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
      if (init?.method === "POST") {
        lots = [stored];
        return json(201, stored);
      }
      return json(200, { items: url.includes("/outdoor-lots") ? lots : types });
    });
    vi.stubGlobal("fetch", fetchMock);
    signIn({ username: "kari", role: "engineer" });
    render(<ProjectOutdoorLots project={road} />);
    await screen.findByText("No outdoor materials logged for this project.");
    fireEvent.click(screen.getByRole("button", { name: "Add material" }));
    const form = screen.getByRole("form", { name: "New outdoor-material lot" });
    fireEvent.change(screen.getByLabelText("Material type"), { target: { value: "granite_kerb" } });
    fireEvent.change(screen.getByLabelText("Quantity (m)"), { target: { value: "600" } });
    expect(plain(form.textContent)).toContain("Needs 20 m² of storage");
    expect((screen.getByLabelText("Storage site") as HTMLSelectElement).selectedOptions[0]!.textContent).toBe("Nearest suitable: Slemmestad sementfabrikk-tomta");
    fireEvent.change(screen.getByLabelText("Available from (month)"), { target: { value: "2031-03" } });
    fireEvent.click(screen.getByRole("button", { name: "Save material" }));
    await screen.findByRole("table", { name: "Outdoor materials of Fv165 gang- og sykkelvei" });
    const post = fetchMock.mock.calls.find(([, init]) => init?.method === "POST")!;
    expect(post[0]).toBe("/api/projects/P1/outdoor-lots");
    expect(JSON.parse(String(post[1]!.body))).toEqual({ direction: "available", typeId: "granite_kerb", quantity: 600, condition: "reusable", availableFrom: "2031-03", notes: "" });
    const row = screen.getByRole("row", { name: /Granite kerb/ });
    expect(plain(row.textContent)).toContain("600 m20 m² · 48 t");
    expect(plain(row.textContent)).toContain("Slemmestad sementfabrikk-tomta (nearest)");
  });

  it("shows a viewer the lots but no add, edit or delete control", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => json(200, { items: [stored] })));
    signIn({ username: "vera", role: "viewer" });
    render(<ProjectOutdoorLots project={road} />);
    await screen.findByRole("table", { name: "Outdoor materials of Fv165 gang- og sykkelvei" });
    expect(screen.queryByRole("button", { name: "Add material" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Edit Granite kerb" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Delete Granite kerb" })).toBeNull();
  });

  it("deletes after asking twice", async () => {
    let lots = [stored];
    const fetchMock = vi.fn(async (_url: string, init?: RequestInit) => {
      if (init?.method === "DELETE") {
        lots = [];
        return new Response(null, { status: 204 });
      }
      return json(200, { items: lots });
    });
    vi.stubGlobal("fetch", fetchMock);
    signIn({ username: "pia", role: "planner" });
    render(<ProjectOutdoorLots project={road} />);
    fireEvent.click(await screen.findByRole("button", { name: "Delete Granite kerb" }));
    fireEvent.click(screen.getByRole("button", { name: "Yes, delete Granite kerb" }));
    await waitFor(() => expect(screen.getByText("No outdoor materials logged for this project.")).toBeTruthy());
    expect(fetchMock.mock.calls.some(([url, init]) => url === "/api/outdoor-lots/O1" && init?.method === "DELETE")).toBe(true);
  });
});

describe("SiteMaterialArea", () => {
  it("shows a storage site's material area, and whether it is covered", () => {
    useAppStore.getState().setLang("en");
    render(<SiteMaterialArea site={site({ materialAreaM2: 2500, materialAreaCovered: true })} />);
    expect(plain(screen.getByRole("definition").textContent)).toBe("2,500 m² (covered)");
  });
});
