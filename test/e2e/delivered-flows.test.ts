/**
 * Delivered flows beside the planned ones (issue 16 item 2): a planner runs matching on the demo
 * data at 1440 × 900, loads are registered over the API along one planned route and one other,
 * and "Vis leverte lass" in the results panel draws them dashed beside the plan, with a legend
 * entry and a popup naming the route, the tonnes and the loads; the layer follows the result's
 * month. A viewer switches the same layer on from the layer panel, and nothing breaks.
 */
import { tmpdir } from "node:os";
import path from "node:path";
import type { FeatureCollection, LineString } from "geojson";
import type { GeoJSONSource } from "maplibre-gl";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Project, Site } from "../../src/core/domain/records";
import type { LoadEndpoint } from "../../src/core/loads/load";
import { launchBrowser, signIn, type LaunchedBrowser } from "../support/browser";
import { apiClient, expectJson, startTestServer, type ApiClient, type TestServer } from "../support/server";

/** Where the screenshot goes: MASSEKART_SCREENSHOTS, or the temporary folder. */
const screenshotPath = (name: string) => path.join(process.env.MASSEKART_SCREENSHOTS ?? tmpdir(), `${name}.png`);

/** The delivered lines the map's source holds: their ends, tonnes, loads and end points. */
const deliveredOnMap = (page: Page) =>
  page.evaluate(async () => {
    const source = window.__massekartMap!.getSource("delivered-flows") as GeoJSONSource | undefined;
    if (!source) return [];
    const data = (await source.getData()) as FeatureCollection<LineString>;
    return data.features.map((f) => ({
      from: String(f.properties!.from),
      to: String(f.properties!.to),
      tonnes: Number(f.properties!.tonnes),
      loads: Number(f.properties!.loads),
      ends: [f.geometry.coordinates[0]!, f.geometry.coordinates[f.geometry.coordinates.length - 1]!] as [number, number][],
    }));
  });

/** A point on the screen where the delivered line from → to is rendered (it is drawn offset beside its route). */
async function pointOnDeliveredLine(page: Page, from: string, to: string) {
  const line = (await deliveredOnMap(page)).find((f) => f.from === from && f.to === to);
  if (!line) return null;
  return page.evaluate(
    ({ from, to, ends }) => {
      const map = window.__massekartMap!;
      const a = map.project(ends[0]!);
      const b = map.project(ends[1]!);
      const length = Math.hypot(b.x - a.x, b.y - a.y);
      // The right-hand side of the direction of travel, in screen pixels (y down).
      const normal = { x: -(b.y - a.y) / length, y: (b.x - a.x) / length };
      const canvas = map.getCanvas().getBoundingClientRect();
      for (const along of [0.5, 0.4, 0.6, 0.3, 0.7]) {
        for (let offset = 2; offset <= 16; offset += 1) {
          const x = a.x + (b.x - a.x) * along + normal.x * offset;
          const y = a.y + (b.y - a.y) * along + normal.y * offset;
          const hits = map.queryRenderedFeatures([x, y], { layers: ["delivered-flows-line"] });
          if (hits.some((f) => f.properties.from === from && f.properties.to === to)) return { x: x + canvas.left, y: y + canvas.top };
        }
      }
      return null;
    },
    { from, to, ends: line.ends },
  );
}

/** Features drawn in `layer`, 0 while the layer is not there yet (the flows follow the key figures). */
const renderedOn = (page: Page, layer: string) =>
  page.evaluate((id) => {
    const map = window.__massekartMap!;
    return map.getLayer(id) ? map.queryRenderedFeatures({ layers: [id] }).length : 0;
  }, layer);

describe("delivered flows on the map", () => {
  let server: TestServer;
  let browser: LaunchedBrowser | undefined;
  let planner: ApiClient;
  let projects: Project[];
  let sites: Site[];
  const errors: string[] = [];

  beforeAll(async () => {
    server = await startTestServer("pglite");
    planner = apiClient(server.url);
    await expectJson(await planner.login("planner"), 200);
    projects = (await expectJson<{ items: Project[] }>(await planner.request("GET", "/api/projects"), 200)).items;
    sites = (await expectJson<{ items: Site[] }>(await planner.request("GET", "/api/sites"), 200)).items;
    browser = await launchBrowser(inject("chromiumPath"), { width: 1440, height: 900 });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const lotById = (id: string) => projects.flatMap((p) => p.lots.map((lot) => ({ lot, project: p }))).find((entry) => entry.lot.id === id);
  const endpoint = (id: string): LoadEndpoint => (lotById(id) ? { lotId: id } : { siteId: id });
  /** Records loads from → to over the API, in the first month of the lot at either end. */
  async function record(from: string, to: string, tonnes: readonly number[], ticketPrefix: string) {
    const lot = (lotById(from) ?? lotById(to))!.lot;
    for (const [i, value] of tonnes.entries()) {
      const time = `${lot.window.from}-${String(10 + i).padStart(2, "0")}T08:00:00+01:00`;
      await expectJson(await planner.request("POST", "/api/loads", { time, from: endpoint(from), to: endpoint(to), quantity: { value, unit: "tonnes" }, ticket: `${ticketPrefix}-${i}` }), 201);
    }
    return lot.window.from;
  }

  it("draws delivered loads dashed beside the planned flows, with a legend and a popup, at 1440 × 900", async () => {
    const page = await signIn(browser!.context, server.url, "planner", "nb", errors);
    await page.getByRole("button", { name: "Kjør matching" }).click();
    const results = page.getByRole("complementary", { name: /Matching/ });
    await results.getByRole("list", { name: "Nøkkeltall" }).waitFor({ timeout: 90_000 });
    await expect.poll(() => renderedOn(page, "flows-line"), { timeout: 20_000 }).toBeGreaterThan(0);

    // The heaviest planned route out of a lot to a site: loads are delivered along it.
    const planned = await page.evaluate(() =>
      window
        .__massekartMap!.querySourceFeatures("flows")
        .map((f) => ({ from: String(f.properties.from), to: String(f.properties.to), tonnes: Number(f.properties.tonnes) }))
        .sort((a, b) => b.tonnes - a.tonnes),
    );
    const siteIds = new Set(sites.map((s) => s.id));
    const route = planned.find((f) => lotById(f.from) && siteIds.has(f.to))!;
    expect(route).toBeTruthy();
    const month = await record(route.from, route.to, [18.5, 17.25, 20], "E2E-A");
    // And one route the plan does not have: another lot straight to another site.
    const otherSite = sites.find((s) => s.id !== route.to && s.kind !== "quarry")!;
    const otherLot = projects.flatMap((p) => p.lots).find((l) => l.direction === "surplus" && lotById(l.id)!.project.id !== lotById(route.from)!.project.id)!;
    const otherMonth = await record(otherLot.id, otherSite.id, [25], "E2E-B");

    // Off by default; the results panel switches it on beside the planned flows' legend.
    const toggle = results.getByRole("checkbox", { name: "Vis leverte lass" });
    expect(await toggle.isChecked()).toBe(false);
    expect(await page.evaluate(() => window.__massekartMap!.getSource("delivered-flows") === undefined)).toBe(true);
    await toggle.check();
    await expect.poll(() => results.getByRole("status").filter({ hasText: /strekninger/ }).textContent(), { timeout: 20_000 }).toBe("2 strekninger, 4 lass, 80,8\u00a0t");
    expect(await results.getByText("Levert (stiplet)").count()).toBe(1);
    expect(await results.getByText("Planlagt (heltrukket)").count()).toBe(1);

    await expect.poll(async () => (await deliveredOnMap(page)).length, { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
    const onMap = await deliveredOnMap(page);
    expect(onMap.find((f) => f.from === `lot:${route.from}` && f.to === `site:${route.to}`)).toMatchObject({ tonnes: 55.75, loads: 3 });
    expect(onMap.find((f) => f.from === `lot:${otherLot.id}` && f.to === `site:${otherSite.id}`)).toMatchObject({ tonnes: 25, loads: 1 });
    await expect.poll(() => renderedOn(page, "delivered-flows-line"), { timeout: 20_000 }).toBeGreaterThan(0);
    // Drawn in their own style: dashed, and beside the route rather than on it.
    const style = await page.evaluate(() => {
      const map = window.__massekartMap!;
      return { dash: map.getPaintProperty("delivered-flows-line", "line-dasharray"), offset: map.getPaintProperty("delivered-flows-line", "line-offset") !== undefined, plannedDash: map.getPaintProperty("flows-line", "line-dasharray") };
    });
    expect(style).toEqual({ dash: [2, 1.2], offset: true, plannedDash: undefined });

    // Closer in on the route, so the planned and the delivered line read side by side in the screenshot.
    const ends = (await deliveredOnMap(page)).find((f) => f.from === `lot:${route.from}` && f.to === `site:${route.to}`)!.ends;
    await page.evaluate(
      (ends) =>
        new Promise<void>((resolve) => {
          const map = window.__massekartMap!;
          const [[x0, y0], [x1, y1]] = ends as [[number, number], [number, number]];
          map.once("idle", () => resolve());
          map.fitBounds([[Math.min(x0, x1), Math.min(y0, y1)], [Math.max(x0, x1), Math.max(y0, y1)]], { padding: { top: 160, bottom: 80, left: 80, right: 560 }, duration: 0, maxZoom: 13 });
        }),
      ends,
    );

    // The popup over the delivered line names the route, the tonnes with their unit and the loads.
    const point = await pointOnDeliveredLine(page, `lot:${route.from}`, `site:${route.to}`);
    expect(point).not.toBeNull();
    await page.mouse.move(point!.x, point!.y);
    const popup = page.locator(".delivered-popup");
    await expect.poll(() => popup.textContent(), { timeout: 10_000 }).toContain("55,8\u00a0t · 3 lass");
    const site = sites.find((s) => s.id === route.to)!;
    const routeText = (await popup.locator(".delivered-popup-route").textContent()) ?? "";
    expect(routeText.startsWith(lotById(route.from)!.project.name)).toBe(true);
    expect(routeText.endsWith(` → ${site.name}`)).toBe(true);
    await page.screenshot({ path: screenshotPath("massekart-delivered-flows-1440") });
    await page.mouse.move(5, 450);

    // The result's month on the slider: only that month's loads (the other route's month may differ).
    const slider = results.getByRole("slider", { name: "Måned på kartet" });
    const months = Number(await slider.getAttribute("max"));
    expect(months).toBeGreaterThan(1);
    await slider.fill("1");
    await expect.poll(() => slider.getAttribute("aria-valuetext"), { timeout: 10_000 }).toMatch(/^\d{4}-\d{2}$/);
    const first = (await slider.getAttribute("aria-valuetext"))!;
    const monthIndex = (text: string) => Number(text.slice(0, 4)) * 12 + Number(text.slice(5, 7));
    await slider.fill(String(monthIndex(month) - monthIndex(first) + 1));
    await expect.poll(() => slider.getAttribute("aria-valuetext"), { timeout: 10_000 }).toBe(month);
    await expect.poll(() => results.getByText(`Viser ${month}, som måneden i resultatet.`).count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(async () => (await deliveredOnMap(page)).find((f) => f.from === `lot:${route.from}`)?.tonnes, { timeout: 20_000 }).toBe(55.75);
    // The last month of the plan, when it comes after every load: no delivered line.
    await slider.fill(String(months));
    await expect.poll(() => slider.getAttribute("aria-valuetext"), { timeout: 10_000 }).not.toBe(month);
    const last = (await slider.getAttribute("aria-valuetext")) ?? "";
    if (last > otherMonth && last > month) await expect.poll(async () => (await deliveredOnMap(page)).length, { timeout: 20_000 }).toBe(0);
    await slider.fill("0");
    await expect.poll(async () => (await deliveredOnMap(page)).length, { timeout: 20_000 }).toBe(2);
    expect(errors).toEqual([]);
    await page.close();
  }, 240_000);

  it("lets a viewer switch delivered loads on from the layer panel, and nothing breaks", async () => {
    const page = await signIn(browser!.context, server.url, "viewer", "en", errors);
    await page.getByRole("button", { name: "Layers" }).click();
    const toggle = page.getByRole("checkbox", { name: "Delivered loads" });
    expect(await toggle.isChecked()).toBe(false);
    await toggle.check();
    await expect.poll(() => page.getByRole("status").filter({ hasText: /routes/ }).textContent(), { timeout: 20_000 }).toBe("2 routes, 4 loads, 80.8\u00a0t");
    expect(await page.getByText(/^Dashed, beside the plan/).count()).toBe(1);
    await expect.poll(async () => (await deliveredOnMap(page)).length, { timeout: 20_000 }).toBe(2);
    await expect.poll(() => renderedOn(page, "delivered-flows-line"), { timeout: 20_000 }).toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath("massekart-delivered-flows-viewer-1440") });
    await toggle.uncheck();
    await expect.poll(() => page.evaluate(() => window.__massekartMap!.getLayer("delivered-flows-line") === undefined), { timeout: 10_000 }).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);
});
