/** Chromium for the browser tests: launched headless with the flags that work here, and signed in. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";

/** Chromium flags that work headless on this kind of machine (STACK-NOTES). */
export const chromiumArgs = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

export interface LaunchedBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

export async function launchBrowser(chromiumPath: string, viewport = { width: 1280, height: 800 }): Promise<LaunchedBrowser> {
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

