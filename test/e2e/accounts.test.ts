/**
 * Accounts end to end in Chromium (issue 14): an admin creates a user in the Accounts view and
 * gets a temporary password; the user signs in with it, is held on the password screen until they
 * choose their own, then works; sessions can be seen and ended; refusals (a taken username, the
 * last admin, a stale version) show in words.
 */
import { type BrowserContext, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { UserAccount } from "../../src/core/domain/users-api";
import { launchBrowser, type LaunchedBrowser } from "../support/browser";
import { apiClient, expectJson, startTestServer, type TestServer } from "../support/server";

const newUser = { username: "kari.nordmann", displayName: "Kari Nordmann" };
const karisPassword = "fjellet bak huset er grønt";

// Chromium on a shared machine: sign-ins that load the map take tens of seconds.
describe("accounts in a real browser", { timeout: 240_000 }, () => {
  let server: TestServer;
  let browser: LaunchedBrowser | undefined;
  let second: LaunchedBrowser | undefined;
  const pageErrors: string[] = [];
  let temporaryPassword = "";

  beforeAll(async () => {
    server = await startTestServer("pglite");
    browser = await launchBrowser(inject("chromiumPath"), { width: 1440, height: 900 });
    second = await launchBrowser(inject("chromiumPath"), { width: 390, height: 844 });
  });
  afterAll(async () => {
    await browser?.close();
    await second?.close();
    await server?.stop();
  });

  const textNow = (locator: Locator) => locator.textContent({ timeout: 1_000 }).catch(() => null);

  async function openSignIn(context: BrowserContext): Promise<Page> {
    await context.clearCookies();
    const page = await context.newPage();
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await page.goto(`${server.url}/?lang=en`);
    return page;
  }
  /** On a phone the header's controls fold into its "Menu": open it first when it is there and shut. */
  async function openHeaderMenu(page: Page): Promise<void> {
    const menu = page.getByRole("button", { name: "Menu", exact: true });
    if ((await menu.isVisible()) && (await menu.getAttribute("aria-expanded")) !== "true") await menu.click();
  }
  const karisAccountButton = (page: Page) => page.getByRole("button", { name: `Account: ${newUser.displayName} project engineer` });
  async function openAccountMenu(page: Page): Promise<void> {
    await openHeaderMenu(page);
    await karisAccountButton(page).click();
  }
  async function signIn(context: BrowserContext, username: string, password: string): Promise<Page> {
    const page = await openSignIn(context);
    await page.getByLabel("Username").fill(username);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Log in" }).click();
    return page;
  }

  it("lets an admin create a user, who gets a temporary password shown once", async () => {
    const page = await signIn(browser!.context, "admin", "demo");
    await page.waitForSelector("body[data-map-ready='true']", { timeout: 120_000 });
    await page.getByRole("button", { name: "Accounts", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "Accounts" });
    await expect.poll(() => dialog.getByRole("row").count()).toBeGreaterThan(4);
    // The demo's accounts, with their roles and sign-in times (admin signed in just now).
    const adminRow = dialog.getByRole("row", { name: /^admin/ });
    expect(await textNow(adminRow)).toContain("Administrator".toLowerCase());
    expect(await textNow(adminRow)).not.toContain("Never");

    await dialog.getByRole("button", { name: "New user" }).click();
    const form = dialog.getByRole("form", { name: "New user" });
    await form.getByLabel("Username").fill(newUser.username);
    await form.getByLabel("Display name").fill(newUser.displayName);
    await form.getByLabel("Role").selectOption("engineer");
    await form.getByRole("radio", { name: "Generate a temporary password" }).check();
    await form.getByRole("button", { name: "Create user" }).click();

    const shown = dialog.getByRole("alert", { name: `Temporary password for ${newUser.username}` });
    temporaryPassword = (await shown.getByTestId("temporary-password").textContent()) ?? "";
    expect(temporaryPassword.length).toBeGreaterThanOrEqual(12);
    await expect.poll(() => textNow(dialog.getByRole("status").first())).toBe(`${newUser.username} is created.`);
    const row = dialog.getByRole("row", { name: new RegExp(`^${newUser.username.replace(".", "\\.")}`) });
    expect(await textNow(row)).toMatch(/Kari Nordmann.*project engineer.*Active.*Must change password.*Never/);
    await page.screenshot({ path: "/tmp/accounts-1440.png" });
    await shown.getByRole("button", { name: "Done" }).click();
    expect(await shown.count()).toBe(0);

    // The same username again: refused, and said so beside the field.
    await dialog.getByRole("button", { name: "New user" }).click();
    await form.getByLabel("Username").fill(newUser.username);
    await form.getByRole("button", { name: "Create user" }).click();
    await expect.poll(() => textNow(form)).toContain("The username is already taken");
    expect(await form.getByLabel("Username").getAttribute("aria-invalid")).toBe("true");
    await form.getByRole("button", { name: "Cancel" }).click();

    // The only admin cannot deactivate themselves.
    await dialog.getByRole("button", { name: "Deactivate admin" }).click();
    await expect.poll(() => textNow(dialog.getByRole("alert"))).toContain("This is the last active administrator");
  });

  it("shows who changed an account when the admin's copy is stale", async () => {
    const page = browser!.context.pages().at(-1)!;
    const dialog = page.getByRole("dialog", { name: "Accounts" });
    // Another admin session changes the planner behind this page's back.
    const other = apiClient(server.url);
    await expectJson(await other.login("admin"), 200);
    const planner = (await expectJson<UserAccount>(await other.request("GET", "/api/users/planner"), 200));
    await expectJson(await other.request("PUT", "/api/users/planner", { displayName: "Per Planlegger", role: "planner", active: true, version: planner.version }), 200);

    await dialog.getByRole("button", { name: "Edit planner" }).click();
    const form = dialog.getByRole("form", { name: "Edit planner" });
    await form.getByLabel("Display name").fill("Pia Planner");
    await form.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => textNow(dialog.getByRole("alert"))).toMatch(/admin changed planner .*make your change again/);
    // The form now holds what is saved, so a second save is based on the current version.
    expect(await form.getByLabel("Display name").inputValue()).toBe("Per Planlegger");
    await form.getByLabel("Display name").fill("Pia Planner");
    await form.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => textNow(dialog.getByRole("status").first())).toBe("planner is saved.");
    expect(await textNow(dialog.getByRole("row", { name: /^planner/ }))).toContain("Pia Planner");
  });

  it("holds the new user on the password screen until they choose their own, then lets them work", async () => {
    const page = await signIn(second!.context, newUser.username, temporaryPassword);
    await page.getByRole("heading", { name: "Choose your own password" }).waitFor();
    // Nothing else of the app is there, and the server refuses the rest too.
    expect(await page.getByRole("button", { name: "Projects", exact: true }).count()).toBe(0);
    expect(await page.evaluate(async () => (await fetch("/api/projects")).status)).toBe(403);

    await page.getByLabel("Current password").fill(temporaryPassword);
    await page.getByLabel("New password", { exact: true }).fill("short");
    await page.getByLabel("Repeat new password").fill("short");
    await page.getByRole("button", { name: "Change password" }).click();
    await expect.poll(() => textNow(page.locator(".field-error"))).toBe("The password must be at least 12 characters.");
    await page.screenshot({ path: "/tmp/forced-password-390.png" });

    // The breach list is the server's alone: its refusal comes back translated.
    await page.getByLabel("New password", { exact: true }).fill("password1234");
    await page.getByLabel("Repeat new password").fill("password1234");
    await page.getByRole("button", { name: "Change password" }).click();
    await expect.poll(() => textNow(page.locator(".field-error"))).toBe("The password is among the most used passwords; choose another.");

    await page.getByLabel("New password", { exact: true }).fill(karisPassword);
    await page.getByLabel("Repeat new password").fill(karisPassword);
    await page.getByRole("button", { name: "Change password" }).click();
    await page.waitForSelector("body[data-map-ready='true']", { timeout: 90_000 });
    // An engineer: no Accounts button.
    expect(await page.getByRole("button", { name: "Accounts", exact: true }).count()).toBe(0);
    expect(await page.evaluate(async () => (await fetch("/api/projects")).status)).toBe(200);
    await page.screenshot({ path: "/tmp/map-engineer-390.png" });
  });

  it("lists the user's sessions with the current one marked and ends the others", async () => {
    // Kari also signs in in a second browser.
    const elsewhere = await signIn(browser!.context, newUser.username, karisPassword);
    await elsewhere.waitForSelector("body[data-map-ready='true']", { timeout: 90_000 });
    const page = second!.context.pages().at(-1)!;
    await openAccountMenu(page);
    await page.getByRole("menuitem", { name: "My sessions" }).click();
    const dialog = page.getByRole("dialog", { name: "My sessions" });
    const rows = dialog.getByRole("table", { name: "Active sessions" }).locator("tbody tr");
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.first().getAttribute("aria-current")).toBe("true");
    expect(await textNow(rows.first())).toContain("This session");
    expect(await textNow(rows.first())).toContain("Chrome");
    await page.screenshot({ path: "/tmp/sessions-390.png" });

    await dialog.getByRole("button", { name: "Sign out all other sessions" }).click();
    await expect.poll(() => textNow(dialog.getByRole("status").first())).toBe("1 other sessions ended.");
    await expect.poll(() => rows.count()).toBe(1);
    expect(await elsewhere.evaluate(async () => (await fetch("/api/me")).status)).toBe(401);
    expect(await page.evaluate(async () => (await fetch("/api/me")).status)).toBe(200);
    await dialog.getByRole("button", { name: "Close" }).click();
  });

  it("changes the password from the account menu, refusing a wrong current one", async () => {
    const page = second!.context.pages().at(-1)!;
    await openAccountMenu(page);
    await page.getByRole("menuitem", { name: "Change password" }).click();
    const dialog = page.getByRole("dialog", { name: "Change password" });
    await dialog.getByLabel("Current password").fill("not my password at all");
    await dialog.getByLabel("New password", { exact: true }).fill("a completely different phrase");
    await dialog.getByLabel("Repeat new password").fill("a completely different phrase");
    await dialog.getByRole("button", { name: "Change password" }).click();
    await expect.poll(() => textNow(dialog.locator(".field-error"))).toBe("The current password is wrong.");
    await dialog.getByLabel("Current password").fill(karisPassword);
    await dialog.getByRole("button", { name: "Change password" }).click();
    await expect.poll(() => textNow(dialog), { timeout: 20_000 }).toContain("Your password is changed. You are signed out on other devices.");
    const check = apiClient(server.url);
    expect((await check.login(newUser.username, "a completely different phrase")).status).toBe(200);
  });

  it("brings the user's screen back to sign-in at their next click when an admin resets their password, then holds them on the password screen", async () => {
    // Kari works in the phone-sized browser; an admin resets her password in the other one.
    const karis = second!.context.pages().at(-1)!;
    // The password dialog of the test before is still open.
    await karis.getByRole("dialog", { name: "Change password" }).getByRole("button", { name: "Close" }).click();
    const adminPage = await signIn(browser!.context, "admin", "demo");
    await adminPage.waitForSelector("body[data-map-ready='true']", { timeout: 120_000 });
    await adminPage.getByRole("button", { name: "Accounts", exact: true }).click();
    const dialog = adminPage.getByRole("dialog", { name: "Accounts" });
    await dialog.getByRole("button", { name: `New password for ${newUser.username}` }).click();
    await dialog.getByRole("button", { name: "Make new password" }).click();
    const shown = dialog.getByRole("alert", { name: `Temporary password for ${newUser.username}` });
    const temporary = (await shown.getByTestId("temporary-password").textContent()) ?? "";
    expect(temporary.length).toBeGreaterThanOrEqual(12);

    // Kari's next action (any call) finds her session ended: the sign-in page says why, at once.
    await openAccountMenu(karis);
    await karis.getByRole("menuitem", { name: "My sessions" }).click();
    await expect.poll(() => textNow(karis.getByRole("alert")), { timeout: 20_000 }).toMatch(/^You are signed out: your session has ended .*an administrator reset your password/);
    await karis.getByRole("button", { name: "Log in" }).waitFor();
    await karis.screenshot({ path: "/tmp/session-ended-390.png" });

    // With the temporary password she gets only the password screen, until she chooses her own.
    await karis.getByLabel("Username").fill(newUser.username);
    await karis.getByLabel("Password").fill(temporary);
    await karis.getByRole("button", { name: "Log in" }).click();
    await karis.getByRole("heading", { name: "Choose your own password" }).waitFor();
    await karis.getByLabel("Current password").fill(temporary);
    await karis.getByLabel("New password", { exact: true }).fill(karisPassword);
    await karis.getByLabel("Repeat new password").fill(karisPassword);
    await karis.getByRole("button", { name: "Change password" }).click();
    await karis.waitForSelector("body[data-map-ready='true']", { timeout: 90_000 });
    await openHeaderMenu(karis);
    await karisAccountButton(karis).waitFor();
  });

  it("picks project members from active engineers and marks a deactivated member", async () => {
    const admin = apiClient(server.url);
    await expectJson(await admin.login("admin"), 200);
    const project = await expectJson<{ id: string; version: number }>(
      await admin.request("POST", "/api/projects", { name: "E2E medlemmer", status: "planned", location: { type: "Point", coordinates: [10.43, 59.83] }, members: [newUser.username] }),
      201,
    );
    const kari = await expectJson<UserAccount>(await admin.request("GET", `/api/users/${newUser.username}`), 200);
    await expectJson(await admin.request("PUT", `/api/users/${newUser.username}`, { displayName: kari.displayName, role: kari.role, active: false, version: kari.version }), 200);

    const fresh = await signIn(browser!.context, "planner", "demo");
    await fresh.waitForSelector("body[data-map-ready='true']", { timeout: 90_000 });
    const members = await fresh.evaluate(async (id) => ((await (await fetch(`/api/projects/${id}`)).json()) as { members: string[] }).members, project.id);
    expect(members).toEqual([newUser.username]);
    await fresh.getByRole("button", { name: "Projects", exact: true }).click();
    await fresh.getByRole("searchbox", { name: "Search projects" }).fill("E2E medlemmer");
    await fresh.getByRole("list", { name: "Projects" }).getByRole("button", { name: /E2E medlemmer/ }).click();
    await fresh.getByRole("complementary", { name: "Details" }).getByRole("button", { name: "Edit" }).click();
    const picker = fresh.getByRole("group", { name: "Members" });
    await expect.poll(() => textNow(picker)).toContain("Kari Nordmann (kari.nordmann)Deactivated");
    // Active engineers are offered; the demo's engineer is one.
    expect(await picker.getByRole("checkbox", { name: /^engineer/ }).count()).toBe(1);
    expect(pageErrors).toEqual([]);
  });
});
