/**
 * Scenarios in a real browser (issue 7): a planner makes two scenarios that differ in one
 * storage site — all sites, and all but the storage site the first plan uses most — runs both on
 * the server, and sees different tonne-km in their results. Deletes (undone by an admin only), and
 * a viewer who reads but gets no write or run control.
 */
import { tmpdir } from "node:os";
import path from "node:path";
import { type BrowserContext, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startTestServer, type TestServer } from "../support/server";
import { launchBrowser, type LaunchedBrowser } from "../support/browser";


interface ResultView {
  result: { kpis: { tonneKm: number; peakInventoryTonnes: Record<string, number> } } | null;
}

describe("scenarios in the browser", () => {
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

  async function signIn(username: string): Promise<Page> {
    await context.clearCookies();
    const page = await context.newPage();
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await page.goto(`${server.url}/?lang=en`);
    await page.getByLabel("Username").fill(username);
    await page.getByLabel("Password").fill("demo");
    await page.getByRole("button", { name: "Log in" }).click();
    await page.waitForSelector("body[data-map-ready='true']", { timeout: 60_000 });
    return page;
  }

  const textNow = (locator: Locator) => locator.textContent({ timeout: 1_000 }).catch(() => null);
  const api = <T,>(page: Page, url: string) => page.evaluate(async (u) => (await fetch(u)).json(), url) as Promise<T>;
  const scenarioId = async (page: Page, name: string) =>
    (await api<{ items: { id: string; name: string }[] }>(page, "/api/scenarios")).items.find((s) => s.name === name)!.id;

  /** Names the open scenario, saves and runs it, and answers the tonne-km text of its result. */
  async function nameAndRun(page: Page, name: string, leaveOut?: string): Promise<string> {
    const panel = page.getByRole("region", { name: "Scenarios" });
    await panel.getByLabel("Name").fill(name);
    if (leaveOut) {
      const box = panel.getByRole("checkbox", { name: leaveOut, exact: true });
      expect(await box.isChecked()).toBe(true);
      await box.uncheck();
    }
    await panel.getByRole("button", { name: "Run", exact: true }).click();
    const results = page.getByRole("complementary", { name: new RegExp(name) });
    const card = results.getByRole("list", { name: "Key figures" }).locator('[data-kpi="tonneKm"]');
    await expect.poll(() => textNow(card), { timeout: 60_000 }).toMatch(/^Tonne-km[\d,]+\u00a0tkm/);
    return (await card.textContent())!;
  }

  it("runs two scenarios that differ in one storage site and shows different tonne-km", async () => {
    const page = await signIn("planner");
    await page.getByRole("button", { name: "Scenarios" }).click();
    const panel = page.getByRole("region", { name: "Scenarios" });

    await panel.getByRole("button", { name: "New scenario" }).click();
    const allText = await nameAndRun(page, "All sites");
    const allId = await scenarioId(page, "All sites");
    const all = await api<ResultView>(page, `/api/scenarios/${allId}/result`);
    // The storage site the plan uses most: leaving it out must change the hauls.
    const [busiest] = Object.entries(all.result!.kpis.peakInventoryTonnes).sort((a, b) => b[1] - a[1])[0]!;
    const sites = await api<{ items: { id: string; name: string }[] }>(page, "/api/sites");
    const siteName = sites.items.find((s) => s.id === busiest)!.name;

    await panel.getByRole("button", { name: "Back to the list" }).click();
    await panel.getByRole("button", { name: "New scenario" }).click();
    const withoutText = await nameAndRun(page, `Without ${siteName}`, siteName);
    const withoutId = await scenarioId(page, `Without ${siteName}`);
    const without = await api<ResultView & { run: unknown }>(page, `/api/scenarios/${withoutId}/result`);
    const stored = await api<{ siteIds: string[] | null }>(page, `/api/scenarios/${withoutId}`);
    expect(stored.siteIds).not.toContain(busiest);

    expect(withoutText).not.toBe(allText);
    expect(without.result!.kpis.tonneKm).not.toBeCloseTo(all.result!.kpis.tonneKm, 3);

    // Both results stay readable from the list.
    await panel.getByRole("button", { name: "Back to the list" }).click();
    const allItem = panel.getByRole("listitem", { name: "All sites", exact: true });
    await allItem.getByRole("button", { name: "Show result" }).click();
    const card = page.getByRole("complementary", { name: /All sites/ }).locator('[data-kpi="tonneKm"]');
    await expect.poll(() => textNow(card), { timeout: 30_000 }).toBe(allText);

    // Duplicate.
    await allItem.getByRole("button", { name: "Duplicate" }).click();
    await expect.poll(() => panel.getByRole("listitem", { name: "All sites (copy)", exact: true }).count(), { timeout: 15_000 }).toBe(1);

    // A planner deletes; restoring is for admins (DESIGN §7), so the planner gets no Undo.
    await panel.getByRole("listitem", { name: "All sites (copy)", exact: true }).getByRole("button", { name: "Delete" }).click();
    await expect.poll(() => panel.getByRole("listitem", { name: "All sites (copy)", exact: true }).count(), { timeout: 15_000 }).toBe(0);
    await expect.poll(() => textNow(panel.locator(".scenarios-undo"))).toContain("An administrator can restore it.");
    expect(await panel.getByRole("button", { name: "Undo" }).count()).toBe(0);

    await page.screenshot({ path: path.join(tmpdir(), "massekart-scenarios.png") });
    expect(pageErrors).toEqual([]);
    await page.close();
  }, 180_000);

  it("lets an admin delete a scenario and undo the delete", async () => {
    const page = await signIn("admin");
    await page.getByRole("button", { name: "Scenarios" }).click();
    const panel = page.getByRole("region", { name: "Scenarios" });
    const item = () => panel.getByRole("listitem", { name: "All sites", exact: true });
    await item().waitFor({ timeout: 30_000 });
    await item().getByRole("button", { name: "Delete" }).click();
    await expect.poll(() => item().count(), { timeout: 15_000 }).toBe(0);
    await panel.getByRole("button", { name: "Undo" }).click();
    await expect.poll(() => item().count(), { timeout: 15_000 }).toBe(1);
    expect(pageErrors).toEqual([]);
    await page.close();
  }, 90_000);

  it("lets a viewer read scenarios and results without write or run controls", async () => {
    const page = await signIn("viewer");
    await page.getByRole("button", { name: "Scenarios" }).click();
    const panel = page.getByRole("region", { name: "Scenarios" });
    const item = panel.getByRole("listitem", { name: "All sites", exact: true });
    await item.waitFor({ timeout: 30_000 });
    expect(await panel.getByRole("button", { name: "New scenario" }).count()).toBe(0);
    expect(await item.getByRole("button", { name: /^(Run|Duplicate|Delete)$/ }).count()).toBe(0);
    await item.getByRole("button", { name: "Show result" }).click();
    await page.getByRole("complementary", { name: /All sites/ }).getByRole("list", { name: "Key figures" }).waitFor({ timeout: 30_000 });
    expect(pageErrors).toEqual([]);
    await page.close();
  }, 90_000);
});
