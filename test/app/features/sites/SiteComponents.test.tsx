// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Me } from "../../../../src/core/domain/accounts";
import type { Site } from "../../../../src/core/domain/records";
import { conflictReason, roadReason, zoningReason } from "../../../../src/core/suitability/reasons";
import type { SuitabilityReport } from "../../../../src/core/suitability/report";
import { SiteCard } from "../../../../src/app/features/sites/SiteCard";
import { SiteForm } from "../../../../src/app/features/sites/SiteForm";
import { SitesPanel } from "../../../../src/app/features/sites/SitesPanel";
import type { Lang } from "../../../../src/app/i18n/i18n";
import { signedIn } from "../../../../src/app/state/session-slice";
import { resetAppStore, useAppStore } from "../../../../src/app/state/store";
import { site } from "../../../support/record-fixtures";

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

function fakeApi(routes: Record<string, (body: unknown) => Response>) {
  const calls: { key: string; body: unknown }[] = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string, init?: RequestInit) => {
      const key = `${init?.method ?? "GET"} ${url}`;
      const body = typeof init?.body === "string" ? JSON.parse(init.body) : undefined;
      calls.push({ key, body });
      const route = routes[key];
      return route ? route(body) : json(404, { error: { code: "not_found", message: key, fields: [] } });
    }),
  );
  return calls;
}

const residential = { code: 1110, codeList: "rp", name: "Boligbebyggelse", category: "residential", share: 0.12, areaM2: 1200 };
const report: SuitabilityReport = {
  verdict: "conditional",
  reasons: [],
  areaM2: 10_000,
  capacityTonnes: 42_000,
  capacityM3: 20_000,
  zoning: [{ code: 1110, category: "residential", areaM2: 1200, share: 0.12, codeList: "rp", name: "Boligbebyggelse", rule: "excluded" }],
  conflicts: [{ kind: "school_kindergarten", code: 1161, distanceM: 130, bufferM: 200, codeList: "rp", name: "Barnehage" }],
  nearestRoadM: 40,
  meanHaulKm: 6.25,
  reasonDetails: [
    zoningReason("excludedTolerated", residential, { toleratedShare: 0.15, negligibleShare: 0.01 }),
    conflictReason({ kind: "school_kindergarten", label: "school or kindergarten", code: 1161, codeList: "rp", name: "Barnehage", distanceM: 130, bufferM: 200 }, "conditional"),
    roadReason(40, { maxDistanceM: 500, effect: "conditional" }),
  ],
  zones: [],
  unzonedShare: 0,
  capacityAssumptions: { stackHeightM: 5, usableShare: 0.7, densityTonnesPerM3: 1.52 },
  haul: { lots: 3, tonnes: 1000, tonneKm: 6250, unreachable: [] },
  warnings: [],
};

function start(user: Me, lang: Lang = "en") {
  const store = useAppStore.getState();
  store.setLang(lang);
  store.setSession(signedIn(user));
}

beforeEach(() => resetAppStore());
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("the site card", () => {
  it("shows the verdict, the reasons in Norwegian, and numbers with units; a viewer gets no Edit", async () => {
    fakeApi({ "GET /api/sites/S1/suitability": () => json(200, report) });
    start({ username: "viewer", role: "viewer" }, "nb");
    render(<SiteCard site={site()} />);
    await screen.findByText("Betinget egnet");
    const text = document.body.textContent!.replace(/\u00a0/g, " ");
    expect(text).toContain("12 % av lokaliteten er regulert til 1110 Boligbebyggelse: ikke tillatt, men innenfor tolererte 15 %; juster grensen");
    expect(text).toContain("Nærmeste skole eller barnehage: 130 m (1161 Barnehage; buffer 200 m)");
    expect(text).toContain("10 000 m²");
    expect(text).toContain("42 000 t (20 000 m³)");
    expect(text).toContain("6,3 km");
    expect(screen.getByRole("table", { name: "Arealformål på Mellomlager Nord" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Rediger" })).toBeNull();
    expect(screen.getByRole("button", { name: "Skriv ut lokalitetskort" })).toBeTruthy();
  });

  it("says why when the site cannot be rated", async () => {
    fakeApi({ "GET /api/sites/S1/suitability": () => json(422, { error: { code: "invalid_site", message: "edges cross", fields: [] } }) });
    start({ username: "planner", role: "planner" });
    render(<SiteCard site={site()} />);
    await screen.findByText(/The suitability could not be computed/);
    expect(screen.getByRole("button", { name: "Edit" })).toBeTruthy();
  });
});

describe("the Sites panel", () => {
  it("offers drawing and imports to planners only", () => {
    start({ username: "engineer", role: "engineer" });
    useAppStore.getState().setSitesPanelOpen(true);
    const { unmount } = render(<SitesPanel />);
    expect(screen.getByRole("button", { name: "Ranking" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Draw site" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Import zoning" })).toBeNull();
    unmount();
    start({ username: "planner", role: "planner" });
    render(<SitesPanel />);
    fireEvent.click(screen.getByRole("button", { name: "Draw site" }));
    expect(useAppStore.getState().sites.drawing).toEqual({ mode: "draw" });
  });
});

function FormHarness() {
  const editor = useAppStore((s) => s.sites.editor);
  return editor ? <SiteForm editor={editor} /> : <p>closed</p>;
}

describe("the site form", () => {
  it("saves with the version, and on a 409 says who saved first and reloads without losing what was typed", async () => {
    const stored = site({ stackHeightM: 3 });
    const theirs: Site = { ...stored, version: 2, notes: "their note", updatedBy: "ola", updatedAt: "2027-02-01T10:00:00.000Z" };
    const calls = fakeApi({
      "PUT /api/sites/S1": (body) =>
        (body as { version: number }).version === 1
          ? json(409, { error: { code: "version_conflict", message: "stale", fields: [] }, current: theirs })
          : json(200, { ...theirs, ...(body as object), version: 3 }),
      "GET /api/sites": () => json(200, { items: [] }),
    });
    start({ username: "planner", role: "planner" });
    useAppStore.getState().openSiteEditor(stored);
    render(<FormHarness />);
    fireEvent.change(screen.getByLabelText("Stack height (m)"), { target: { value: "5" } });
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("ola saved this site");
    fireEvent.click(screen.getByRole("button", { name: "Reload" }));
    expect((screen.getByLabelText("Notes") as HTMLTextAreaElement).value).toBe("their note");
    expect((screen.getByLabelText("Stack height (m)") as HTMLInputElement).value).toBe("5");
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    await screen.findByText("closed");
    const put = calls.filter((c) => c.key === "PUT /api/sites/S1").at(-1)!.body as Record<string, unknown>;
    expect(put).toMatchObject({ version: 2, stackHeightM: 5, notes: "their note" });
    expect(useAppStore.getState().selection).toEqual({ kind: "site", id: "S1" });
  });

  it("asks before deleting", async () => {
    const calls = fakeApi({ "DELETE /api/sites/S1": () => new Response(null, { status: 204 }), "GET /api/sites": () => json(200, { items: [] }) });
    start({ username: "planner", role: "planner" });
    useAppStore.getState().openSiteEditor(site());
    render(<FormHarness />);
    fireEvent.click(screen.getByRole("button", { name: "Delete" }));
    expect(screen.getByRole("alertdialog").textContent).toContain("Delete Mellomlager Nord?");
    fireEvent.click(screen.getByRole("button", { name: "Yes, delete" }));
    await waitFor(() => expect(calls.some((c) => c.key === "DELETE /api/sites/S1")).toBe(true));
    await screen.findByText("closed");
  });

  it("closes at once when nothing changed, and asks before throwing changes away", () => {
    start({ username: "planner", role: "planner" });
    useAppStore.getState().openSiteEditor(site());
    render(<FormHarness />);
    fireEvent.change(screen.getByLabelText("Notes"), { target: { value: "ny merknad" } });
    fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
    expect(screen.getByRole("alertdialog").textContent).toContain("Discard Mellomlager Nord?");
    fireEvent.click(screen.getByRole("button", { name: "Keep editing" }));
    expect((screen.getByLabelText("Notes") as HTMLTextAreaElement).value).toBe("ny merknad");
    fireEvent.change(screen.getByLabelText("Notes"), { target: { value: "" } });
    fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
    expect(screen.getByText("closed")).toBeTruthy();
  });

  it("shows errors beside the fields and keeps the form open", async () => {
    fakeApi({});
    start({ username: "planner", role: "planner" });
    useAppStore.getState().openSiteEditor(site());
    render(<FormHarness />);
    fireEvent.change(screen.getByLabelText("Name"), { target: { value: "" } });
    fireEvent.change(screen.getByLabelText("Stack height (m)"), { target: { value: "høy" } });
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    await screen.findByText("Correct the marked fields.");
    expect(screen.getByLabelText("Name").getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByLabelText("Stack height (m)").getAttribute("aria-invalid")).toBe("true");
    expect(document.activeElement).toBe(screen.getByLabelText("Name"));
  });
});
