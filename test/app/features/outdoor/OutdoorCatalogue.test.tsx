// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Me } from "../../../../src/core/domain/accounts";
import type { OutdoorMaterialTypeRecord } from "../../../../src/core/outdoor/api";
import { catalogueInForce } from "../../../../src/core/outdoor/catalogue";
import { OutdoorView } from "../../../../src/app/features/outdoor/OutdoorView";
import type { Lang } from "../../../../src/app/i18n/i18n";
import { initialData, withDataLoaded } from "../../../../src/app/state/data-slice";
import { signedIn } from "../../../../src/app/state/session-slice";
import { resetAppStore, useAppStore } from "../../../../src/app/state/store";

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

const types = catalogueInForce([]);

/** The server's answer to a new type: the body as sent, with what the API derives. */
const created = (body: Omit<OutdoorMaterialTypeRecord, "footprintM2PerUnit" | "origin" | "version" | "updatedAt" | "updatedBy">): OutdoorMaterialTypeRecord => ({
  ...body,
  footprintM2PerUnit: body.storage.m2PerUnitOneLayer / body.storage.layers,
  origin: "added",
  version: 1,
  updatedAt: "2031-02-01T09:00:00.000Z",
  updatedBy: "ada",
});

/**
 * fetch at the boundary: the catalogue from the store's first load, a failing plan (the view opens
 * on the area tab; these tests are about the catalogue), and `onPost` for POST …/types.
 */
function serve(onPost: (body: Record<string, unknown>) => Response) {
  const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
    if (url === "/api/outdoor-materials/types" && init?.method === "POST") return onPost(JSON.parse(String(init.body)) as Record<string, unknown>);
    if (url.startsWith("/api/outdoor-materials/types")) return json(200, { items: types });
    return json(503, { error: { code: "unavailable", message: "not in this test", fields: [] } });
  });
  vi.stubGlobal("fetch", fetchMock);
  return fetchMock;
}

function signIn(user: Me, lang: Lang = "en") {
  const store = useAppStore.getState();
  store.setLang(lang);
  store.setSession(signedIn(user));
  store.setData(withDataLoaded(initialData, { projects: [], sites: [], zoning: [] }));
  store.setOutdoorTypes(types);
}

async function openCatalogue(tabName: string) {
  render(<OutdoorView />);
  fireEvent.click(await screen.findByRole("button", { name: tabName }));
  return screen.findByRole("table", { name: /Catalogue of outdoor materials|Katalog over utematerialer/ });
}

const posts = (fetchMock: ReturnType<typeof serve>) => fetchMock.mock.calls.filter(([, init]) => init?.method === "POST");

beforeEach(() => resetAppStore());
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("OutdoorCatalogue: adding a material type", () => {
  it("lets an admin add a type with the edit form in add mode; the new type joins the catalogue", async () => {
    const fetchMock = serve((body) => json(201, created(body as Parameters<typeof created>[0])));
    signIn({ username: "ada", role: "admin" });
    await openCatalogue("Catalogue");
    fireEvent.click(screen.getByRole("button", { name: "Add material type" }));
    const form = screen.getByRole("form", { name: "New material type" });
    // The opener gives way to the form, so the form's own buttons are the only ones to press.
    expect(screen.queryByRole("button", { name: "Add material type" })).toBeNull();
    const type = (label: string, value: string) => fireEvent.change(within(form).getByLabelText(label), { target: { value } });
    type("Id (short name)", "cast_iron_bollard");
    type("Name (Norwegian)", "Pullert av støpejern");
    type("Name (English)", "Cast-iron bollard");
    fireEvent.change(within(form).getByLabelText("Unit"), { target: { value: "pieces" } });
    type("Typical weight per unit (t)", "0,045");
    type("m² per unit in one layer", "0.25");
    type("Layers stacked", "2");
    type("Stacking (description)", "lying on pallets, two high");
    type("Receiving, person-minutes per unit", "3");
    type("Issuing, person-minutes per unit", "2");
    type("CO₂e of one new unit (kg)", "68");
    type("Source of the CO₂e figure", "estimate: 45 kg cast iron at 1.5 kg CO2e/kg");
    fireEvent.click(within(form).getByLabelText("Must be stored under cover"));
    await act(async () => {
      fireEvent.click(within(form).getByRole("button", { name: "Save" }));
    });

    const [post] = posts(fetchMock);
    expect(post?.[0]).toBe("/api/outdoor-materials/types");
    expect(JSON.parse(String(post![1]!.body))).toEqual({
      id: "cast_iron_bollard",
      names: { nb: "Pullert av støpejern", en: "Cast-iron bollard" },
      unit: "pieces",
      weightTonnesPerUnit: 0.045,
      storage: { m2PerUnitOneLayer: 0.25, layers: 2, stacking: "lying on pallets, two high" },
      needsCover: true,
      handling: { receivePersonMinutesPerUnit: 3, issuePersonMinutesPerUnit: 2 },
      newMaterial: { kgCO2ePerUnit: 68 },
      sources: { weight: "estimate", footprint: "estimate", handling: "estimate", kgCO2e: "estimate: 45 kg cast iron at 1.5 kg CO2e/kg" },
      notes: "",
    });
    // The form closes, the opener is back, and the type is in the store and the table.
    expect(screen.queryByRole("form", { name: "New material type" })).toBeNull();
    expect(screen.getByRole("button", { name: "Add material type" })).toBeTruthy();
    expect(useAppStore.getState().outdoor.types?.at(-1)?.id).toBe("cast_iron_bollard");
    const row = screen.getByRole("row", { name: /Cast-iron bollard/ });
    expect(within(row).getByText("Needs cover")).toBeTruthy();
    expect(within(row).getByRole("button", { name: "Edit the type Cast-iron bollard" })).toBeTruthy();
  });

  it("shows the schema's errors beside their fields and sends nothing until they are fixed", async () => {
    const fetchMock = serve(() => json(500, {}));
    signIn({ username: "ada", role: "admin" });
    await openCatalogue("Catalogue");
    fireEvent.click(screen.getByRole("button", { name: "Add material type" }));
    const form = screen.getByRole("form", { name: "New material type" });
    fireEvent.change(within(form).getByLabelText("Id (short name)"), { target: { value: "Bollard 1" } });
    fireEvent.change(within(form).getByLabelText("Layers stacked"), { target: { value: "0" } });
    fireEvent.change(within(form).getByLabelText("Typical weight per unit (t)"), { target: { value: "tung" } });
    fireEvent.click(within(form).getByRole("button", { name: "Save" }));

    const errorOf = (label: string) => {
      const control = within(form).getByLabelText(label);
      expect(control.getAttribute("aria-invalid")).toBe("true");
      const described = (control.getAttribute("aria-describedby") ?? "").split(" ").map((id) => document.getElementById(id));
      return described.find((element) => element?.classList.contains("field-error"))?.textContent;
    };
    expect(errorOf("Id (short name)")).toBe("Lower-case letters, digits and _, starting with a letter");
    expect(errorOf("Name (Norwegian)")).toBe("Required");
    expect(errorOf("Typical weight per unit (t)")).toBe("Must be a number");
    expect(errorOf("Layers stacked")).toBe("Must be at least 1");
    expect(errorOf("Stacking (description)")).toBe("Required");
    expect(within(form).getByLabelText("Source of the CO₂e figure").getAttribute("aria-invalid")).toBeNull();
    expect(posts(fetchMock)).toEqual([]);
  });

  it("shows the server's message beside the id when the id is taken, and keeps the form as typed (nb)", async () => {
    const message = "granite_kerb is already a type; change it with PUT /api/outdoor-materials/types/granite_kerb";
    const fetchMock = serve(() => json(400, { error: { code: "invalid_input", message: `Invalid input: id: ${message}`, fields: [{ path: "id", message }] } }));
    signIn({ username: "ada", role: "admin" }, "nb");
    await openCatalogue("Katalog");
    fireEvent.click(screen.getByRole("button", { name: "Legg til materialtype" }));
    const form = screen.getByRole("form", { name: "Ny materialtype" });
    const granite = types.find((t) => t.id === "granite_kerb")!;
    const type = (label: string, value: string) => fireEvent.change(within(form).getByLabelText(label), { target: { value } });
    type("Id (kortnavn)", "granite_kerb");
    type("Navn (bokmål)", "Kantstein av granitt, ny");
    type("Navn (engelsk)", "Granite kerb, new");
    fireEvent.change(within(form).getByLabelText("Enhet"), { target: { value: granite.unit } });
    type("Typisk vekt per enhet (t)", "0,08");
    type("m² per enhet i ett lag", "0,1");
    type("Antall lag stablet", "3");
    type("Stabling (beskrivelse)", "på høykant");
    type("Mottak, personminutter per enhet", "0,5");
    type("Utlevering, personminutter per enhet", "0,5");
    type("CO₂e for en ny enhet (kg)", "20");
    await act(async () => {
      fireEvent.click(within(form).getByRole("button", { name: "Lagre" }));
    });
    expect(posts(fetchMock)).toHaveLength(1);
    const id = within(form).getByLabelText("Id (kortnavn)") as HTMLInputElement;
    expect(id.getAttribute("aria-invalid")).toBe("true");
    expect(document.getElementById(`${id.id}-error`)?.textContent).toContain(message);
    expect(id.value).toBe("granite_kerb");
    expect((within(form).getByLabelText("Navn (bokmål)") as HTMLInputElement).value).toBe("Kantstein av granitt, ny");
    expect(useAppStore.getState().outdoor.types).toHaveLength(types.length);
  });

  it("gives a planner the catalogue without an add or edit control", async () => {
    serve(() => json(500, {}));
    signIn({ username: "pia", role: "planner" });
    const table = await openCatalogue("Catalogue");
    expect(within(table).getAllByRole("row").length).toBe(types.length + 1);
    expect(screen.queryByRole("button", { name: "Add material type" })).toBeNull();
    expect(screen.queryByRole("button", { name: /^Edit the type/ })).toBeNull();
  });
});
