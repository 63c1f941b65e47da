/**
 * "Run matching" in a real browser (issue 4): a planner runs matching on the demo data in the
 * browser's Web Worker; the key figures appear beside the baseline, the map stays responsive
 * while the worker solves, and the flows are drawn on the map.
 */
import { tmpdir } from "node:os";
import path from "node:path";
import type { Map as MapLibreMap } from "maplibre-gl";
import { type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { materials } from "../../src/core/domain/materials";
import { startTestServer, type TestServer } from "../support/server";
import { launchBrowser, type LaunchedBrowser } from "../support/browser";


declare global {
  interface Window {
    __massekartMap?: MapLibreMap;
    __moves?: number;
  }
}

describe("run matching in the browser", () => {
  let server: TestServer;
  let context: BrowserContext;
  let browser: LaunchedBrowser | undefined;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startTestServer("pglite");
    browser = await launchBrowser(inject("chromiumPath"));
    context = browser.context;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function signIn(username: string, lang = "en"): Promise<Page> {
    await context.clearCookies();
    const page = await context.newPage();
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await page.goto(`${server.url}/?lang=${lang}`);
    await page.getByLabel(lang === "en" ? "Username" : "Brukernavn").fill(username);
    await page.getByLabel(lang === "en" ? "Password" : "Passord").fill("demo");
    await page.getByRole("button", { name: lang === "en" ? "Log in" : "Logg inn" }).click();
    await page.waitForSelector("body[data-map-ready='true']", { timeout: 60_000 });
    return page;
  }

  it("shows KPIs beside the baseline and flows on the map, and the map stays pannable while solving", async () => {
    const page = await signIn("planner");
    // Count map moves from now on, to see the map answer while the worker solves.
    await page.evaluate(() => {
      window.__moves = 0;
      window.__massekartMap!.on("move", () => (window.__moves = (window.__moves ?? 0) + 1));
    });
    const started = Date.now();
    await page.getByRole("button", { name: "Run matching" }).click();
    // Pan while the run is under way (the button is busy until the result is in).
    const panned = page.evaluate(
      () =>
        new Promise<boolean>((resolve) => {
          const map = window.__massekartMap!;
          map.once("moveend", () => resolve(true));
          map.panBy([60, 30], { duration: 200 });
        }),
    );
    expect(await panned).toBe(true);
    expect(await page.evaluate(() => window.__moves ?? 0)).toBeGreaterThan(0);

    const results = page.getByRole("complementary", { name: /Matching/ });
    const kpis = results.getByRole("list", { name: "Key figures" });
    await kpis.waitFor({ timeout: 60_000 });
    const seconds = (Date.now() - started) / 1000;
    // The target is 2 s on the demo data (about 2.5–4 s here incl. loading the data and
    // the solver); a 2-core machine shared with other test runs can be much slower, so only log it.
    console.log(`run matching: KPIs after ${seconds.toFixed(1)} s`);

    const card = (key: string) => kpis.locator(`[data-kpi="${key}"]`);
    const reuse = (await card("reuseRate").textContent()) ?? "";
    expect(reuse).toMatch(/^Reuse rate[\d.,]+\u00a0%No exchange: [\d.,]+\u00a0%Saving: -?[\d.,]+\u00a0pp$/);
    const tonneKm = (await card("tonneKm").textContent()) ?? "";
    expect(tonneKm).toMatch(/^Tonne-km[\d,]+\u00a0tkmNo exchange: [\d,]+\u00a0tkmSaving: -?[\d,]+\u00a0tkm$/);
    const plan = Number(/^Tonne-km([\d,]+)/.exec(tonneKm)![1]!.replace(/,/g, ""));
    expect(plan).toBeGreaterThan(0);
    expect(await results.getByText(/Optimal plan|could not be placed/).count()).toBe(1);

    // Flows drawn on the map (after the key figures), with widths and colours from the spec builders.
    await expect
      .poll(() => page.evaluate(() => (window.__massekartMap!.getLayer("flows-line") ? window.__massekartMap!.queryRenderedFeatures({ layers: ["flows-line"] }).length : 0)), { timeout: 15_000 })
      .toBeGreaterThan(0);
    const feature = await page.evaluate(() => {
      const f = window.__massekartMap!.queryRenderedFeatures({ layers: ["flows-line"] })[0]!;
      return { material: f.properties.material as string, tonnes: f.properties.tonnes as number };
    });
    expect(feature.tonnes).toBeGreaterThan(0);
    expect(materials as readonly string[]).toContain(feature.material);

    // A month on the slider shows that month's flows only; a flow picked in the table is highlighted.
    const slider = results.getByRole("slider", { name: "Month on the map" });
    await slider.focus();
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => slider.getAttribute("aria-valuetext"), { timeout: 10_000 }).toMatch(/^\d{4}-\d{2}$/);
    await page.keyboard.press("Home");
    const firstRow = results.getByRole("table", { name: /^Flows of the plan/ }).getByRole("row").nth(1);
    await firstRow.getByRole("button").click();
    await expect
      .poll(() => page.evaluate(() => window.__massekartMap!.queryRenderedFeatures({ layers: ["flows-selected"] }).length), { timeout: 15_000 })
      .toBeGreaterThan(0);

    await page.screenshot({ path: path.join(tmpdir(), "massekart-matching.png") });
    expect(pageErrors).toEqual([]);
    await page.close();
  }, 120_000);

  it("is offered to a viewer too, in Norwegian", async () => {
    const page = await signIn("viewer", "nb");
    await page.getByRole("button", { name: "Kjør matching" }).click();
    const kpis = page.getByRole("list", { name: "Nøkkeltall" });
    await kpis.waitFor({ timeout: 60_000 });
    expect(await kpis.locator('[data-kpi="tonneKm"]').textContent()).toMatch(/^Tonnkilometer[\d\u00a0]+\u00a0tkm/);
    expect(pageErrors).toEqual([]);
    await page.close();
  }, 90_000);
});
