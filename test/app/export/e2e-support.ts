/** What the Presentation mode and export browser tests share: Chromium, sign-in, and scenarios made and run over the API. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import type { MatchResult } from "../../../src/core/matching/result";
import type { ScenarioResultView } from "../../../src/core/scenario/scenario";
import type { TestServer } from "../../support/server";

/** Chromium flags that work headless on this kind of machine (STACK-NOTES). */
const chromiumArgs = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

export async function launchBrowser(chromiumPath: string, viewport = { width: 1280, height: 800 }): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profileDir = mkdtempSync(path.join(tmpdir(), "massekart-chromium-"));
  const context = await chromium.launchPersistentContext(profileDir, { executablePath: chromiumPath, headless: true, args: chromiumArgs, viewport, acceptDownloads: true });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

/** Signs in through the page and waits for the map, collecting console errors. */
export async function signIn(context: BrowserContext, url: string, username: string, lang: "en" | "nb", errors: string[]): Promise<Page> {
  await context.clearCookies();
  const page = await context.newPage();
  page.on("console", (message) => {
    // The sign-in page asks /api/me first and gets 401 when nobody is signed in: expected, not an error.
    if (message.type() === "error" && !/status of 401/.test(message.text())) errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(`${url}/?lang=${lang}`);
  await page.getByLabel(lang === "en" ? "Username" : "Brukernavn").fill(username);
  await page.getByLabel(lang === "en" ? "Password" : "Passord").fill("demo");
  await page.getByRole("button", { name: lang === "en" ? "Log in" : "Logg inn" }).click();
  await page.waitForSelector("body[data-map-ready='true']", { timeout: 90_000 });
  return page;
}

export interface RunScenario {
  id: string;
  name: string;
  result: Extract<MatchResult, { status: "optimal" | "infeasible" }>;
}

/**
 * As a planner: "Med Lahell" (every site in play) and "Uten mellomlager" (landfills and quarries
 * only), both run to a result.
 */
export async function makeTwoRunScenarios(server: TestServer): Promise<RunScenario[]> {
  const client = server.client();
  expect200((await client.login("planner")).status);
  const sites = ((await (await client.request("GET", "/api/sites")).json()) as { items: { id: string; kind: string; status: string }[] }).items;
  const withoutStorage = sites.filter((s) => s.kind !== "storage" && s.status !== "closed").map((s) => s.id);
  const made: RunScenario[] = [];
  for (const body of [
    { name: "Med Lahell", note: "Alle lokaliteter", siteIds: null },
    { name: "Uten mellomlager", note: "Bare deponi og massetak", siteIds: withoutStorage },
  ]) {
    const created = await client.request("POST", "/api/scenarios", body);
    if (created.status !== 201) throw new Error(`create scenario: ${created.status} ${await created.text()}`);
    const scenario = (await created.json()) as { id: string };
    const started = await client.request("POST", `/api/scenarios/${scenario.id}/run`);
    if (started.status !== 202) throw new Error(`run scenario: ${started.status} ${await started.text()}`);
    const { run } = (await started.json()) as { run: { id: string } };
    const deadline = Date.now() + 120_000;
    for (;;) {
      const status = ((await (await client.request("GET", `/api/scenarios/${scenario.id}/runs/${run.id}`)).json()) as { status: string; error: string | null });
      if (status.status === "succeeded") break;
      if (status.status === "failed") throw new Error(`run failed: ${status.error}`);
      if (Date.now() > deadline) throw new Error("run did not finish in 120 s");
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    const view = (await (await client.request("GET", `/api/scenarios/${scenario.id}/result`)).json()) as ScenarioResultView;
    if (!view.result || view.result.status === "error") throw new Error("no solved result");
    made.push({ id: scenario.id, name: body.name, result: view.result });
  }
  return made;
}

function expect200(status: number) {
  if (status !== 200) throw new Error(`login failed: ${status}`);
}
