import { mkdirSync } from "node:fs";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startTestServer, type TestServer } from "../support/server";
import { launchBrowser, makeTwoRunScenarios, signIn, type RunScenario } from "../support/e2e-scenarios";

/** Screenshots to look at: one per slide at 1920×1080 (`MEETING_SCREENSHOTS` overrides the folder). */
const screenshotDir = process.env.MEETING_SCREENSHOTS ?? path.join(process.cwd(), "tmp-screenshots", "meeting");

describe("Presentation mode in a real browser", () => {
  let server: TestServer;
  let browser: { context: BrowserContext; close(): Promise<void> };
  let scenarios: RunScenario[];
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    server = await startTestServer("pglite");
    scenarios = await makeTwoRunScenarios(server);
    browser = await launchBrowser(inject("chromiumPath"), { width: 1920, height: 1080 });
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const headingOf = (page: Page) => page.getByRole("dialog", { name: "Presentation" }).getByRole("heading", { level: 2 }).innerText();

  it("lets a viewer step through every slide with the keyboard, with no edit controls, and leave with Escape", async () => {
    const page = await signIn(browser.context, server.url, "viewer", "en", consoleErrors);
    const open = page.getByRole("button", { name: "Presentation mode" });
    await open.click();
    const dialog = page.getByRole("dialog", { name: "Presentation" });
    await expect.poll(() => dialog.getByText(/Slide 1 of \d+/).count(), { timeout: 30_000 }).toBe(1);
    const total = Number((await dialog.getByText(/Slide 1 of \d+/).innerText()).match(/of (\d+)/)![1]);
    // Overview, one per scenario, the comparison, the sites.
    expect(total).toBe(2 + scenarios.length + 1);

    mkdirSync(screenshotDir, { recursive: true });
    const headings: string[] = [];
    for (let n = 1; n <= total; n += 1) {
      await expect.poll(() => dialog.getByText(`Slide ${n} of ${total}`).count()).toBe(1);
      const heading = await headingOf(page);
      headings.push(heading);
      // The slide's heading has focus, so a screen reader announces it.
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("H2");
      // No editing controls: nothing to type in, tick or choose; only Previous, Next and End.
      for (const role of ["textbox", "checkbox", "combobox", "spinbutton", "radio", "slider"] as const) {
        expect(await dialog.getByRole(role).count()).toBe(0);
      }
      expect((await dialog.getByRole("button").allInnerTexts()).map((s) => s.trim())).toEqual(["◀ Previous", "Next ▶", "End presentation (Esc)"]);
      if (heading.startsWith("Scenario:")) {
        await page.waitForSelector(".meeting-mini-map[data-ready='true']", { timeout: 60_000 });
      }
      await page.screenshot({ path: path.join(screenshotDir, `slide-${n}.png`) });
      if (n < total) await page.keyboard.press(n % 2 === 0 ? "PageDown" : "ArrowRight");
    }
    expect(headings).toEqual([
      "Mass balance of Asker municipality",
      ...scenarios.map((s) => `Scenario: ${s.name}`),
      "Scenarios compared",
      "Candidate sites and their suitability",
    ]);

    // The overview shows per-material totals; the comparison a signed difference; the sites their verdicts.
    await page.keyboard.press("Home");
    await expect.poll(() => headingOf(page)).toBe("Mass balance of Asker municipality");
    expect(await dialog.getByRole("rowheader", { name: "Total" }).count()).toBe(1);
    await page.keyboard.press("End");
    await expect.poll(() => headingOf(page)).toBe("Candidate sites and their suitability");
    expect(await dialog.getByText(/^(Suitable|Conditional|Unsuitable)$/).count()).toBeGreaterThan(0);
    await page.keyboard.press("ArrowLeft");
    await expect.poll(() => headingOf(page)).toBe("Scenarios compared");
    expect(await dialog.getByText(/[+−]\S+\stkm vs Med Lahell/).count()).toBe(1);

    // The on-screen buttons step too.
    await dialog.getByRole("button", { name: "Previous" }).click();
    await expect.poll(() => headingOf(page)).toBe(`Scenario: ${scenarios.at(-1)!.name}`);

    await page.keyboard.press("Escape");
    await expect.poll(() => page.getByRole("dialog", { name: "Presentation" }).count()).toBe(0);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("presentation-mode-button");
    expect(consoleErrors).toEqual([]);
    await page.close();
  }, 240_000);

  it("is in bokmål for a Norwegian user", async () => {
    const page = await signIn(browser.context, server.url, "viewer", "nb", consoleErrors);
    await page.getByRole("button", { name: "Presentasjonsmodus" }).click();
    const dialog = page.getByRole("dialog", { name: "Presentasjon" });
    await expect.poll(() => dialog.getByRole("heading", { level: 2 }).innerText(), { timeout: 30_000 }).toBe("Massebalanse i Asker kommune");
    await dialog.getByRole("button", { name: "Neste" }).click();
    await expect.poll(() => dialog.getByRole("heading", { level: 2 }).innerText()).toBe("Scenario: Med Lahell");
    await page.keyboard.press("Escape");
    await expect.poll(() => page.getByRole("dialog", { name: "Presentasjon" }).count()).toBe(0);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });
});
