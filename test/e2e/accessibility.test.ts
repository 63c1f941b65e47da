/**
 * Universal design (issue #16, WCAG 2.1 AA): axe-core audits every view in Chromium — sign-in, map,
 * projects, sites, mass balance, the scenario editor, a run's results, outdoor materials, compare,
 * presentation mode and the accounts dialog — at 1440×900, and the main ones on a 390×844 phone,
 * where the header folds into a menu and nothing may scroll sideways. No finding of impact
 * "serious" or "critical" may remain; a failure lists rule, element and view.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { chromiumArgs, signIn } from "../support/browser";
import { makeTwoRunScenarios } from "../support/e2e-scenarios";
import { startTestServer, type TestServer } from "../support/server";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** Screenshots to look at (`A11Y_SCREENSHOTS` overrides the folder). */
const screenshotDir = process.env.A11Y_SCREENSHOTS ?? path.join(process.cwd(), "tmp-screenshots", "accessibility");

interface Finding {
  view: string;
  rule: string;
  impact: string;
  targets: string[];
  summary: string;
}

const desktop = { width: 1440, height: 900 };
const phone = { width: 390, height: 844 };

/** Runs axe on the page as it stands and answers its serious and critical findings. */
async function audit(page: Page, view: string): Promise<Finding[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: unknown): Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown[]; failureSummary?: string }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact ?? "", nodes: v.nodes.map((n) => ({ target: n.target.map(String), summary: n.failureSummary ?? "" })) }));
  });
  const findings: Finding[] = [];
  for (const v of violations) {
    if (v.impact !== "serious" && v.impact !== "critical") continue;
    for (const node of v.nodes) findings.push({ view, rule: v.id, impact: v.impact, targets: node.target, summary: node.summary.split("\n").slice(0, 3).join(" ") });
  }
  return findings;
}

const snap = async (page: Page, name: string) => {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`) });
};

/** The page scrolls sideways: its content is wider than the window. */
const sidewaysOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe("accessibility audit (axe-core, WCAG 2.1 AA) in a real browser", () => {
  let server: TestServer;
  let browser: Browser;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    server = await startTestServer("pglite");
    await makeTwoRunScenarios(server);
    browser = await chromium.launch({ executablePath: inject("chromiumPath"), headless: true, args: chromiumArgs });
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** A fresh context that lets axe's script in past the app's CSP. */
  const newContext = (viewport: { width: number; height: number }) => browser.newContext({ viewport, bypassCSP: true });

  /** Opens a header view: on a phone through the folded "Menu" first. */
  async function openView(page: Page, name: string, onPhone: boolean) {
    if (onPhone) {
      const menu = page.getByRole("button", { name: "Menu", exact: true });
      if ((await menu.getAttribute("aria-expanded")) !== "true") await menu.click();
    }
    await page.getByRole("button", { name, exact: true }).click();
  }

  async function auditViews(viewport: { width: number; height: number }, label: string, onPhone: boolean): Promise<Finding[]> {
    const findings: Finding[] = [];
    const context = await newContext(viewport);
    const check = async (page: Page, view: string) => {
      await page.waitForTimeout(300);
      await snap(page, `${label}-${view}`);
      findings.push(...(await audit(page, `${label} ${view}`)));
      if (onPhone) expect(await sidewaysOverflow(page), `${view} scrolls sideways`).toBeLessThanOrEqual(0);
    };
    try {
      // Sign-in page.
      const login = await context.newPage();
      await login.goto(`${server.url}/?lang=en`);
      await login.getByLabel("Username").waitFor();
      await check(login, "login");
      await login.close();

      const page = await signIn(context, server.url, "planner", "en", consoleErrors);
      await check(page, "map");

      if (onPhone) {
        const menu = page.getByRole("button", { name: "Menu", exact: true });
        await menu.click();
        expect(await menu.getAttribute("aria-expanded")).toBe("true");
        await check(page, "menu");
        // Escape closes the menu and focus goes back to its button.
        await page.getByRole("button", { name: "Projects", exact: true }).focus();
        await page.keyboard.press("Escape");
        expect(await menu.getAttribute("aria-expanded")).toBe("false");
        expect(await menu.evaluate((el) => el === document.activeElement)).toBe(true);
        expect(await page.getByRole("button", { name: "Projects", exact: true }).isVisible()).toBe(false);
      }

      await openView(page, "Projects", onPhone);
      await page.getByRole("list", { name: "Projects" }).waitFor();
      await check(page, "projects");
      // On a phone the sheet has its own close button; on a wide screen the header toggle closes it.
      if (onPhone) await page.locator("#projects-panel").getByRole("button", { name: "Close", exact: true }).click();
      else await openView(page, "Projects", onPhone);
      await expect.poll(() => page.locator("#projects-panel").isVisible()).toBe(false);

      await openView(page, "Sites", onPhone);
      await page.locator("#sites-panel").waitFor();
      await check(page, "sites");
      await openView(page, "Sites", onPhone);

      await openView(page, "Mass balance", onPhone);
      await page.locator("#balance-panel").waitFor();
      await check(page, "balance");
      await openView(page, "Mass balance", onPhone);

      await openView(page, "Scenarios", onPhone);
      const scenarios = page.getByRole("region", { name: "Scenarios" });
      await scenarios.getByRole("listitem", { name: "Med Lahell", exact: true }).waitFor({ timeout: 30_000 });
      if (!onPhone) {
        await scenarios.getByRole("button", { name: "New scenario" }).click();
        await scenarios.getByLabel("Name").waitFor();
        await check(page, "scenario-editor");
        await scenarios.getByRole("button", { name: "Back to the list" }).click();
      } else {
        await check(page, "scenarios");
      }
      await scenarios.getByRole("listitem", { name: "Med Lahell", exact: true }).getByRole("button", { name: "Show result" }).click();
      await page.getByRole("complementary", { name: /Med Lahell/ }).getByRole("list", { name: "Key figures" }).waitFor({ timeout: 60_000 });
      await check(page, "results");
      if (!onPhone) {
        // The delivered loads beside the plan (issue 16 item 2): the switch, its status and the legend's planned and delivered entries.
        const results = page.getByRole("complementary", { name: /Med Lahell/ });
        await results.getByRole("checkbox", { name: "Show delivered loads" }).check();
        await results.getByText("No delivered loads recorded.").waitFor({ timeout: 20_000 });
        await results.getByText("Delivered (dashed)").waitFor();
        await check(page, "results-delivered");
      }

      if (!onPhone) {
        await openView(page, "Outdoor materials", onPhone);
        await page.getByRole("dialog", { name: "Outdoor materials" }).getByRole("table").first().waitFor({ timeout: 30_000 });
        await check(page, "outdoor");
        await page.keyboard.press("Escape");
        await expect.poll(() => page.getByRole("dialog").count()).toBe(0);
      }

      await openView(page, "Compare", onPhone);
      await page.getByRole("dialog", { name: "Compare scenarios" }).getByRole("table").waitFor({ timeout: 30_000 });
      await check(page, "compare");
      await page.keyboard.press("Escape");
      await expect.poll(() => page.getByRole("dialog").count()).toBe(0);

      // Loads (issue 16): the register form, the one a phone is for, and the deliveries.
      await openView(page, "Loads", onPhone);
      const loads = page.getByRole("dialog", { name: "Loads" });
      await loads.getByText("Register load").first().waitFor({ timeout: 30_000 });
      await check(page, "loads-register");
      await loads.getByRole("button", { name: "Deliveries" }).click();
      await loads.getByText("Planned against delivered").first().waitFor({ timeout: 30_000 });
      await check(page, "loads-deliveries");
      await page.keyboard.press("Escape");
      await expect.poll(() => page.getByRole("dialog").count()).toBe(0);

      if (!onPhone) {
        await openView(page, "Presentation mode", onPhone);
        await page.getByRole("dialog", { name: "Presentation" }).getByText(/Slide 1 of \d+/).waitFor({ timeout: 30_000 });
        await check(page, "presentation");
        await page.keyboard.press("Escape");
        await expect.poll(() => page.getByRole("dialog").count()).toBe(0);

        const admin = await signIn(context, server.url, "admin", "en", consoleErrors);
        await admin.getByRole("button", { name: "Accounts", exact: true }).click();
        await admin.getByRole("dialog", { name: "Accounts" }).getByRole("table").first().waitFor({ timeout: 30_000 });
        await check(admin, "accounts");
      }
    } finally {
      await context.close();
    }
    return findings;
  }

  const report = (findings: Finding[]) => findings.map((f) => `${f.view}: ${f.rule} (${f.impact}) at ${f.targets.join(" ")} — ${f.summary}`);

  it("finds nothing serious or critical on any view at 1440×900", async () => {
    const findings = await auditViews(desktop, "desktop", false);
    expect(report(findings)).toEqual([]);
  }, 300_000);

  it("finds nothing serious or critical on the main views of a 390×844 phone, and nothing scrolls sideways", async () => {
    const findings = await auditViews(phone, "phone", true);
    expect(report(findings)).toEqual([]);
  }, 300_000);
});
