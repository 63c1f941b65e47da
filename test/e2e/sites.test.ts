import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Map as MapLibreMap } from "maplibre-gl";
import { type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startTestServer, type TestServer } from "../support/server";
import { launchBrowser, type LaunchedBrowser } from "../support/browser";


declare global {
  interface Window {
    __massekartMap?: MapLibreMap;
  }
}

const screenshots = process.env.UPDATE_SCREENSHOTS === "1";
const shot = (page: Page, name: string) => (screenshots ? page.screenshot({ path: path.join(tmpdir(), `massekart-sites-${name}.png`) }) : Promise.resolve());

describe("sites in a real browser: drawing, the suitability card, the zoning import", () => {
  let server: TestServer;
  let context: BrowserContext;
  let browser: LaunchedBrowser | undefined;
  const consoleErrors: string[] = [];

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
    // Each test reads only its own page's errors (a page left open by a failed test answers 401s later).
    consoleErrors.length = 0;
    for (const open of context.pages()) await open.close();
    await context.clearCookies();
    const page = await context.newPage();
    page.on("console", (message) => {
      if (message.type() === "error") consoleErrors.push(message.text());
    });
    page.on("pageerror", (error) => consoleErrors.push(error.message));
    page.on("response", (response) => {
      if (response.status() >= 400) consoleErrors.push(`${response.status()} ${response.request().method()} ${response.url()}`);
    });
    await page.goto(`${server.url}/?lang=${lang}`);
    await page.getByLabel(lang === "en" ? "Username" : "Brukernavn").fill(username);
    await page.getByLabel(lang === "en" ? "Password" : "Passord").fill("demo");
    await page.getByRole("button", { name: lang === "en" ? "Log in" : "Logg inn" }).click();
    await page.waitForSelector("body[data-map-ready='true']", { timeout: 60_000 });
    // A browser that signed in before asks /api/me first, and Chromium logs its 401: not an error of the site tools.
    consoleErrors.length = 0;
    return page;
  }

  it("lets a planner draw a site with four clicks and a double-click, save it, and read its suitability card", async () => {
    const page = await signIn("planner");
    // Land in Asker (between Vollen and Asker centre), close enough that the corners are far apart in pixels.
    await page.evaluate(() => window.__massekartMap!.jumpTo({ center: [10.455, 59.81], zoom: 14 }));
    await page.getByRole("button", { name: "Sites", exact: true }).click();
    await page.getByRole("button", { name: "Draw site" }).click();
    await expect.poll(() => page.locator(".drawing-hint").textContent(), { timeout: 15_000 }).toContain("Double-click or press Enter to finish");
    await page.waitForSelector(".maplibregl-canvas[data-drawing='draw']");

    const box = (await page.locator(".maplibregl-canvas").boundingBox())!;
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    const corners: [number, number][] = [
      [cx - 90, cy - 70],
      [cx + 90, cy - 70],
      [cx + 90, cy + 70],
      [cx - 90, cy + 70],
    ];
    for (const [x, y] of corners.slice(0, 3)) {
      await page.mouse.move(x, y);
      await page.mouse.click(x, y);
      await page.waitForTimeout(150);
    }
    const [lastX, lastY] = corners[3]!;
    await page.mouse.move(lastX, lastY);
    await page.mouse.dblclick(lastX, lastY);

    const form = page.getByRole("form", { name: "Site form" });
    await form.waitFor();
    await expect.poll(() => form.textContent()).toMatch(/Drawn, [\d,]+\u00a0m²/);
    await shot(page, "form");
    await form.getByLabel("Name").fill("Testlager Vollen");
    await form.getByLabel("Stack height (m)").fill("4");
    await form.getByLabel("Usable share of the area (%)").fill("70");
    await form.getByRole("checkbox", { name: "Rock", exact: true }).check();
    await form.getByLabel("Worst contamination class").selectOption("2");
    await form.getByRole("button", { name: "Save" }).click();

    const details = page.getByRole("complementary", { name: "Details" });
    await expect.poll(() => details.textContent(), { timeout: 20_000 }).toContain("Testlager Vollen");
    await expect.poll(() => details.textContent(), { timeout: 20_000 }).toMatch(/Suitability\s*(Suitable|Conditional|Unsuitable)/);
    const text = (await details.textContent()) ?? "";
    expect(text).toMatch(/Area[\d,]+\u00a0m²/);
    expect(text).toMatch(/Capacity[\d,]+\u00a0t \([\d,]+\u00a0m³\)/);
    expect(text).toContain("Nearest road");
    await expect.poll(() => details.getByRole("button", { name: "Print site card" }).isEnabled()).toBe(true);
    await shot(page, "card");

    // Printing shows the card and hides the rest of the page.
    await page.evaluate(() => document.body.classList.add("printing-site-card"));
    await page.emulateMedia({ media: "print" });
    expect(await page.getByRole("button", { name: "Sites", exact: true }).isVisible()).toBe(false);
    expect(await details.getByRole("heading", { name: "Testlager Vollen" }).isVisible()).toBe(true);
    expect(await details.getByRole("button", { name: "Print site card" }).isVisible()).toBe(false);
    await shot(page, "print");
    await page.emulateMedia({ media: "screen" });
    await page.evaluate(() => document.body.classList.remove("printing-site-card"));

    // The site is on the map as a storage site.
    const rendered = await page.evaluate(
      () => window.__massekartMap!.queryRenderedFeatures({ layers: ["storage-fill"] }).filter((f) => f.properties.name === "Testlager Vollen").length,
    );
    expect(rendered).toBeGreaterThan(0);

    // The ranking lists it; a row's button selects it.
    await page.getByRole("button", { name: "Ranking" }).click();
    const ranking = page.getByRole("dialog", { name: "Ranking of sites" });
    await ranking.getByRole("button", { name: "Show Testlager Vollen on the map" }).waitFor({ timeout: 20_000 });
    await ranking.getByRole("button", { name: "Sort by Capacity" }).click();
    await shot(page, "ranking");
    await ranking.getByRole("button", { name: "Show Testlager Vollen on the map" }).click();
    await expect.poll(() => ranking.count()).toBe(0);

    // Edit: redraw the outline with three corners and Enter, and save a new version.
    await details.getByRole("button", { name: "Edit" }).click();
    const editForm = page.getByRole("form", { name: "Site form" });
    const areaBefore = (await editForm.textContent())!.match(/Drawn, ([\d,]+)/)![1];
    await editForm.getByRole("button", { name: "Redraw outline" }).click();
    await page.waitForSelector(".maplibregl-canvas[data-drawing='draw']");
    // Between the Sites panel on the left and the form on the right.
    const redraw: [number, number][] = [
      [box.x + 400, cy - 70],
      [box.x + 560, cy - 70],
      [box.x + 560, cy + 70],
    ];
    for (const [x, y] of redraw) {
      await page.mouse.move(x, y);
      await page.mouse.click(x, y);
      await page.waitForTimeout(150);
    }
    await page.keyboard.press("Enter");
    await expect.poll(async () => (await editForm.textContent())!.match(/Drawn, ([\d,]+)/)?.[1]).not.toBe(areaBefore);
    await editForm.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => details.textContent(), { timeout: 20_000 }).toMatch(/Suitability\s*(Suitable|Conditional|Unsuitable)/);
    const version = await page.evaluate(async () => {
      const response = await fetch("/api/sites");
      const body = (await response.json()) as { items: { name: string; version: number }[] };
      return body.items.find((site) => site.name === "Testlager Vollen")?.version;
    });
    expect(version).toBe(2);

    expect(consoleErrors).toEqual([]);
    await page.close();
  }, 120_000);

  it("shows a viewer the sites and the ranking but no drawing or import controls", async () => {
    const page = await signIn("viewer");
    await page.getByRole("button", { name: "Sites", exact: true }).click();
    await page.getByRole("button", { name: "Ranking" }).waitFor();
    expect(await page.getByRole("button", { name: "Draw site" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Import zoning" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Import road network" }).count()).toBe(0);

    // Viewers see the cards, in Norwegian too.
    await page.goto(`${server.url}/?lang=nb`);
    await page.waitForSelector("body[data-map-ready='true']", { timeout: 60_000 });
    await page.getByRole("button", { name: "Lokaliteter", exact: true }).click();
    await page.getByRole("button", { name: /Lahell mellomlager/ }).click();
    const details = page.getByRole("complementary", { name: "Detaljer" });
    await expect.poll(() => details.textContent(), { timeout: 20_000 }).toMatch(/Egnethet\s*(Egnet|Betinget egnet|Uegnet)/);
    expect(await details.textContent()).toMatch(/Areal[\d\u00a0]+\u00a0m²/);
    expect(await details.getByRole("button", { name: "Rediger" }).count()).toBe(0);
    await details.getByRole("button", { name: "Skriv ut lokalitetskort" }).waitFor();
    await details.getByRole("heading", { name: /Egnethet/ }).scrollIntoViewIfNeeded();
    await shot(page, "viewer-nb");
    await page.close();
  });

  it("imports a SOSI plan with bad objects: lists the skipped ones first, then imports the valid ones", async () => {
    const page = await signIn("planner");
    await page.getByRole("button", { name: "Sites", exact: true }).click();
    await page.getByRole("button", { name: "Import zoning" }).click();
    const dialog = page.getByRole("dialog", { name: /^Import zoning plan \(SOSI, GML, GeoJSON/ });
    await dialog.getByLabel("Plan file").setInputFiles(path.resolve("test/fixtures/sosi/plan-feil-og-buer.sos"));
    await expect.poll(() => dialog.textContent(), { timeout: 20_000 }).toMatch(/\d+ objects cannot be imported/);
    expect(await dialog.getByLabel("Format").inputValue()).toBe("sosi");
    const skippedRows = await dialog.getByRole("table", { name: "Objects that will be skipped, with the reason" }).getByRole("row").count();
    expect(skippedRows).toBeGreaterThan(1);
    expect(await dialog.textContent()).toMatch(/\.FLATE \d+/);
    await shot(page, "zoning-preview");
    await dialog.getByRole("button", { name: "Import valid objects only" }).click();
    await expect.poll(() => dialog.textContent(), { timeout: 20_000 }).toMatch(/\d+ land-use areas imported/);
    expect(consoleErrors).toEqual([]);
    await page.close();
  }, 90_000);

  it("shows the road network in use with its summary, imports one, draws it, and goes back to the shipped one", async () => {
    const page = await signIn("planner");
    await page.getByRole("button", { name: "Sites", exact: true }).click();
    await page.getByRole("button", { name: "Import road network" }).click();
    const dialog = page.getByRole("dialog", { name: "Road network for haul distances" });
    await expect.poll(() => dialog.textContent(), { timeout: 20_000 }).toContain("Shipped:");
    expect(await dialog.textContent()).toMatch(/Total length[\d,.]+\u00a0km/);

    const network = {
      type: "FeatureCollection",
      features: [
        { type: "Feature", properties: {}, geometry: { type: "LineString", coordinates: [[10.43, 59.83], [10.45, 59.83], [10.47, 59.84]] } },
        { type: "Feature", properties: {}, geometry: { type: "LineString", coordinates: [[10.47, 59.84], [10.48, 59.86]] } },
      ],
    };
    const dir = mkdtempSync(path.join(tmpdir(), "massekart-roads-"));
    const file = path.join(dir, "veier.geojson");
    writeFileSync(file, JSON.stringify(network));
    await dialog.getByLabel(/^File of road lines/).setInputFiles(file);
    await dialog.getByLabel("Coordinate system").selectOption("EPSG:4326");
    await dialog.getByLabel("Name", { exact: true }).fill("Testveier");
    await dialog.getByRole("button", { name: "Import road network" }).click();
    await expect.poll(() => dialog.textContent(), { timeout: 20_000 }).toContain("The road network “Testveier” is now in use.");
    await expect.poll(() => dialog.textContent()).toMatch(/Imported: Testveier.*Edges2Nodes3Connected components1/s);
    expect(await dialog.getByRole("checkbox", { name: "Show the road network in use on the map" }).isChecked()).toBe(true);
    await expect.poll(() => page.evaluate(() => window.__massekartMap!.getLayer("road-network-line") !== undefined)).toBe(true);
    await shot(page, "road-network");

    await dialog.getByRole("button", { name: "Use the shipped network" }).click();
    await expect.poll(() => dialog.textContent(), { timeout: 20_000 }).toContain("The shipped road network is in use again.");
    await expect.poll(() => dialog.textContent()).toContain("Shipped:");
    await dialog.getByRole("button", { name: "Close" }).click();
    // The shipped network is drawn over the basemap roads.
    await expect
      .poll(() => page.evaluate(() => window.__massekartMap!.queryRenderedFeatures({ layers: ["road-network-line"] }).length), { timeout: 20_000 })
      .toBeGreaterThan(10);
    await shot(page, "road-network-layer");
    rmSync(dir, { recursive: true, force: true });
    expect(consoleErrors).toEqual([]);
    await page.close();
  }, 90_000);
});
