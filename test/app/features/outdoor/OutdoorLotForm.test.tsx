// @vitest-environment jsdom
import { summariseProject } from "../../../../src/core/domain/registry-api";
import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { OutdoorLot } from "../../../../src/core/outdoor/api";
import { catalogueInForce } from "../../../../src/core/outdoor/catalogue";
import { ProjectOutdoorLots } from "../../../../src/app/features/outdoor/ProjectOutdoorLots";
import type { Lang } from "../../../../src/app/i18n/i18n";
import { initialData, withDataLoaded } from "../../../../src/app/state/data-slice";
import { signedIn } from "../../../../src/app/state/session-slice";
import { resetAppStore, useAppStore } from "../../../../src/app/state/store";
import { project, site } from "../../../support/record-fixtures";

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
const plain = (text: string | null) => (text ?? "").replace(/[\u00a0\u202f]/g, " ");

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
/** What Pia saved while Kari had the form open: 700 m from April, version 2. */
const theirs: OutdoorLot = { ...stored, quantity: 700, availableFrom: "2031-04", version: 2, updatedAt: "2031-02-03T09:15:00.000Z", updatedBy: "pia", tonnes: 56, storageAreaM2: 23.3 };

/**
 * The server at the boundary: the project's lots (as stored now), and PUT /api/outdoor-lots/O1
 * answering 409 with the record as it is now while the version sent is stale, as the API does.
 */
function serve() {
  let now = stored;
  const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
    if (url === "/api/outdoor-lots/O1" && init?.method === "PUT") {
      const body = JSON.parse(String(init.body)) as { version: number; quantity: number };
      if (body.version !== now.version) {
        return json(409, {
          error: { code: "version_conflict", message: `The outdoor lot was changed by ${now.updatedBy} at ${now.updatedAt} since you loaded it (now version ${now.version}); reload it and apply your change again.`, fields: [] },
          current: now,
        });
      }
      now = { ...now, quantity: body.quantity, version: now.version + 1, updatedBy: "kari" };
      return json(200, now);
    }
    if (url === "/api/projects/P1/outdoor-lots") return json(200, { items: [now] });
    return json(200, { items: types });
  });
  vi.stubGlobal("fetch", fetchMock);
  return {
    fetchMock,
    /** Someone else saves first. */
    theySave: () => {
      now = theirs;
    },
    puts: () => fetchMock.mock.calls.filter(([, init]) => init?.method === "PUT").map(([, init]) => JSON.parse(String(init!.body)) as Record<string, unknown>),
  };
}

function signIn(lang: Lang) {
  const store = useAppStore.getState();
  store.setLang(lang);
  store.setSession(signedIn({ username: "kari", role: "engineer" }));
  store.setData(withDataLoaded(initialData, { projects: [summariseProject(road)], sites: [yard], zoning: [] }));
  store.setOutdoorTypes(types);
}

beforeEach(() => resetAppStore());
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("OutdoorLotForm: a version conflict (409)", () => {
  it("says who saved meanwhile and what their version holds, keeps what the user typed, and saves it over theirs on the next Save", async () => {
    const server = serve();
    signIn("en");
    render(<ProjectOutdoorLots project={road} />);
    fireEvent.click(await screen.findByRole("button", { name: "Edit Granite kerb" }));
    const form = screen.getByRole("form", { name: "Edit outdoor-material lot" });
    fireEvent.change(within(form).getByLabelText("Quantity (m)"), { target: { value: "650" } });
    fireEvent.change(within(form).getByLabelText("Notes"), { target: { value: "Lifted with the old asphalt" } });
    server.theySave();
    await act(async () => {
      fireEvent.click(within(form).getByRole("button", { name: "Save material" }));
    });

    const alert = within(form).getByRole("alert");
    expect(plain(alert.textContent)).toContain("pia saved this lot meanwhile (2031-02-03 10:15). What you typed is kept");
    expect(plain(alert.textContent)).toContain("Their version: Granite kerb, 700 m, 2031-04.");
    // Nothing typed is lost: the form still holds the user's values, not theirs.
    expect((within(form).getByLabelText("Quantity (m)") as HTMLInputElement).value).toBe("650");
    expect((within(form).getByLabelText("Notes") as HTMLTextAreaElement).value).toBe("Lifted with the old asphalt");
    expect((within(form).getByLabelText("Available from (month)") as HTMLInputElement).value).toBe("2031-03");
    // The table above now shows their version.
    const row = await screen.findByRole("row", { name: /700\s+m/ });
    expect(plain(row.textContent)).toContain("Granite kerb");
    expect(server.puts()).toEqual([expect.objectContaining({ quantity: 650, version: 1 })]);

    // Saving again is a deliberate choice: it sends the user's values on top of their version.
    await act(async () => {
      fireEvent.click(within(form).getByRole("button", { name: "Save material" }));
    });
    expect(server.puts()[1]).toEqual({
      direction: "available",
      typeId: "granite_kerb",
      quantity: 650,
      condition: "reusable",
      availableFrom: "2031-03",
      notes: "Lifted with the old asphalt",
      version: 2,
    });
    expect(screen.queryByRole("form", { name: "Edit outdoor-material lot" })).toBeNull();
    expect(await screen.findByRole("row", { name: /650\s+m/ })).toBeTruthy();
  });

  it("says it in Norwegian too, and Cancel leaves their version in place", async () => {
    const server = serve();
    signIn("nb");
    render(<ProjectOutdoorLots project={road} />);
    fireEvent.click(await screen.findByRole("button", { name: "Endre Kantstein av granitt" }));
    const form = screen.getByRole("form", { name: "Endre parti med utemateriale" });
    fireEvent.change(within(form).getByLabelText("Mengde (m)"), { target: { value: "650" } });
    server.theySave();
    await act(async () => {
      fireEvent.click(within(form).getByRole("button", { name: "Lagre materiale" }));
    });
    expect(plain(within(form).getByRole("alert").textContent)).toContain("pia lagret dette partiet i mellomtiden (2031-02-03 10:15). Det du skrev er beholdt");
    expect((within(form).getByLabelText("Mengde (m)") as HTMLInputElement).value).toBe("650");
    fireEvent.click(within(form).getByRole("button", { name: "Avbryt" }));
    expect(screen.queryByRole("form", { name: "Endre parti med utemateriale" })).toBeNull();
    expect(server.puts()).toHaveLength(1);
    expect(await screen.findByRole("row", { name: /700\s+m/ })).toBeTruthy();
  });
});
