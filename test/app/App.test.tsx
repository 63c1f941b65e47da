// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { App } from "../../src/app/App";
import { reloadProjects } from "../../src/app/features/projects/project-actions";
import { sessionHintKey } from "../../src/app/features/session/session-actions";
import { resetAppStore, useAppStore } from "../../src/app/state/store";
import { projectSummary, zoningArea } from "../support/record-fixtures";

// jsdom has no WebGL: the map itself is tested in Chromium (test/e2e).
vi.mock("../../src/app/map/MapView", () => ({ MapView: () => <div data-testid="map" /> }));

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

/** A fake API: signed in as planner, with one illustrative project and zoning area. */
function fakeApi(overrides: Record<string, () => Response> = {}) {
  return vi.fn(async (url: string, init?: RequestInit) => {
    const key = `${init?.method ?? "GET"} ${url}`;
    const override = overrides[key];
    if (override) return override();
    switch (key) {
      case "GET /api/me":
        return json(200, { username: "planner", role: "planner" });
      case "GET /api/auth/config":
        return json(200, { localLogin: true, oidc: null });
      case "DELETE /api/session":
        return new Response(null, { status: 204 });
      case "GET /api/map/projects":
        return json(200, { items: [projectSummary()], total: 1 });
      case "GET /api/sites":
        return json(200, { items: [] });
      case "GET /api/zoning":
        return json(200, { items: [zoningArea()] });
      case "GET /api/zoning/zones":
        return json(200, { items: [] });
      default:
        return json(404, { error: { code: "not_found", message: key, fields: [] } });
    }
  });
}

beforeEach(() => {
  resetAppStore();
  localStorage.clear();
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("App", () => {
  it("shows the sign-in page at once in a browser that never signed in", async () => {
    const api = fakeApi();
    vi.stubGlobal("fetch", api);
    render(<App />);
    expect(await screen.findByRole("button", { name: "Logg inn" })).toBeTruthy();
    // Only the ways of signing in are asked for, not who is signed in.
    expect(api.mock.calls.map(([url]) => url)).toEqual(["/api/auth/config"]);
    expect(document.documentElement.lang).toBe("nb");
  });

  it("resumes a session, loads the data and says the data is illustrative", async () => {
    localStorage.setItem(sessionHintKey, "1");
    useAppStore.getState().setLang("en");
    vi.stubGlobal("fetch", fakeApi());
    render(<App />);
    expect(await screen.findByRole("button", { name: "Log out" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Account: planner planner" }).getAttribute("title")).toBe("Signed in as planner (planner)");
    expect(await screen.findByText("Demo data: illustrative projects, sites and zoning")).toBeTruthy();
    expect(useAppStore.getState().data.status).toBe("ready");
    expect(document.documentElement.lang).toBe("en");
  });

  it("opens and closes the layer panel with the Layers button", async () => {
    localStorage.setItem(sessionHintKey, "1");
    useAppStore.getState().setLang("en");
    vi.stubGlobal("fetch", fakeApi());
    render(<App />);
    const button = await screen.findByRole("button", { name: "Layers" });
    expect(button.getAttribute("aria-expanded")).toBe("false");
    expect(screen.queryByRole("checkbox", { name: "Zoning" })).toBeNull();
    fireEvent.click(button);
    expect(button.getAttribute("aria-expanded")).toBe("true");
    // Focus moves into the panel, so the next Tab reaches its checkboxes.
    expect(document.activeElement?.textContent).toBe("Layers and legend");
    expect(document.getElementById(button.getAttribute("aria-controls")!)).not.toBeNull();
    fireEvent.click(screen.getByRole("checkbox", { name: "Zoning" }));
    expect(useAppStore.getState().layout.visibility.zoning).toBe(false);
    fireEvent.click(button);
    expect(screen.queryByRole("checkbox", { name: "Zoning" })).toBeNull();
  });

  it("shows which data failed to load, and loads again on request", async () => {
    localStorage.setItem(sessionHintKey, "1");
    useAppStore.getState().setLang("en");
    let sitesDown = true;
    const api = fakeApi({
      "GET /api/sites": () =>
        sitesDown
          ? json(500, { error: { code: "internal", message: "Database unavailable", fields: [] } })
          : json(200, { items: [] }),
    });
    vi.stubGlobal("fetch", api);
    render(<App />);
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Could not load map data: sites: The server answered with error 500: Database unavailable");
    // What did load is still shown.
    expect(useAppStore.getState().data.projects).toHaveLength(1);
    sitesDown = false;
    fireEvent.click(screen.getByRole("button", { name: "Try again" }));
    await waitFor(() => expect(useAppStore.getState().data.status).toBe("ready"));
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("goes back to sign-in when the session has ended", async () => {
    localStorage.setItem(sessionHintKey, "1");
    useAppStore.getState().setLang("en");
    vi.stubGlobal(
      "fetch",
      fakeApi({ "GET /api/map/projects": () => json(401, { error: { code: "unauthorized", message: "Sign in", fields: [] } }) }),
    );
    render(<App />);
    expect((await screen.findByRole("alert")).textContent).toMatch(/^You are signed out: your session has ended .*an administrator reset your password/);
    expect(await screen.findByRole("button", { name: "Log in" })).toBeTruthy();
    expect(localStorage.getItem(sessionHintKey)).toBeNull();
  });

  it("brings the password screen up at once when any call says the password must be changed", async () => {
    localStorage.setItem(sessionHintKey, "1");
    useAppStore.getState().setLang("en");
    const refused = () => json(403, { error: { code: "password_change_required", message: "Change your password first.", key: "error.passwordChangeRequired", fields: [] } });
    let temporary = false;
    vi.stubGlobal("fetch", fakeApi({ "GET /api/map/projects": () => (temporary ? refused() : json(200, { items: [projectSummary()], total: 1 })) }));
    render(<App />);
    await waitFor(() => expect(useAppStore.getState().data.status).toBe("ready"));
    // Meanwhile the password became temporary: the next call of any feature is refused.
    temporary = true;
    await act(() => reloadProjects());
    expect(await screen.findByRole("heading", { name: "Choose your own password" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Projects" })).toBeNull();
  });

  it("logs out and forgets the data", async () => {
    localStorage.setItem(sessionHintKey, "1");
    useAppStore.getState().setLang("en");
    const api = fakeApi();
    vi.stubGlobal("fetch", api);
    render(<App />);
    await waitFor(() => expect(useAppStore.getState().data.status).toBe("ready"));
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Log out" }));
    });
    expect(await screen.findByRole("button", { name: "Log in" })).toBeTruthy();
    expect(api).toHaveBeenCalledWith("/api/session", expect.objectContaining({ method: "DELETE" }));
    expect(useAppStore.getState().data.projects).toEqual([]);
    expect(localStorage.getItem(sessionHintKey)).toBeNull();
  });

  it("switches language from the header menu, and the page language follows", async () => {
    localStorage.setItem(sessionHintKey, "1");
    useAppStore.getState().setLang("en");
    vi.stubGlobal("fetch", fakeApi());
    render(<App />);
    fireEvent.click(await screen.findByRole("button", { name: "Language EN" }));
    const english = screen.getByRole("menuitemradio", { name: "English" });
    expect(english.getAttribute("aria-checked")).toBe("true");
    fireEvent.click(screen.getByRole("menuitemradio", { name: "Norsk (bokmål)" }));
    expect(await screen.findByRole("button", { name: "Logg ut" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Kartlag" })).toBeTruthy();
    expect(document.documentElement.lang).toBe("nb");
    expect(screen.queryByRole("menu")).toBeNull();
  });
});
