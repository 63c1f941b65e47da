/**
 * The mass registry end to end (issue #3): an engineer logs a project with two lots through the
 * form, a planner then finds it on the map and in the mass-balance chart, and a viewer can
 * neither see an edit control nor write through the API.
 */
import type { Map as MapLibreMap } from "maplibre-gl";
import { type BrowserContext, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startTestServer, type TestServer } from "../support/server";
import { launchBrowser, type LaunchedBrowser } from "../support/browser";


declare global {
  interface Window {
    __massekartMap?: MapLibreMap;
  }
}

/** A name no demo project has, and months after the demo data (2027–2029), so the chart's rows are this project's alone. */
const projectName = "E2E Vollen barnehage";

interface StoredLot {
  direction: string;
  material: string;
  contaminationClass: number;
  quantity: { value: number; unit: string };
  tonnes: number;
  window: { from: string; to: string };
}
interface StoredProject {
  id: string;
  name: string;
  owner: string | null;
  version: number;
  location: { type: string; coordinates: unknown };
  lots: StoredLot[];
}

describe("the mass registry in a real browser", () => {
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

  /** The project as the API has it now, through the page's own session. */
  const findProject = (page: Page) =>
    page.evaluate(async (name) => {
      const response = await fetch(`/api/projects?q=${encodeURIComponent(name)}`);
      const { items } = (await response.json()) as { items: StoredProject[] };
      return items.find((p) => p.name === name) ?? null;
    }, projectName);

  /** A locator's text now, or null while it is not there (an expect.poll retries; a bare textContent would wait 30 s). */
  const textNow = (locator: Locator) => locator.textContent({ timeout: 1_000 }).catch(() => null);

  /** Opens the project list and selects the project there (the map flies to it). */
  async function selectInList(page: Page): Promise<void> {
    await page.getByRole("button", { name: "Projects", exact: true }).click();
    await page.getByRole("searchbox", { name: "Search projects" }).fill("E2E Vollen");
    const item = page.getByRole("list", { name: "Projects" }).getByRole("button", { name: new RegExp(projectName) });
    await item.click();
    await expect.poll(() => textNow(page.getByRole("complementary", { name: "Details" }))).toContain(projectName);
  }

  it("lets an engineer create a project with two lots through the form", async () => {
    const page = await signIn("engineer");
    await page.getByRole("button", { name: "Projects", exact: true }).click();
    await page.getByRole("button", { name: "New project" }).click();

    await page.getByLabel("Project name").fill(projectName);
    // Location typed in Asker's own system, EPSG:25832 (the form's default).
    await expect.poll(() => page.getByLabel("Coordinate system", { exact: true }).inputValue()).toBe("EPSG:25832");
    await page.getByLabel("East (m)").fill("583200");
    await page.getByLabel("North (m)").fill("6630500");
    await page.getByLabel("Contact").fill("Kari Nordmann, Asker kommune");

    await page.getByRole("button", { name: "Add lot" }).click();
    const lot1 = page.getByRole("group", { name: "Lot 1" });
    await lot1.getByLabel("Direction").selectOption("surplus");
    await lot1.getByLabel("Material").selectOption("rock");
    await lot1.getByLabel("Contamination class").selectOption("1");
    await lot1.getByLabel("Quantity").fill("10000");
    await lot1.getByLabel("Unit").selectOption("m3_in_place");
    await lot1.getByLabel("From month").fill("2031-03");
    await lot1.getByLabel("To month").fill("2031-04");
    // What was typed, and the tonnes beside it: 10 000 pfm³ of rock at 2.7 t/m³.
    await expect.poll(() => textNow(lot1.getByText(/^= /))).toBe("= 27,000\u00a0t");

    await page.getByRole("button", { name: "Add lot" }).click();
    const lot2 = page.getByRole("group", { name: "Lot 2" });
    await lot2.getByLabel("Direction").selectOption("demand");
    await lot2.getByLabel("Material").selectOption("gravel_sand");
    await lot2.getByLabel("Contamination class").selectOption("2");
    await lot2.getByLabel("Quantity").fill("4000");
    await lot2.getByLabel("Unit").selectOption("tonnes");
    // The second lot starts from the first one's months; it needs April only.
    expect(await lot2.getByLabel("From month").inputValue()).toBe("2031-03");
    await lot2.getByLabel("From month").fill("2031-04");

    await page.getByRole("button", { name: "Save", exact: true }).click();
    await page.getByText("Saved (3 changes).").waitFor({ timeout: 20_000 });

    const stored = await findProject(page);
    expect(stored).not.toBeNull();
    expect(stored!.owner).toBe("engineer");
    expect(stored!.location.type).toBe("Point");
    const lots = [...stored!.lots].sort((a, b) => a.direction.localeCompare(b.direction));
    expect(lots.map((l) => [l.direction, l.material, l.contaminationClass, l.quantity.value, l.quantity.unit, l.window.from, l.window.to])).toEqual([
      ["demand", "gravel_sand", 2, 4000, "tonnes", "2031-04", "2031-04"],
      ["surplus", "rock", 1, 10000, "m3_in_place", "2031-03", "2031-04"],
    ]);
    expect(lots.map((l) => l.tonnes)).toEqual([4000, 27000]);

    // The owner may edit it: the form is now the stored project's.
    await page.getByRole("button", { name: "Close", exact: true }).click();
    await expect.poll(() => page.getByRole("button", { name: "Edit" }).count()).toBe(1);
    expect(pageErrors).toEqual([]);
    await page.close();
  }, 90_000);

  it("shows the planner the new project on the map and in the mass-balance chart", async () => {
    const page = await signIn("planner");
    await selectInList(page);
    // Flown to it past the clustering zoom: the project is a circle of its own on the map.
    await expect
      .poll(
        () =>
          page.evaluate(
            (name) =>
              window
                .__massekartMap!.queryRenderedFeatures()
                .filter((f) => f.layer.id.startsWith("projects"))
                .some((f) => f.properties.name === name && f.properties.totalTonnes === 31000),
            projectName,
          ),
        { timeout: 15_000 },
      )
      .toBe(true);

    // The balance for the whole municipality: clear the list's filter first.
    await page.getByRole("button", { name: "Clear filters" }).click();
    await page.getByRole("button", { name: "Mass balance" }).click();
    const balance = page.getByRole("region", { name: "Mass balance per month" });
    const table = balance.getByRole("table");
    await expect.poll(() => textNow(table.locator("caption"))).toBe("Mass balance, All materials, tonnes per month");
    const row = (month: string) => table.getByRole("row", { name: new RegExp(`^${month} `) });
    // 27 000 t of surplus over March and April, 4 000 t of demand in April.
    await expect.poll(() => textNow(row("2031-03"))).toBe("2031-0313,500\u00a0t0\u00a0t13,500\u00a0t");
    await expect.poll(() => textNow(row("2031-04"))).toBe("2031-0413,500\u00a0t4,000\u00a0t9,500\u00a0t");
    // Per material as well.
    await balance.getByLabel("Material").selectOption("gravel_sand");
    await expect.poll(() => textNow(table.locator("caption"))).toBe("Mass balance, Gravel and sand, tonnes per month");
    await expect.poll(() => textNow(row("2031-04"))).toBe("2031-040\u00a0t4,000\u00a0t-4,000\u00a0t");
    expect(pageErrors).toEqual([]);
    await page.close();
  }, 90_000);

  it("gives a viewer no edit control, and the server refuses a viewer's write", async () => {
    const page = await signIn("viewer");
    await page.getByRole("button", { name: "Projects", exact: true }).click();
    expect(await page.getByRole("button", { name: "New project" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Import CSV" }).count()).toBe(0);
    await page.getByRole("button", { name: "Projects", exact: true }).click();
    await selectInList(page);
    const details = page.getByRole("complementary", { name: "Details" });
    expect(await details.getByRole("button", { name: "Edit" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Save", exact: true }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Delete", exact: true }).count()).toBe(0);

    const stored = await findProject(page);
    expect(stored).not.toBeNull();
    const statuses = await page.evaluate(async (project) => {
      const put = await fetch(`/api/projects/${project.id}`, {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name: "Viewer was here", status: "planned", location: project.location, contact: "", notes: "", version: project.version }),
      });
      const remove = await fetch(`/api/projects/${project.id}`, { method: "DELETE" });
      return [put.status, remove.status];
    }, stored!);
    expect(statuses).toEqual([403, 403]);
    expect((await findProject(page))!.name).toBe(projectName);
    await page.close();
  }, 90_000);
});
