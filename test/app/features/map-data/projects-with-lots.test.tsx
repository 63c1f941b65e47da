// @vitest-environment jsdom
import { cleanup, render, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { loadMapData } from "../../../../src/app/features/map-data/load-map-data";
import { useProjectsWithLots, useShownProjectsWithLots, type ProjectsWithLotsView } from "../../../../src/app/features/map-data/projects-with-lots";
import { reloadProjects } from "../../../../src/app/features/projects/project-actions";
import { signedIn } from "../../../../src/app/state/session-slice";
import { resetAppStore, useAppStore } from "../../../../src/app/state/store";
import { summariseProject } from "../../../../src/core/domain/registry-api";
import { lot, project } from "../../../support/record-fixtures";

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

const full = [
  project({ id: "P1", lots: [lot({ id: "L1", projectId: "P1", tonnes: 700 })] }),
  project({ id: "P2", name: "Bødalen", lots: [lot({ id: "L2", projectId: "P2", direction: "demand", tonnes: 300 })] }),
];

/** The server: summaries at /api/map/projects, projects with lots at /api/projects (`?q=` picks P2). */
function fakeApi() {
  return vi.fn(async (url: string) => {
    const picked = url.includes("q=") ? full.slice(1) : full;
    if (url.startsWith("/api/map/projects")) return json(200, { items: picked.map(summariseProject), total: picked.length });
    if (url.startsWith("/api/projects")) return json(200, { items: picked, total: picked.length });
    return json(200, { items: [] });
  });
}

const urls = (api: ReturnType<typeof fakeApi>) => api.mock.calls.map(([url]) => url);

function Probe({ use, seen }: { use: () => ProjectsWithLotsView; seen: ProjectsWithLotsView[] }) {
  seen.push(use());
  return null;
}

let api: ReturnType<typeof fakeApi>;

beforeEach(() => {
  resetAppStore();
  api = fakeApi();
  vi.stubGlobal("fetch", api);
  useAppStore.getState().setSession(signedIn({ username: "planner", role: "planner" }));
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("the map's data and the projects with lots", () => {
  it("loads the summaries for the map, not the lots", async () => {
    await loadMapData();
    expect(urls(api)).toContain("/api/map/projects");
    expect(urls(api).some((url) => url.startsWith("/api/projects"))).toBe(false);
    const { data } = useAppStore.getState();
    expect(data.projects.map((p) => [p.id, p.surplusTonnes, p.demandTonnes, p.lotCount])).toEqual([
      ["P1", 700, 0, 1],
      ["P2", 0, 300, 1],
    ]);
    expect(data.withLots.status).toBe("idle");
  });

  it("fetches the lots once for every view that needs them, and not for a closed one", async () => {
    const seen: ProjectsWithLotsView[] = [];
    const { rerender } = render(<Probe use={() => useProjectsWithLots(false)} seen={seen} />);
    expect(urls(api)).toEqual([]);
    rerender(
      <>
        <Probe use={() => useProjectsWithLots()} seen={seen} />
        <Probe use={() => useProjectsWithLots()} seen={seen} />
      </>,
    );
    await waitFor(() => expect(seen.at(-1)!.status).toBe("ready"));
    expect(urls(api)).toEqual(["/api/projects"]);
    expect(seen.at(-1)!.projects.flatMap((p) => p.lots.map((l) => l.id))).toEqual(["L1", "L2"]);
  });

  it("refetches the lots after a write only once a view has asked for them", async () => {
    await reloadProjects();
    expect(urls(api)).toEqual(["/api/map/projects"]);
    render(<Probe use={() => useProjectsWithLots()} seen={[]} />);
    await waitFor(() => expect(useAppStore.getState().data.withLots.status).toBe("ready"));
    api.mockClear();
    await reloadProjects();
    expect(urls(api).sort()).toEqual(["/api/map/projects", "/api/projects"]);
  });

  it("forgets the lots on a new load of the map's data, and an open view fetches them again", async () => {
    render(<Probe use={() => useProjectsWithLots()} seen={[]} />);
    await waitFor(() => expect(useAppStore.getState().data.withLots.status).toBe("ready"));
    api.mockClear();
    await loadMapData();
    await waitFor(() => expect(urls(api)).toContain("/api/projects"));
    await waitFor(() => expect(useAppStore.getState().data.withLots.status).toBe("ready"));
  });

  it("gives the filtered projects with their lots while a filter is answered", async () => {
    const { setFiltered } = useAppStore.getState();
    const seen: ProjectsWithLotsView[] = [];
    setFiltered({ status: "ready", query: "?q=b%C3%B8dalen", projects: [summariseProject(full[1]!)], failure: null });
    render(<Probe use={() => useShownProjectsWithLots()} seen={seen} />);
    expect(seen.at(-1)!.status).toBe("loading");
    await waitFor(() => expect(seen.at(-1)!.status).toBe("ready"));
    expect(urls(api)).toEqual(["/api/projects?q=b%C3%B8dalen"]);
    expect(seen.at(-1)!.projects.map((p) => p.id)).toEqual(["P2"]);
  });

  it("asks for nothing when signed out", () => {
    useAppStore.getState().setSession({ status: "signedOut", notice: null });
    render(<Probe use={() => useProjectsWithLots()} seen={[]} />);
    expect(urls(api)).toEqual([]);
  });
});
