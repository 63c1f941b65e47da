/**
 * "Register load" on a phone (issue 16): an engineer on a 390 × 844 screen picks a lot of their
 * project, a receiving site, types 18,5 t with a decimal comma, a vehicle and a ticket, and the
 * load is stored as typed; nothing scrolls sideways, and the vehicle is remembered for next time.
 */
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Lot, Project } from "../../src/core/domain/records";
import type { Load } from "../../src/core/loads/load";
import { launchBrowser, signIn, type LaunchedBrowser } from "../support/browser";
import { apiClient, expectJson, startTestServer, type TestServer } from "../support/server";

/** Screenshots for a person to look at, only when asked: LOADS_SCREENSHOTS=/some/dir. */
const snap = async (page: Page, name: string) => {
  const dir = process.env.LOADS_SCREENSHOTS;
  if (dir) await page.screenshot({ path: path.join(dir, `${name}.png`) });
};

describe("register a load on a phone", () => {
  let server: TestServer;
  let browser: LaunchedBrowser | undefined;
  let lot: Lot;
  const errors: string[] = [];

  beforeAll(async () => {
    server = await startTestServer("pglite");
    const engineer = apiClient(server.url);
    await expectJson(await engineer.login("engineer"), 200);
    const project = await expectJson<Project>(await engineer.request("POST", "/api/projects", { name: "E2E Lass fra byggegropa", status: "in_progress", location: { type: "Point", coordinates: [10.44, 59.83] } }), 201);
    // The window is around today, as the form's time defaults to now.
    const month = new Date().toISOString().slice(0, 7);
    lot = await expectJson<Lot>(
      await engineer.request("POST", `/api/projects/${project.id}/lots`, { direction: "surplus", material: "moraine", contaminationClass: 1, quantity: { value: 900, unit: "tonnes" }, window: { from: month, to: month } }),
      201,
    );
    browser = await launchBrowser(inject("chromiumPath"), { width: 390, height: 844 });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const noSidewaysScroll = (page: Page) =>
    page.evaluate(() => {
      const dialog = document.querySelector(".loads-dialog");
      return {
        page: document.documentElement.scrollWidth <= window.innerWidth,
        dialog: dialog ? dialog.scrollWidth <= dialog.clientWidth && dialog.getBoundingClientRect().right <= window.innerWidth + 0.5 : false,
      };
    });

  /** "Lass" in the header; below 700 px the header is folded into "Meny", so that opens first. */
  async function openLoads(page: Page) {
    const menu = page.getByRole("button", { name: "Meny", exact: true });
    if ((await menu.isVisible()) && (await menu.getAttribute("aria-expanded")) !== "true") await menu.click();
    await page.getByRole("button", { name: "Lass", exact: true }).click();
  }

  it("registers 18,5 t from the engineer's lot to a receiving site at 390 × 844", async () => {
    const page = await signIn(browser!.context, server.url, "engineer", "nb", errors);
    await openLoads(page);
    const dialog = page.getByRole("dialog", { name: "Lass" });
    await dialog.getByLabel("Parti (mine prosjekter)").selectOption(lot.id);
    const site = dialog.getByRole("combobox", { name: "Område (mottak, mellomlager)" });
    const siteOption = await site.locator("option").nth(1).getAttribute("value");
    const siteName = await site.locator("option").nth(1).textContent();
    await site.selectOption(siteOption!);
    await dialog.getByLabel("Mengde").click();
    await page.keyboard.type("18,5");
    await dialog.getByLabel("Kjøretøy (kjennemerke)").fill("ek 12345");
    await dialog.getByLabel("Veieseddel").fill("E2E-0001");
    expect(await noSidewaysScroll(page)).toEqual({ page: true, dialog: true });
    await snap(page, "register-load-390");
    await dialog.getByRole("button", { name: "Registrer lass" }).last().click();
    await expect.poll(() => dialog.getByRole("status").last().textContent(), { timeout: 20_000 }).toContain("Lasset er registrert: 18,5\u00a0t");
    await snap(page, "register-load-390-saved");

    const stored = await page.evaluate(async (lotId) => ((await (await fetch(`/api/loads?lotId=${lotId}`)).json()) as { items: Load[] }).items, lot.id);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ from: { lotId: lot.id }, to: { siteId: siteOption }, quantity: { value: 18.5, unit: "tonnes" }, tonnes: 18.5, vehicle: "EK 12345", ticket: "E2E-0001", recordedBy: "engineer" });
    expect(stored[0]!.time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00[+-]\d{2}:\d{2}$/);
    expect(siteName).toBeTruthy();

    // The same ticket at the same site again: the server's 409 in Norwegian, nothing stored.
    await dialog.getByLabel("Mengde").fill("12");
    await dialog.getByLabel("Veieseddel").fill("E2E-0001");
    await dialog.getByRole("button", { name: "Registrer lass" }).last().click();
    await expect.poll(() => dialog.getByRole("status").last().textContent(), { timeout: 20_000 }).toContain("Veieseddel E2E-0001 er allerede registrert");

    // Closed and opened again, the vehicle is offered from this phone's memory.
    await dialog.getByRole("button", { name: "Lukk" }).click();
    await openLoads(page);
    await expect.poll(() => page.getByRole("dialog", { name: "Lass" }).getByRole("group", { name: "Siste kjøretøy" }).getByRole("button").first().textContent(), { timeout: 10_000 }).toBe("EK 12345");

    // On a desk: "Leveranser" lists the load with its ticket, and the custody CSV holds it.
    await page.setViewportSize({ width: 1440, height: 900 });
    const view = page.getByRole("dialog", { name: "Lass" });
    await view.getByRole("button", { name: "Leveranser" }).click();
    await view.getByLabel("Prosjekt", { exact: true }).selectOption({ label: "E2E Lass fra byggegropa" });
    await expect.poll(() => view.getByRole("table", { name: /^Lass \(1\)/ }).textContent(), { timeout: 20_000 }).toContain("E2E-0001");
    await snap(page, "deliveries-1440");
    const [download] = await Promise.all([page.waitForEvent("download"), view.getByRole("button", { name: "Sporbarhetsrapport (CSV)" }).click()]);
    const csv = await (await import("node:fs/promises")).readFile((await download.path())!, "utf8");
    expect(csv.split("\r\n")[1]).toContain("E2E-0001");
    expect(errors.filter((e) => !/status of 409/.test(e))).toEqual([]);
  });
});
