// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Me } from "../../../../src/core/domain/accounts";
import type { Project } from "../../../../src/core/domain/records";
import { draftFromProject, emptyDraft, historyOf, withPickedLocation } from "../../../../src/app/features/projects/draft";
import { ProjectForm } from "../../../../src/app/features/projects/ProjectForm";
import { openEditor } from "../../../../src/app/state/editor-slice";
import { signedIn } from "../../../../src/app/state/session-slice";
import { resetAppStore, useAppStore } from "../../../../src/app/state/store";
import type { Lang } from "../../../../src/app/i18n/i18n";
import { lot, project } from "../../../support/record-fixtures";

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

type Handler = (body: unknown, url: string) => Response;
/** A fake API answering by "METHOD /path"; records every call with its parsed body. */
function fakeApi(routes: Record<string, Handler>) {
  const calls: { key: string; body: unknown }[] = [];
  const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
    const key = `${init?.method ?? "GET"} ${url}`;
    const body = typeof init?.body === "string" ? JSON.parse(init.body) : undefined;
    calls.push({ key, body });
    const route = routes[key];
    return route ? route(body, url) : json(404, { error: { code: "not_found", message: key, fields: [] } });
  });
  vi.stubGlobal("fetch", fetchMock);
  return calls;
}

/** The form as the app shows it: whatever editor the store holds. */
function Harness() {
  const editor = useAppStore((s) => s.editor);
  return editor.open ? <ProjectForm editor={editor} /> : <p>closed</p>;
}

function start({ lang = "en", user = { username: "engineer", role: "engineer" }, base = null }: { lang?: Lang; user?: Me; base?: Project | null } = {}) {
  const store = useAppStore.getState();
  store.setLang(lang);
  store.setSession(signedIn(user));
  store.setUsers([
    { username: "engineer", displayName: "", role: "engineer", active: true, version: 1 },
    { username: "ola", displayName: "", role: "engineer", active: true, version: 1 },
    { username: "planner", displayName: "", role: "planner", active: true, version: 1 },
  ]);
  store.setEditor(openEditor(base, historyOf(base ? draftFromProject(base) : emptyDraft())));
  return render(<Harness />);
}

/** The text an element's aria-describedby points at. */
const description = (element: HTMLElement) =>
  (element.getAttribute("aria-describedby") ?? "")
    .split(" ")
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent ?? "")
    .join(" ")
    .replace(/\u00a0/g, " ");

const type = (element: HTMLElement, value: string) => fireEvent.change(element, { target: { value } });

beforeEach(() => {
  resetAppStore();
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("ProjectForm: errors beside the fields", () => {
  it("shows each problem beside its field in English, and moves focus to the first", async () => {
    fakeApi({});
    start();
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Save" }));
    });
    const name = screen.getByLabelText("Project name");
    expect(name.getAttribute("aria-invalid")).toBe("true");
    expect(description(name)).toBe("Required");
    expect(description(screen.getByLabelText("East (m)"))).toBe("Required");
    expect(description(screen.getByLabelText("North (m)"))).toBe("Required");
    expect(document.activeElement).toBe(name);
    expect(screen.getByRole("status").textContent).toBe("Not saved: 3 fields need correcting (marked in red).");
    // Typing fixes the name field at once.
    type(name, "Testveien 12");
    expect(name.getAttribute("aria-invalid")).toBeNull();
  });

  it("shows them in Norwegian for a Norwegian user", async () => {
    fakeApi({});
    start({ lang: "nb" });
    fireEvent.click(screen.getByRole("button", { name: "Legg til lott" }));
    const lot1 = screen.getByRole("group", { name: "Lott 1" });
    type(within(lot1).getByLabelText("Mengde"), "-5");
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Lagre" }));
    });
    expect(description(screen.getByLabelText("Prosjektnavn"))).toBe("Må fylles ut");
    expect(description(within(lot1).getByLabelText("Mengde"))).toContain("Må være større enn 0");
    expect(description(within(lot1).getByLabelText("Materiale"))).toBe("Velg et av alternativene");
    expect(description(within(lot1).getByLabelText("Tilstandsklasse"))).toBe("Må fylles ut");
    expect(description(within(lot1).getByLabelText("Fra måned"))).toBe("Velg en måned (ÅÅÅÅ-MM)");
  });

  it("hints at swapped latitude and longitude as soon as both are typed, and swaps them on request", () => {
    fakeApi({});
    start();
    fireEvent.change(screen.getByLabelText("Coordinate system"), { target: { value: "EPSG:4326" } });
    type(screen.getByLabelText("Longitude"), "59.83");
    type(screen.getByLabelText("Latitude"), "10.43");
    const location = screen.getByRole("group", { name: "Location" });
    expect(description(location)).toBe("The point is outside Norway. Longitude and latitude look swapped.Swap the numbers");
    fireEvent.click(screen.getByRole("button", { name: "Swap the numbers" }));
    expect((screen.getByLabelText("Longitude") as HTMLInputElement).value).toBe("10.43");
    expect((screen.getByLabelText("Latitude") as HTMLInputElement).value).toBe("59.83");
    expect(location.getAttribute("aria-describedby")).toBeNull();
  });
});

describe("ProjectForm: picking the location on the map", () => {
  it("shows a hint while picking, takes the picked point, and Escape stops picking without closing the form", () => {
    fakeApi({});
    start();
    const pick = screen.getByRole("button", { name: "Pick on map" });
    fireEvent.click(pick);
    expect(pick.getAttribute("aria-pressed")).toBe("true");
    expect(screen.getByText("Click on the map where the project is. Esc cancels.").getAttribute("role")).toBe("status");
    fireEvent.keyDown(document, { key: "Escape" });
    expect(pick.getAttribute("aria-pressed")).toBe("false");
    expect(screen.queryByText("Click on the map where the project is. Esc cancels.")).toBeNull();
    expect(screen.getByLabelText("Project name")).toBeTruthy();
    // What the map does on a click while picking.
    fireEvent.click(pick);
    act(() => {
      useAppStore.getState().editDraft((h) => withPickedLocation(h, [10.43, 59.83]));
    });
    expect((screen.getByLabelText("East (m)") as HTMLInputElement).value).toBe("580167");
    expect((screen.getByLabelText("North (m)") as HTMLInputElement).value).toBe("6633344");
  });
});

describe("ProjectForm: lots", () => {
  it("shows the tonnes beside the typed quantity, live, with the conversion table in force", () => {
    fakeApi({});
    start();
    useAppStore.getState().setMaterials([{ material: "mixed", densityTonnesPerM3InPlace: 2.1, swellInPlaceToLoose: 0.25, compactedPerInPlace: 1 }]);
    fireEvent.click(screen.getByRole("button", { name: "Add lot" }));
    const lot1 = screen.getByRole("group", { name: "Lot 1" });
    const quantity = within(lot1).getByLabelText("Quantity");
    expect(description(quantity)).toBe("–");
    fireEvent.change(within(lot1).getByLabelText("Material"), { target: { value: "mixed" } });
    fireEvent.change(within(lot1).getByLabelText("Unit"), { target: { value: "m3_in_place" } });
    type(quantity, "23 057");
    expect(description(quantity)).toBe("= 48,420 t");
  });

  it("adds, duplicates, deletes and undoes, with a distinct name for each lot's buttons", () => {
    fakeApi({});
    start();
    fireEvent.click(screen.getByRole("button", { name: "Add lot" }));
    type(within(screen.getByRole("group", { name: "Lot 1" })).getByLabelText("Quantity"), "100");
    fireEvent.click(screen.getByRole("button", { name: "Duplicate lot 1" }));
    const lot2 = screen.getByRole("group", { name: "Lot 2" });
    expect((within(lot2).getByLabelText("Quantity") as HTMLInputElement).value).toBe("100");
    expect(screen.getByRole("button", { name: "Delete lot 2" })).toBeTruthy();
    // A new project has no Delete of its own: only the lots' buttons.
    expect(screen.queryByRole("button", { name: "Delete" })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Delete lot 1" }));
    expect(screen.queryByRole("group", { name: "Lot 2" })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Undo" }));
    expect(screen.getByRole("group", { name: "Lot 2" })).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Undo" }));
    fireEvent.click(screen.getByRole("button", { name: "Undo" }));
    fireEvent.click(screen.getByRole("button", { name: "Undo" }));
    expect(screen.queryByRole("group", { name: "Lot 1" })).toBeNull();
    expect((screen.getByRole("button", { name: "Undo" }) as HTMLButtonElement).disabled).toBe(true);
  });

  it("asks to confirm a lot over 10 million tonnes", async () => {
    fakeApi({});
    start();
    fireEvent.click(screen.getByRole("button", { name: "Add lot" }));
    const lot1 = screen.getByRole("group", { name: "Lot 1" });
    fireEvent.change(within(lot1).getByLabelText("Material"), { target: { value: "rock" } });
    type(within(lot1).getByLabelText("Quantity"), "12000000");
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Save" }));
    });
    expect(description(within(lot1).getByLabelText("Quantity"))).toContain("Over 10,000,000 t: confirm it is not a typo");
    fireEvent.click(within(lot1).getByRole("checkbox", { name: "I confirm that more than 10,000,000 t is correct" }));
    expect(description(within(lot1).getByLabelText("Quantity"))).not.toContain("confirm");
  });
});

describe("ProjectForm: saving", () => {
  const created = project({ id: "P9", version: 1, owner: "engineer", name: "Testveien 12", location: { type: "Point", coordinates: [10.43, 59.83] }, lots: [] });

  it("creates the project, then its lots, and says so", async () => {
    const calls = fakeApi({
      "POST /api/projects": () => json(201, created),
      "POST /api/projects/P9/lots": (body) => json(201, lot({ id: `L${Math.random()}`, projectId: "P9", ...(body as object), tonnes: 100 })),
      "GET /api/projects/P9": () => json(200, { ...created, lots: [lot({ id: "La", projectId: "P9" })] }),
      "GET /api/projects": () => json(200, { items: [created], total: 1 }),
    });
    start();
    type(screen.getByLabelText("Project name"), "Testveien 12");
    type(screen.getByLabelText("East (m)"), "580167");
    type(screen.getByLabelText("North (m)"), "6633344");
    fireEvent.click(screen.getByRole("button", { name: "Add lot" }));
    const lot1 = screen.getByRole("group", { name: "Lot 1" });
    fireEvent.change(within(lot1).getByLabelText("Material"), { target: { value: "rock" } });
    fireEvent.change(within(lot1).getByLabelText("Contamination class"), { target: { value: "1" } });
    type(within(lot1).getByLabelText("Quantity"), "1 200");
    fireEvent.change(within(lot1).getByLabelText("From month"), { target: { value: "2027-01" } });
    fireEvent.change(within(lot1).getByLabelText("To month"), { target: { value: "2027-03" } });
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Save" }));
    });
    await waitFor(() => expect(screen.getByRole("status").textContent).toBe("Saved (2 changes)."));
    expect(calls.map((c) => c.key).slice(0, 3)).toEqual(["POST /api/projects", "POST /api/projects/P9/lots", "GET /api/projects/P9"]);
    expect(calls[0]!.body).toMatchObject({ name: "Testveien 12", status: "planned", location: { type: "Point" } });
    expect(calls[1]!.body).toEqual({
      direction: "surplus",
      material: "rock",
      contaminationClass: 1,
      quantity: { value: 1200, unit: "tonnes" },
      window: { from: "2027-01", to: "2027-03" },
      hazardous: false,
      flags: [],
      notes: "",
    });
    // Now an edit of the stored project, selected on the map.
    expect(screen.getByText("Edit project")).toBeTruthy();
    expect(useAppStore.getState().selection).toEqual({ kind: "project", id: "P9" });
  });

  it("shows the server's field error beside the field, in the user's language, keeping what was typed", async () => {
    fakeApi({
      "POST /api/projects": () => json(201, created),
      "POST /api/projects/P9/lots": () =>
        json(400, {
          error: {
            code: "invalid",
            message: "Invalid",
            fields: [{ path: "quantity.value", message: "over 10,000,000 t: confirm it is not a typo", key: "validation.confirmLarge", params: { tonnes: 12_000_000, limit: 10_000_000 } }],
          },
        }),
      "GET /api/projects": () => json(200, { items: [created], total: 1 }),
    });
    start({ lang: "nb" });
    type(screen.getByLabelText("Prosjektnavn"), "Testveien 12");
    type(screen.getByLabelText("Øst (m)"), "580167");
    type(screen.getByLabelText("Nord (m)"), "6633344");
    fireEvent.click(screen.getByRole("button", { name: "Legg til lott" }));
    const lot1 = screen.getByRole("group", { name: "Lott 1" });
    fireEvent.change(within(lot1).getByLabelText("Materiale"), { target: { value: "rock" } });
    fireEvent.change(within(lot1).getByLabelText("Tilstandsklasse"), { target: { value: "1" } });
    type(within(lot1).getByLabelText("Mengde"), "500");
    fireEvent.change(within(lot1).getByLabelText("Fra måned"), { target: { value: "2027-01" } });
    fireEvent.change(within(lot1).getByLabelText("Til måned"), { target: { value: "2027-01" } });
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Lagre" }));
    });
    await waitFor(() => expect(description(within(lot1).getByLabelText("Mengde"))).toContain("Over 10 000 000 t: bekreft at det ikke er en skrivefeil"));
    expect((within(lot1).getByLabelText("Mengde") as HTMLInputElement).value).toBe("500");
    // The project itself was created: the next save must not create it again.
    expect(useAppStore.getState().editor).toMatchObject({ history: { draft: { id: "P9", version: 1 } } });
  });
});

describe("ProjectForm: a stale version", () => {
  const base = project({
    id: "P1",
    version: 3,
    owner: "engineer",
    status: "planned",
    contact: "",
    location: { type: "Point", coordinates: [10.43, 59.83] },
    lots: [lot({ id: "L1", version: 1, quantity: { value: 1200, unit: "tonnes" } })],
  });
  const current: Project = { ...base, version: 4, status: "in_progress", updatedBy: "planner", updatedAt: "2027-03-04T09:12:00.000Z" };

  it("says who changed the record and when, and reloads without losing what was typed", async () => {
    let putVersion = 0;
    const calls = fakeApi({
      "PUT /api/projects/P1": (body) => {
        putVersion = (body as { version: number }).version;
        return putVersion === 3
          ? json(409, { error: { code: "version_conflict", message: "Stale version", fields: [] }, current })
          : json(200, { ...current, ...(body as object), version: 5 });
      },
      "GET /api/projects/P1": () => json(200, current),
      "GET /api/projects": () => json(200, { items: [current], total: 1 }),
    });
    start({ base });
    type(screen.getByLabelText("Contact"), "Kari Nordmann, 900 00 000");
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Save" }));
    });
    const notice = await screen.findByRole("alert");
    expect(notice.textContent).toContain("Someone else saved this project while you were editing: changed by planner, 2027-03-04 10:12.");
    expect(notice.textContent).toContain("status Planned → In progress");
    expect(screen.getByRole("status").textContent).toBe("Not saved: someone else changed the project meanwhile.");

    await act(async () => {
      fireEvent.click(within(notice).getByRole("button", { name: "Reload" }));
    });
    expect(screen.queryByRole("alert")).toBeNull();
    expect((screen.getByLabelText("Contact") as HTMLInputElement).value).toBe("Kari Nordmann, 900 00 000");
    expect((screen.getByLabelText("Status") as HTMLSelectElement).value).toBe("in_progress");
    expect(screen.getByRole("status").textContent).toBe("Reloaded: your changes are on top of the latest version. Check and save.");

    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Save" }));
    });
    await waitFor(() => expect(screen.getByRole("status").textContent).toBe("Saved (1 change)."));
    expect(putVersion).toBe(4);
    expect(calls.filter((c) => c.key === "PUT /api/projects/P1").at(-1)!.body).toMatchObject({ contact: "Kari Nordmann, 900 00 000", status: "in_progress" });
  });

  it("offers Delete for a stored project, asking first", async () => {
    const calls = fakeApi({ "DELETE /api/projects/P1": () => new Response(null, { status: 204 }), "GET /api/projects": () => json(200, { items: [], total: 0 }) });
    start({ base });
    fireEvent.click(screen.getByRole("button", { name: "Delete" }));
    expect(screen.getByRole("alertdialog").textContent).toContain("Delete “Asker sentrum VA” and all its lots?");
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Yes, delete" }));
    });
    expect(calls.map((c) => c.key)).toContain("DELETE /api/projects/P1");
    expect(screen.getByText("closed")).toBeTruthy();
  });

  it("asks before Escape throws away unsaved changes", () => {
    fakeApi({});
    start({ base });
    type(screen.getByLabelText("Contact"), "x");
    fireEvent.keyDown(document, { key: "Escape" });
    expect(screen.getByRole("alertdialog").textContent).toContain("Discard your changes");
    fireEvent.click(screen.getByRole("button", { name: "Keep editing" }));
    expect((screen.getByLabelText("Contact") as HTMLInputElement).value).toBe("x");
    fireEvent.keyDown(document, { key: "Escape" });
    fireEvent.click(screen.getByRole("button", { name: "Discard changes" }));
    expect(screen.getByText("closed")).toBeTruthy();
  });
});

describe("ProjectForm: special masses and permits (issue 17)", () => {
  it("offers each special mass as a named checkbox, sends the ticked flags and the permit, and names a missing reference", async () => {
    const calls = fakeApi({
      "PUT /api/lots/L1": (body) => json(200, lot({ ...(body as object), version: 2, tonnes: 1000 })),
      "GET /api/projects/P1": () => json(200, project({ lots: [lot({ flags: ["quick_clay", "invasive_species"], version: 2 })] })),
      "GET /api/projects": () => json(200, { items: [project()] }),
    });
    start({ base: project({ lots: [lot()] }) });
    const lot1 = screen.getByRole("group", { name: "Lot 1" });
    const flags = within(lot1).getByRole("group", { name: "Special masses" });
    const boxes = within(flags).getAllByRole("checkbox");
    expect(boxes.map((box) => box.closest("label")?.textContent)).toEqual([
      "Quick clay (kvikkleire)",
      "Alum shale / acid-forming rock (alunskifer)",
      "Invasive species (fremmede arter, topsoil)",
    ]);
    fireEvent.click(within(flags).getByRole("checkbox", { name: "Quick clay (kvikkleire)" }));
    fireEvent.click(within(flags).getByRole("checkbox", { name: "Invasive species (fremmede arter, topsoil)" }));
    expect((within(flags).getByRole("checkbox", { name: "Quick clay (kvikkleire)" }) as HTMLInputElement).checked).toBe(true);

    // A permit kind without its reference is refused beside the reference field, nothing is sent.
    fireEvent.change(within(lot1).getByLabelText("Kind"), { target: { value: "tillatelse" } });
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Save" }));
    });
    const reference = within(lot1).getByLabelText("Case number or reference");
    expect(description(reference)).not.toBe("");
    expect(calls.filter((c) => c.key.startsWith("PUT"))).toEqual([]);

    type(reference, "2026/4711");
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Save" }));
    });
    await waitFor(() => expect(calls.some((c) => c.key === "PUT /api/lots/L1")).toBe(true));
    expect(calls.find((c) => c.key === "PUT /api/lots/L1")!.body).toMatchObject({
      flags: ["quick_clay", "invasive_species"],
      permit: { kind: "tillatelse", reference: "2026/4711" },
    });
  });

  it("asks a demand lot what it takes, in Norwegian, without acid-forming rock (never reused as fill)", () => {
    start({ lang: "nb", base: project({ lots: [lot({ direction: "demand" })] }) });
    const lot1 = screen.getByRole("group", { name: "Lott 1" });
    const flags = within(lot1).getByRole("group", { name: "Tar imot spesialmasser" });
    expect(within(flags).getAllByRole("checkbox").map((box) => box.closest("label")?.textContent)).toEqual(["Kvikkleire", "Fremmede arter (matjord)"]);
    expect(within(lot1).queryByRole("group", { name: /Tillatelse eller tiltaksplan/ })).toBeNull();
  });
});
