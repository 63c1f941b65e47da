/**
 * Single sign-on end to end in Chromium (issue 14) against a real OpenID Connect provider started
 * here (`oidc-provider` on 127.0.0.1, its own login and consent pages): the sign-in page's "Sign in
 * with …" button, the provider's pages, and back signed in with the role the group claim maps to
 * (MASSEKART_OIDC_ROLE_CLAIM=groups, MASSEKART_OIDC_ROLE_MAP); a second user with another role; a
 * deactivated user refused, with the reason on the sign-in page; and MASSEKART_LOCAL_LOGIN=false,
 * where the sign-in page has no password form.
 */
import type { BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { UserAccount } from "../../src/core/domain/users-api";
import { readConfig } from "../../src/server/config";
import { launchBrowser, type LaunchedBrowser } from "../support/browser";
import { freePort } from "../support/free-port";
import { ssoEnv, startTestProvider, type TestProvider } from "../support/oidc-provider";
import { apiClient, expectJson, startTestServer, type TestServer } from "../support/server";

/** A Massekart server with single sign-on through its own provider on this machine. */
async function startWithSso(env: Record<string, string> = {}, { demo = true } = {}): Promise<{ server: TestServer; provider: TestProvider }> {
  const port = await freePort();
  const publicUrl = `http://127.0.0.1:${port}`;
  const provider = await startTestProvider(`${publicUrl}/api/auth/oidc/callback`);
  const { publicUrl: checked, oidc, localLogin } = readConfig(ssoEnv(publicUrl, provider, { MASSEKART_OIDC_ROLE_CLAIM: "groups", MASSEKART_OIDC_NAME: "Asker kommune", ...env }));
  const server = await startTestServer("pglite", { demo, config: { port, publicUrl: checked, oidc, localLogin } });
  return { server, provider };
}

// Chromium and two servers on a shared machine: generous, as the other browser tests.
describe("single sign-on in a real browser", { timeout: 240_000 }, () => {
  let sso: { server: TestServer; provider: TestProvider };
  let browser: LaunchedBrowser | undefined;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    sso = await startWithSso();
    browser = await launchBrowser(inject("chromiumPath"), { width: 1440, height: 900 });
  });
  afterAll(async () => {
    await browser?.close();
    await sso?.server.stop();
    await sso?.provider.close();
  });

  const textNow = (locator: Locator) => locator.textContent({ timeout: 1_000 }).catch(() => null);

  /** A fresh start (no Massekart session, no session at the provider either) on the sign-in page. */
  async function openSignIn(context: BrowserContext, url: string, lang: "en" | "nb" = "en"): Promise<Page> {
    await context.clearCookies();
    const page = await context.newPage();
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await page.goto(`${url}/?lang=${lang}`);
    return page;
  }

  /** From Massekart's sign-in page through the provider's login and consent pages, and back. */
  async function signInAtProvider(page: Page, login: string, providerName = "Asker kommune"): Promise<void> {
    await page.getByRole("link", { name: `Sign in with ${providerName}` }).click();
    await page.locator("input[name=login]").fill(login);
    await page.locator("input[name=password]").fill("whatever the provider asks");
    await page.getByRole("button", { name: "Sign-in" }).click();
    // The provider's consent page, then the callback, then Massekart's page again.
    await page.getByRole("button", { name: "Continue" }).click();
    await page.waitForURL((url) => url.origin !== sso.provider.issuer && !url.pathname.startsWith("/api/"), { timeout: 60_000 });
  }

  const me = (page: Page) =>
    page.evaluate(async () => {
      const answer = await fetch("/api/me");
      return answer.status === 200 ? ((await answer.json()) as Record<string, unknown>) : answer.status;
    });

  it("signs a planner in through the provider, with the role from the group claim", async () => {
    sso.provider.identities.set("kari", { name: "Kari Nordmann", preferred_username: "kari.nordmann@asker.kommune.no", groups: ["alle-ansatte", "massekart-planners"] });
    const page = await openSignIn(browser!.context, sso.server.url);
    // Both ways are offered.
    await page.getByRole("link", { name: "Sign in with Asker kommune" }).waitFor();
    expect(await page.getByLabel("Username").count()).toBe(1);
    await page.screenshot({ path: "/tmp/oidc-sign-in-1440.png" });

    await signInAtProvider(page, "kari");
    const account = page.getByRole("button", { name: "Account: Kari Nordmann planner" });
    await account.waitFor({ timeout: 90_000 });
    // Back on the page the sign-in started from, in its language.
    expect(new URL(page.url()).search).toBe("?lang=en");
    expect(await me(page)).toEqual({ username: "kari.nordmann", role: "planner", displayName: "Kari Nordmann", signInMethod: "sso" });
    // A planner: no Accounts view; an SSO account has no password here to change.
    expect(await page.getByRole("button", { name: "Accounts", exact: true }).count()).toBe(0);
    // The map takes the page's main thread while it starts; the menu is used once it is there.
    await page.waitForSelector("body[data-map-ready='true']", { timeout: 120_000 });
    await account.click();
    expect(await page.getByRole("menuitem").allTextContents()).toEqual(["My sessions"]);
    await page.keyboard.press("Escape");
    await page.screenshot({ path: "/tmp/oidc-signed-in-1440.png" });
  });

  it("signs a second user in with the role their claim maps to, and follows a changed claim at the next sign-in", async () => {
    sso.provider.identities.set("ola", { name: "Ola Nordmann", preferred_username: "ola@asker.kommune.no", groups: ["massekart-viewers"] });
    const page = await openSignIn(browser!.context, sso.server.url);
    await signInAtProvider(page, "ola");
    await page.getByRole("button", { name: "Account: Ola Nordmann viewer" }).waitFor({ timeout: 90_000 });
    expect(await me(page)).toMatchObject({ username: "ola", role: "viewer" });

    // The organisation makes Kari an admin: her next sign-in says so.
    sso.provider.identities.set("kari", { name: "Kari Nordmann", preferred_username: "kari.nordmann@asker.kommune.no", groups: ["massekart-admins"] });
    const again = await openSignIn(browser!.context, sso.server.url);
    await signInAtProvider(again, "kari");
    await again.getByRole("button", { name: "Account: Kari Nordmann administrator" }).waitFor({ timeout: 90_000 });
    expect(await again.getByRole("button", { name: "Accounts", exact: true }).count()).toBe(1);
  });

  it("refuses a deactivated user and says why on the sign-in page", async () => {
    const admin = apiClient(sso.server.url);
    await expectJson(await admin.login("admin"), 200);
    const ola = await expectJson<UserAccount>(await admin.request("GET", "/api/users/ola"), 200);
    await expectJson(await admin.request("PUT", "/api/users/ola", { displayName: ola.displayName, role: ola.role, active: false, version: ola.version }), 200);

    const page = await openSignIn(browser!.context, sso.server.url);
    await signInAtProvider(page, "ola");
    const alert = page.getByRole("alert");
    await expect.poll(() => textNow(alert), { timeout: 60_000 }).toBe("Sign-in refused: your Massekart account is deactivated. Ask an administrator to reactivate it.");
    // The sign-in page, with both ways to sign in; the reason is not kept in the address.
    await page.getByRole("link", { name: "Sign in with Asker kommune" }).waitFor();
    expect(await page.getByLabel("Username").count()).toBe(1);
    expect(new URL(page.url()).search).toBe("?lang=en");
    expect(await me(page)).toBe(401);
    await page.screenshot({ path: "/tmp/oidc-refused-1440.png" });

    // In Norwegian too.
    const norsk = await openSignIn(browser!.context, sso.server.url, "nb");
    await norsk.getByRole("link", { name: "Logg inn med Asker kommune" }).click();
    await norsk.locator("input[name=login]").fill("ola");
    await norsk.locator("input[name=password]").fill("x");
    await norsk.getByRole("button", { name: "Sign-in" }).click();
    await norsk.getByRole("button", { name: "Continue" }).click();
    await expect.poll(() => textNow(norsk.getByRole("alert")), { timeout: 60_000 }).toContain("Massekart-kontoen din er deaktivert");
  });

  it("offers only the provider when passwords are switched off (MASSEKART_LOCAL_LOGIN=false)", async () => {
    const ssoOnly = await startWithSso({ MASSEKART_LOCAL_LOGIN: "false" }, { demo: false });
    const previous = sso;
    sso = ssoOnly;
    try {
      ssoOnly.provider.identities.set("kari", { name: "Kari Nordmann", preferred_username: "kari.nordmann@asker.kommune.no", groups: ["massekart-admins"] });
      const page = await openSignIn(browser!.context, ssoOnly.server.url);
      await page.getByRole("link", { name: "Sign in with Asker kommune" }).waitFor();
      expect(await textNow(page.getByRole("main"))).toContain("This installation uses single sign-on only.");
      expect(await page.getByLabel("Username").count()).toBe(0);
      expect(await page.getByLabel("Password").count()).toBe(0);
      expect(await page.getByRole("button", { name: "Log in" }).count()).toBe(0);
      await page.screenshot({ path: "/tmp/oidc-sso-only-1440.png" });

      // The first admin comes through the role mapping.
      await signInAtProvider(page, "kari");
      await page.getByRole("button", { name: "Account: Kari Nordmann administrator" }).waitFor({ timeout: 90_000 });
      expect(await me(page)).toMatchObject({ username: "kari.nordmann", role: "admin", signInMethod: "sso" });
    } finally {
      sso = previous;
      await ssoOnly.server.stop();
      await ssoOnly.provider.close();
    }
    expect(pageErrors).toEqual([]);
  });
});
