import { readFileSync } from "node:fs";
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

describe("the map in a real browser", () => {
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
    await context.clearCookies();
    const page = await context.newPage();
    page.on("console", (message) => {
      if (message.type() === "error") consoleErrors.push(message.text());
    });
    page.on("pageerror", (error) => consoleErrors.push(error.message));
    await page.goto(`${server.url}/?lang=${lang}`);
    await page.getByLabel(lang === "en" ? "Username" : "Brukernavn").fill(username);
    await page.getByLabel(lang === "en" ? "Password" : "Passord").fill("demo");
    await page.getByRole("button", { name: lang === "en" ? "Log in" : "Logg inn" }).click();
    await page.waitForSelector("body[data-map-ready='true']", { timeout: 60_000 });
    return page;
  }

  /** Counts canvas pixels near a colour: what a person would see, not just that a canvas exists. */
  const countPixels = (page: Page, rgb: [number, number, number], tolerance = 40) =>
    page.evaluate(
      ([r, g, b, tol]) => {
        const canvas = window.__massekartMap!.getCanvas();
        const copy = document.createElement("canvas");
        copy.width = canvas.width;
        copy.height = canvas.height;
        const ctx = copy.getContext("2d")!;
        ctx.drawImage(canvas, 0, 0);
        const { data } = ctx.getImageData(0, 0, copy.width, copy.height);
        let n = 0;
        for (let i = 0; i < data.length; i += 4) {
          if (Math.abs(data[i]! - r!) + Math.abs(data[i + 1]! - g!) + Math.abs(data[i + 2]! - b!) < tol!) n += 1;
        }
        return n;
      },
      [...rgb, tolerance],
    );

  const boundaryColour: [number, number, number] = [0xb3, 0x26, 0x1e];
  const renderedBoundary = (page: Page) =>
    page.evaluate(() => window.__massekartMap!.queryRenderedFeatures({ layers: ["asker-boundary-line"] }).length);
  const idle = (page: Page) =>
    page.evaluate(() => new Promise<void>((resolve) => {
      const map = window.__massekartMap!;
      map.once("idle", () => resolve());
      map.triggerRepaint();
    }));

  it("signs in as planner and renders the Asker boundary, and toggles the layer off and on", async () => {
    const page = await signIn("planner");
    expect(await renderedBoundary(page)).toBeGreaterThan(0);
    const redBefore = await countPixels(page, boundaryColour);
    expect(redBefore).toBeGreaterThan(500);

    await page.getByRole("button", { name: "Layers" }).click();
    const toggle = page.getByRole("checkbox", { name: "Asker boundary" });
    await toggle.uncheck();
    await idle(page);
    expect(await renderedBoundary(page)).toBe(0);
    expect(await countPixels(page, boundaryColour)).toBeLessThan(redBefore / 10);

    await toggle.check();
    await idle(page);
    expect(await renderedBoundary(page)).toBeGreaterThan(0);
    expect(await countPixels(page, boundaryColour)).toBeGreaterThan(redBefore / 2);

    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it("shows the demo projects, sites and zoning as rendered features and opens a project's details on click", async () => {
    const page = await signIn("planner");
    const counts = await page.evaluate(() => {
      const map = window.__massekartMap!;
      const sourceCount = (prefix: string) =>
        map.queryRenderedFeatures().filter((f) => f.layer.id.startsWith(prefix)).length;
      return { projects: sourceCount("projects"), storage: sourceCount("storage"), zoning: sourceCount("zoning") };
    });
    expect(counts.projects).toBeGreaterThan(10);
    expect(counts.storage).toBeGreaterThan(0);
    expect(counts.zoning).toBeGreaterThan(0);

    const target = await page.evaluate(() => {
      const map = window.__massekartMap!;
      const feature = map.queryRenderedFeatures().find((f) => f.layer.id.startsWith("projects") && f.geometry.type === "Point");
      if (!feature || feature.geometry.type !== "Point") return undefined;
      const point = map.project(feature.geometry.coordinates as [number, number]);
      return { x: point.x, y: point.y, name: String(feature.properties.name) };
    });
    expect(target).toBeDefined();
    const canvasBox = await page.locator(".maplibregl-canvas").boundingBox();
    await page.mouse.click(canvasBox!.x + target!.x, canvasBox!.y + target!.y);
    const details = page.getByRole("complementary", { name: "Details" });
    await expect.poll(() => details.textContent()).toContain(target!.name);
    if (process.env.UPDATE_SCREENSHOTS === "1") {
      // The README's picture: the layer panel with its legend and a project's details.
      await page.getByRole("button", { name: "Layers" }).click();
      await idle(page);
      await page.screenshot({ path: path.join(import.meta.dirname, "../../docs/screenshot-map.png") });
    }
    await page.keyboard.press("Escape");
    await expect.poll(() => details.count()).toBe(0);
    await page.close();
  });

  it("starts on the projects' summaries and fetches lots only for the views that list them", async () => {
    const paths: string[] = [];
    const record = (request: { url(): string }) => {
      const url = new URL(request.url());
      if (url.pathname.startsWith("/api/") && url.pathname.includes("projects")) paths.push(url.pathname + url.search);
    };
    context.on("request", record);
    try {
      const page = await signIn("planner");
      await expect.poll(() => page.locator(".projects-count").textContent()).toMatch(/^\d+ projects$/);
      expect(paths).toContain("/api/map/projects");
      expect(paths.filter((p) => p.startsWith("/api/projects"))).toEqual([]);

      // The details fetch the one project, whole, with its lots.
      await page.getByRole("button", { name: "Projects", exact: true }).click();
      const first = page.locator(".project-item-button").first();
      const name = (await first.locator(".project-item-name").textContent())!;
      await first.click();
      const details = page.getByRole("complementary", { name: "Details" });
      await details.getByRole("table", { name: `Mass lots of ${name}` }).waitFor();
      expect(paths.filter((p) => /^\/api\/projects\/[^/]+$/.test(p)), paths.join(" ")).toHaveLength(1);
      expect(paths).not.toContain("/api/projects");
      await page.keyboard.press("Escape");

      // The balance needs every lot: opening it fetches them, once.
      await page.getByRole("button", { name: "Mass balance", exact: true }).click();
      await expect.poll(() => page.locator(".balance-panel tbody tr").count()).toBeGreaterThan(0);
      expect(paths.filter((p) => p === "/api/projects"), paths.join(" ")).toHaveLength(1);
      await page.close();
    } finally {
      context.off("request", record);
    }
  });

  it("draws imported hazard zones as their own layer, opens a zone's details on click, and toggles the layer", async () => {
    const page = await signIn("planner");
    const nve = readFileSync(new URL("../fixtures/zoning/nve-kvikkleire-flom-syntetisk.geojson", import.meta.url), "utf8");
    const status = await page.evaluate(async (body) => {
      const response = await fetch("/api/zoning/import?format=geojson&skipInvalid=true&fileName=nve.geojson", { method: "POST", body });
      return response.status;
    }, nve);
    expect(status).toBe(201);
    await page.reload();
    await page.waitForSelector("body[data-map-ready='true']", { timeout: 60_000 });
    // The quick-clay zone: 0–200 m east, 0–100 m north of 10.43° E, 59.80° N; look at its middle.
    const centre: [number, number] = [10.43 + 100 / 56_000, 59.8 + 50 / 110_574];
    await page.evaluate((c) => window.__massekartMap!.jumpTo({ center: c, zoom: 16 }), centre);
    await idle(page);
    const rendered = () => page.evaluate(() => window.__massekartMap!.queryRenderedFeatures({ layers: ["hazard-zones-fill"] }).length);
    expect(await rendered()).toBeGreaterThan(0);
    const point = await page.evaluate((c) => window.__massekartMap!.project(c), centre);
    const canvasBox = await page.locator(".maplibregl-canvas").boundingBox();
    await page.mouse.click(canvasBox!.x + point.x, canvasBox!.y + point.y);
    const details = page.getByRole("complementary", { name: "Details" });
    await expect.poll(() => details.textContent()).toContain("Quick clay");
    expect(await details.textContent()).toContain("KvikkleireFaresone");
    await page.keyboard.press("Escape");

    await page.getByRole("button", { name: "Layers" }).click();
    const toggle = page.getByRole("checkbox", { name: "Hazard and protection zones" });
    await toggle.uncheck();
    await idle(page);
    expect(await rendered()).toBe(0);
    await toggle.check();
    await idle(page);
    expect(await rendered()).toBeGreaterThan(0);
    await page.close();
  }, 120_000);

  it("switches the language from English to Norwegian and back", async () => {
    const page = await signIn("planner");
    expect(await page.getByRole("button", { name: "Log out" }).count()).toBe(1);
    await page.getByRole("button", { name: "Language" }).click();
    await page.getByRole("menuitemradio", { name: "Norsk (bokmål)" }).click();
    await expect.poll(() => page.getByRole("button", { name: "Logg ut" }).count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("nb");
    await page.getByRole("button", { name: "Språk" }).click();
    await page.getByRole("menuitemradio", { name: "English" }).click();
    await expect.poll(() => page.getByRole("button", { name: "Log out" }).count()).toBe(1);
    await page.close();
  });

  it("opens in Norwegian by default", async () => {
    const page = await context.newPage();
    await context.clearCookies();
    await page.goto(server.url);
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    // The sign-in form renders once the app has asked who is signed in, after the load event.
    await expect.poll(() => page.getByRole("button", { name: "Logg inn" }).count(), { timeout: 30_000 }).toBe(1);
    await page.close();
  });

  it("refuses a viewer's write on the server", async () => {
    const page = await signIn("viewer");
    const status = await page.evaluate(async () => {
      const response = await fetch("/api/projects", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name: "Not allowed", status: "planned", location: { type: "Point", coordinates: [10.4, 59.8] } }),
      });
      return response.status;
    });
    expect(status).toBe(403);
    await page.close();
  });
});
