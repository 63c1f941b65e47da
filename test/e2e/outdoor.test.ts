/**
 * Outdoor materials end to end (issue #8): an engineer logs 600 m of granite kerb from their road
 * project, stored at a site with material area, through the project's "Outdoor materials" table;
 * a planner then opens "Outdoor materials" and sees that site's area need rise in that month by
 * 600 m × the kerb's footprint per metre as the catalogue has it (20 m² by the example).
 */
import path from "node:path";
import { type BrowserContext, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startTestServer, type TestServer } from "../support/server";
import { launchBrowser, type LaunchedBrowser } from "../support/browser";


const projectName = "E2E Slemmestadveien kantstein";
const siteName = "Slemmestad sementfabrikk-tomta";
/** A month inside the demo sites' open window (2027-01 – 2029-12), so the site has its area then. */
const month = "2029-03";
const quantityM = 600;

/** Screenshots for a person to look at, only when asked: OUTDOOR_SCREENSHOTS=/some/dir. */
const snap = async (page: Page, name: string) => {
  const dir = process.env.OUTDOOR_SCREENSHOTS;
  if (dir) await page.screenshot({ path: path.join(dir, `${name}.png`) });
};

/** "1,234.5 m²" (en) → 1234.5. */
const m2Of = (text: string | null) => Number((text ?? "").replace(/[^\d.]/g, ""));

describe("outdoor materials in a real browser", () => {
  let server: TestServer;
  let context: BrowserContext;
  let browser: LaunchedBrowser | undefined;
  const pageErrors: string[] = [];
  let expectedRiseM2 = 0;
  let neededBeforeM2 = 0;

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

  /** Generous: the machine is busy with other suites (expect.poll's own default is 1 s). */
  const poll = { timeout: 20_000 };
  const textNow = (locator: Locator) => locator.textContent({ timeout: 1_000 }).catch(() => null);

  /** The month's area needed at the site, m², as the plan API answers it now. */
  const neededAtSite = (page: Page) =>
    page.evaluate(
      async ([name, m]) => {
        const plan = (await (await fetch(`/api/outdoor-materials/plan?from=${m}&to=${m}`)).json()) as {
          sites: { name: string; months: { areaNeededM2: number }[] }[];
        };
        return plan.sites.find((s) => s.name === name)?.months[0]?.areaNeededM2 ?? 0;
      },
      [siteName, month] as const,
    );

  it("lets an engineer log 600 m of granite kerb from their road project, with the area it needs shown as typed", async () => {
    const page = await signIn("engineer");
    // The expected rise from the catalogue as stored, not hard-coded.
    const kerb = await page.evaluate(async () => {
      const { items } = (await (await fetch("/api/outdoor-materials/types")).json()) as {
        items: { id: string; storage: { m2PerUnitOneLayer: number; layers: number } }[];
      };
      return items.find((t) => t.id === "granite_kerb")!;
    });
    expectedRiseM2 = (quantityM * kerb.storage.m2PerUnitOneLayer) / kerb.storage.layers;
    expect(expectedRiseM2).toBeGreaterThan(0);
    neededBeforeM2 = await neededAtSite(page);

    // The engineer's own road project near Slemmestad.
    const created = await page.evaluate(async (name) => {
      const response = await fetch("/api/projects", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name, status: "planned", location: { type: "Point", coordinates: [10.4395, 59.7805] }, contact: "Vegavdelingen", notes: "" }),
      });
      return response.status;
    }, projectName);
    expect(created).toBe(201);
    await page.reload();
    await page.waitForSelector("body[data-map-ready='true']", { timeout: 60_000 });

    await page.getByRole("button", { name: "Projects", exact: true }).click();
    await page.getByRole("searchbox", { name: "Search projects" }).fill("E2E Slemmestadveien");
    await page.getByRole("list", { name: "Projects" }).getByRole("button", { name: new RegExp(projectName) }).click();
    const details = page.getByRole("complementary", { name: "Details" });
    await expect.poll(() => textNow(details), poll).toContain(projectName);

    const outdoor = details.getByRole("region", { name: "Outdoor materials" });
    await outdoor.getByRole("button", { name: "Add material" }).click();
    const form = outdoor.getByRole("form", { name: "New outdoor-material lot" });
    await form.getByLabel("Material type").selectOption("granite_kerb");
    await form.getByLabel("Direction").selectOption("available");
    await form.getByLabel("Quantity (m)").fill(String(quantityM));
    // As the form words it: "Needs 20 m² of storage, weighs 48 t" (one decimal at most).
    const shown = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 1 }).format(expectedRiseM2);
    await expect.poll(() => textNow(form), poll).toContain(`Needs ${shown}\u00a0m² of storage`);
    await form.getByLabel("Available from (month)").fill(month);
    await form.getByLabel("Storage site").selectOption({ label: siteName });
    await form.getByRole("button", { name: "Save material" }).click();

    const table = outdoor.getByRole("table", { name: `Outdoor materials of ${projectName}` });
    const row = table.getByRole("row", { name: /Granite kerb/ });
    await expect.poll(() => textNow(row), poll).toContain(`${quantityM}\u00a0m`);
    expect(await textNow(row)).toContain(siteName);
    await snap(page, "outdoor-project");
    expect(pageErrors).toEqual([]);
    await page.close();
  }, 120_000);

  it("shows a planner the area chart of that site rise by the kerb's area in that month", async () => {
    const page = await signIn("planner");
    await page.getByRole("button", { name: "Outdoor materials" }).click();
    const view = page.getByRole("dialog", { name: "Outdoor materials" });
    await view.getByLabel("Storage site").selectOption({ label: siteName });
    const table = view.getByRole("table", { name: `Area needed vs available for outdoor materials, ${siteName}, m² per month` });
    const row = table.getByRole("row", { name: new RegExp(`^${month} `) });
    await expect.poll(() => textNow(row.getByRole("cell").first()), poll).not.toBeNull();
    const neededM2 = m2Of(await textNow(row.getByRole("cell").first()));
    expect(neededM2).toBeCloseTo(neededBeforeM2 + expectedRiseM2, 1);
    // The chart itself is drawn (recharts' SVG), beside the table that carries its numbers.
    await expect.poll(() => view.locator(".outdoor-chart svg.recharts-surface").count(), poll).toBeGreaterThan(0);
    await snap(page, "outdoor-area");
    await view.getByRole("button", { name: "Staff effort" }).click();
    await expect.poll(() => textNow(view.getByRole("table", { name: "Staff effort for receiving and issuing outdoor materials, per month" }).getByRole("row", { name: new RegExp(`^${month} `) })), poll).not.toBeNull();
    await expect.poll(() => view.locator(".outdoor-chart svg.recharts-surface").count(), poll).toBeGreaterThan(0);
    await snap(page, "outdoor-staff");
    await view.getByRole("button", { name: "Lots", exact: true }).click();
    await view.getByRole("button", { name: "Receiver suggestions for Granite kerb" }).first().click();
    await snap(page, "outdoor-lots");
    await view.getByRole("button", { name: "Catalogue" }).click();
    await view.getByRole("table", { name: "Catalogue of outdoor materials" }).waitFor();
    await snap(page, "outdoor-catalogue");
    expect(pageErrors).toEqual([]);
    await page.close();
  }, 120_000);
});
