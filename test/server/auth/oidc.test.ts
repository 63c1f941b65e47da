/**
 * Single sign-on against a real OpenID Connect provider on localhost (oidc-provider), followed
 * over HTTP as a browser would: the relying party's redirect, the provider's login and consent
 * forms, the callback. Chromium walks the same flow in the end-to-end test.
 */
import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuditEntry } from "../../../src/core/domain/registry-api";
import type { AuthConfig, UserAccount } from "../../../src/core/domain/users-api";
import { usernameFromClaim } from "../../../src/server/auth/oidc";
import { claimValues, mapRole, parseRoleMapping } from "../../../src/server/auth/role-mapping";
import { readConfig, type ServerConfig } from "../../../src/server/config";
import { StartupError } from "../../../src/server/db/database";
import { startServer, type RunningServer } from "../../../src/server/server";
import { backendNames, prepareTestDatabase, type PreparedDatabase } from "../../support/databases";
import { FormBrowser, ssoEnv, startTestProvider, testClient, type TestProvider } from "../../support/oidc-provider";
import { apiClient, type ApiClient } from "../../support/server";


async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const port = (probe.address() as { port: number }).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

describe.each(backendNames)("single sign-on on %s", (backend) => {
  let provider: TestProvider;
  let server: RunningServer;
  let database: PreparedDatabase;
  let admin: ApiClient;
  const log: string[] = [];

  beforeAll(async () => {
    const port = await freePort();
    const publicUrl = `http://127.0.0.1:${port}`;
    provider = await startTestProvider(`${publicUrl}/api/auth/oidc/callback`);
    database = await prepareTestDatabase(backend);
    const config: ServerConfig = {
      ...readConfig(ssoEnv(publicUrl, provider, { MASSEKART_OIDC_ROLE_CLAIM: "groups", MASSEKART_OIDC_NAME: "Asker kommune" })),
      port,
      databaseUrl: database.databaseUrl,
      dataDir: database.dataDir,
    };
    server = await startServer(config, { allowDemo: true, log: (message) => log.push(message) });
    admin = apiClient(server.url);
    expect((await admin.login("admin")).status).toBe(200);
  });
  afterAll(async () => {
    await server?.close();
    await database?.drop();
    await provider?.close();
  });

  const isCallback = (url: URL) => url.pathname === "/api/auth/oidc/callback";
  /** Starts at Massekart's SSO link and signs in at the provider; stops where the provider sends the browser back. */
  async function atProvider(browser: FormBrowser, login: string, { returnTo, editAuthorization }: { returnTo?: string; editAuthorization?: (url: URL) => void } = {}) {
    const start = await browser.get(`${server.url}/api/auth/oidc/login${returnTo ? `?returnTo=${encodeURIComponent(returnTo)}` : ""}`);
    expect(start.status).toBe(302);
    const authorization = new URL(start.headers.get("location") ?? "");
    expect(authorization.origin).toBe(provider.issuer);
    editAuthorization?.(authorization);
    const loginPage = await browser.follow(authorization.toString());
    expect(loginPage.response.status).toBe(200);
    const consentPage = await browser.submitForm(loginPage.response, loginPage.url, { login, password: "anything" });
    expect(consentPage.response.status).toBe(200);
    const back = await browser.submitForm(consentPage.response, consentPage.url, {}, { stopAt: isCallback });
    expect(isCallback(back.url)).toBe(true);
    return { authorization, callback: back.url };
  }
  /** The whole sign-in: the provider, then the callback, which answers a redirect with the session cookie, or a refusal page. */
  async function signInWithSso(login: string, options: Parameters<typeof atProvider>[2] = {}) {
    const browser = new FormBrowser();
    const { callback } = await atProvider(browser, login, options);
    const response = await browser.get(callback.toString());
    const session = browser.cookie(new URL(server.url).host, "massekart_session");
    const me = session ? await fetch(`${server.url}/api/me`, { headers: { cookie: `massekart_session=${session}` } }) : undefined;
    return { response, me: me?.status === 200 ? ((await me.json()) as Record<string, unknown>) : undefined, browser, callback };
  }
  const users = async () => ((await (await admin.request("GET", "/api/users")).json()) as { items: UserAccount[] }).items;

  it("tells the sign-in page both ways to sign in", async () => {
    expect(await (await fetch(`${server.url}/api/auth/config`)).json()).toEqual({
      localLogin: true,
      oidc: { name: "Asker kommune", loginUrl: "/api/auth/oidc/login" },
    } satisfies AuthConfig);
  });

  it("sends the browser with PKCE, state and nonce, and creates the user with the mapped role at first sign-in", async () => {
    provider.identities.set("kari", {
      name: "Kari Nordmann",
      preferred_username: "Kari.Nordmann@asker.kommune.no",
      groups: ["everyone", "massekart-planners"],
    });
    const browser = new FormBrowser();
    const { authorization, callback } = await atProvider(browser, "kari", { returnTo: "/?view=scenarios" });
    expect(Object.fromEntries(authorization.searchParams)).toMatchObject({
      client_id: testClient.clientId,
      response_type: "code",
      code_challenge_method: "S256",
      redirect_uri: `${server.url}/api/auth/oidc/callback`,
      scope: "openid profile email",
    });
    for (const name of ["state", "nonce", "code_challenge"]) expect(authorization.searchParams.get(name)).toMatch(/^[\w-]{20,}$/);
    const done = await browser.get(callback.toString());
    expect(done.status).toBe(302);
    expect(done.headers.get("location")).toBe("/?view=scenarios");
    const cookie = done.headers.getSetCookie().find((line) => line.startsWith("massekart_session="));
    expect(cookie).toMatch(/HttpOnly/i);

    const session = browser.cookie(new URL(server.url).host, "massekart_session");
    const me = await fetch(`${server.url}/api/me`, { headers: { cookie: `massekart_session=${session}` } });
    expect(await me.json()).toEqual({ username: "kari.nordmann", role: "planner", displayName: "Kari Nordmann", signInMethod: "sso" });
    expect((await users()).find((u) => u.username === "kari.nordmann")).toMatchObject({ signInMethod: "sso", hasPassword: false, role: "planner" });
    const history = (await (await admin.request("GET", "/api/audit?entity=user&id=kari.nordmann")).json()) as { items: AuditEntry[] };
    expect(history.items.map((e) => `${e.action}:${e.actor}`)).toEqual(["create:sso"]);
    // SSO accounts have no password to sign in with or to change.
    expect((await apiClient(server.url).login("kari.nordmann", "anything")).status).toBe(401);
  });

  it("updates the role from the claim at later sign-ins, and never takes over a local account of the same name", async () => {
    provider.identities.set("kari", { name: "Kari Nordmann", preferred_username: "kari.nordmann@asker.kommune.no", groups: ["massekart-engineers"] });
    expect((await signInWithSso("kari")).me).toMatchObject({ username: "kari.nordmann", role: "engineer" });
    // Several groups: the strongest role wins.
    provider.identities.set("kari", { name: "Kari N.", preferred_username: "kari.nordmann@asker.kommune.no", groups: ["massekart-viewers", "massekart-admins"] });
    expect((await signInWithSso("kari")).me).toMatchObject({ username: "kari.nordmann", role: "admin", displayName: "Kari N." });
    expect((await users()).filter((u) => u.username.startsWith("kari"))).toHaveLength(1);

    provider.identities.set("someone-else", { name: "Noen", preferred_username: "planner@asker.kommune.no", groups: ["massekart-viewers"] });
    expect((await signInWithSso("someone-else")).me).toMatchObject({ username: "planner-2", role: "viewer" });
    expect((await users()).find((u) => u.username === "planner")).toMatchObject({ role: "planner", signInMethod: "password" });
  });

  it("refuses a deactivated user, and one whose claim maps to no role, creating no account", async () => {
    provider.identities.set("ola", { name: "Ola", preferred_username: "ola@asker.kommune.no", groups: ["massekart-viewers"] });
    expect((await signInWithSso("ola")).me).toMatchObject({ username: "ola", role: "viewer" });
    const ola = (await users()).find((u) => u.username === "ola")!;
    expect((await admin.request("PUT", "/api/users/ola", { displayName: "Ola", role: "viewer", active: false, version: ola.version })).status).toBe(200);
    const refused = await signInWithSso("ola");
    expect(refused.response.status).toBe(403);
    // The page says why in both languages and sends the browser on to the sign-in page, which says it in the user's language.
    const refusalPage = await refused.response.text();
    expect(refusalPage).toContain("deaktivert");
    expect(refusalPage).toContain('<meta http-equiv="refresh" content="0; url=/?signInError=account_deactivated">');
    expect(refused.me).toBeUndefined();

    provider.identities.set("outsider", { name: "Utenfor", preferred_username: "outsider@example.org", groups: ["some-other-app"] });
    const outsider = await signInWithSso("outsider");
    expect(outsider.response.status).toBe(403);
    expect(outsider.me).toBeUndefined();
    expect((await users()).map((u) => u.username)).not.toContain("outsider");
    expect(log.join("\n")).toMatch(/oidc_no_role.*outsider.*some-other-app/);
  });

  it("refuses a callback with a wrong state, a wrong nonce or a forged ID token: 401, logged, no account", async () => {
    provider.identities.set("mallory", { name: "Mallory", preferred_username: "mallory@asker.kommune.no", groups: ["massekart-viewers"] });
    const before = log.length;

    const wrongState = new FormBrowser();
    const { callback } = await atProvider(wrongState, "mallory");
    callback.searchParams.set("state", "a-state-from-another-sign-in");
    expect((await wrongState.get(callback.toString())).status).toBe(401);

    // The provider signs a nonce other than the one Massekart sent (a token meant for another sign-in).
    const wrongNonce = await signInWithSso("mallory", { editAuthorization: (url) => url.searchParams.set("nonce", "not-the-nonce-massekart-sent") });
    expect(wrongNonce.response.status).toBe(401);
    expect(wrongNonce.me).toBeUndefined();

    // A man in the middle makes mallory an admin in the ID token: the signature no longer fits the provider's keys.
    provider.tamperIdTokens((claims) => ({ ...claims, groups: ["massekart-admins"] }));
    try {
      const forged = await signInWithSso("mallory");
      expect(forged.response.status).toBe(401);
      expect(forged.me).toBeUndefined();
    } finally {
      provider.tamperIdTokens(undefined);
    }

    expect((await users()).filter((u) => u.username === "mallory")).toHaveLength(0);
    const logged = log.slice(before).join("\n");
    expect(logged).toContain("oidc_state_mismatch");
    expect(logged).toMatch(/oidc_invalid_response.*nonce/i);
    expect(logged).toMatch(/oidc_invalid_response.*signature/i);
  });

  it("accepts a callback only in the browser that started the sign-in, and only once", async () => {
    provider.identities.set("nils", { name: "Nils", preferred_username: "nils@asker.kommune.no", groups: ["massekart-viewers"] });
    const nils = new FormBrowser();
    const { callback } = await atProvider(nils, "nils");
    // An attacker's finished sign-in slipped into someone else's browser (login CSRF): refused.
    const victim = new FormBrowser();
    expect((await victim.get(callback.toString())).status).toBe(401);
    expect(victim.cookie(new URL(server.url).host, "massekart_session")).toBeUndefined();
    expect((await nils.get(callback.toString())).status).toBe(302);
    // The same answer again (a replay): refused.
    const replay = new FormBrowser();
    expect((await replay.get(callback.toString())).status).toBe(401);
    expect((await nils.get(callback.toString())).status).toBe(401);
    expect(log.join("\n")).toContain("oidc_no_transaction");
  });

  it("keeps the return address on this site", async () => {
    provider.identities.set("kari", { name: "Kari Nordmann", preferred_username: "kari.nordmann@asker.kommune.no", groups: ["massekart-admins"] });
    for (const returnTo of ["https://evil.example/", "//evil.example/x", "/\\evil.example"]) {
      const { response } = await signInWithSso("kari", { returnTo });
      expect(response.headers.get("location"), returnTo).toBe("/");
    }
  });
});

describe("single sign-on only (MASSEKART_LOCAL_LOGIN=false)", () => {
  let provider: TestProvider;
  let server: RunningServer;
  let database: PreparedDatabase;

  beforeAll(async () => {
    const port = await freePort();
    provider = await startTestProvider(`http://127.0.0.1:${port}/api/auth/oidc/callback`);
    database = await prepareTestDatabase("pglite");
    const config: ServerConfig = {
      ...readConfig(ssoEnv(`http://127.0.0.1:${port}`, provider, { MASSEKART_LOCAL_LOGIN: "false" })),
      port,
      databaseUrl: database.databaseUrl,
      dataDir: database.dataDir,
    };
    // No MASSEKART_ADMIN_PASSWORD needed: the first admin comes through the role mapping.
    server = await startServer(config, { allowDemo: false, log: () => undefined });
  });
  afterAll(async () => {
    await server?.close();
    await database?.drop();
    await provider?.close();
  });

  it("starts with no accounts, refuses passwords, and offers only the provider", async () => {
    expect(server.outcome.kind).toBe("awaiting-sso");
    expect(await (await fetch(`${server.url}/api/auth/config`)).json()).toEqual({
      localLogin: false,
      oidc: { name: "127.0.0.1", loginUrl: "/api/auth/oidc/login" },
    });
    const password = await apiClient(server.url).login("admin", "whatever-it-is");
    expect(password.status).toBe(403);
    expect((await password.json()).error.code).toBe("local_login_disabled");
  });
});

describe("single sign-on settings", () => {
  const complete = {
    MASSEKART_PUBLIC_URL: "https://massekart.asker.kommune.no",
    MASSEKART_OIDC_ISSUER: "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0",
    MASSEKART_OIDC_CLIENT_ID: "app-id",
    MASSEKART_OIDC_CLIENT_SECRET: "secret",
    MASSEKART_OIDC_ROLE_MAP: "Massekart.Admin=admin;Massekart.Planner=planner",
  };
  const problem = (env: Record<string, string>) => {
    try {
      readConfig(env);
      return "";
    } catch (error) {
      expect(error).toBeInstanceOf(StartupError);
      return (error as Error).message;
    }
  };

  it("reads a complete Entra ID setup with its defaults", () => {
    expect(readConfig(complete).oidc).toMatchObject({
      roleClaim: "roles",
      usernameClaim: "preferred_username",
      scopes: "openid profile email",
      displayName: "Microsoft Entra ID",
    });
  });

  it("names what is missing or wrong", () => {
    expect(problem({ ...complete, MASSEKART_OIDC_CLIENT_SECRET: "" })).toContain("MASSEKART_OIDC_CLIENT_SECRET missing");
    expect(problem({ ...complete, MASSEKART_PUBLIC_URL: "" })).toContain("needs MASSEKART_PUBLIC_URL");
    expect(problem({ ...complete, MASSEKART_OIDC_ISSUER: "http://idp.example.org" })).toContain("must use https");
    expect(problem({ ...complete, MASSEKART_OIDC_ROLE_MAP: "Massekart.Admin=root" })).toContain('names the role "root"');
    expect(problem({ MASSEKART_LOCAL_LOGIN: "false" })).toContain("no single sign-on is set up");
    expect(problem({ MASSEKART_LOCAL_LOGIN: "nei" })).toContain("MASSEKART_LOCAL_LOGIN=nei is not valid");
    expect(problem({ MASSEKART_PUBLIC_URL: "https://massekart.example/app" })).toContain("without a path");
    expect(problem({ MASSEKART_TRUST_PROXY: "yes" })).toContain("MASSEKART_TRUST_PROXY=yes is not valid");
    expect(readConfig({ MASSEKART_TRUST_PROXY: "2" }).trustedProxyHops).toBe(2);
    expect(problem({ ...complete, MASSEKART_OIDC_SCOPES: "profile email" })).toContain("must include openid");
  });

  it("marks cookies Secure behind an https public address unless told otherwise", () => {
    expect(readConfig({}).secureCookies).toBe(false);
    expect(readConfig({ MASSEKART_PUBLIC_URL: "https://massekart.asker.kommune.no" }).secureCookies).toBe(true);
    expect(readConfig({ MASSEKART_PUBLIC_URL: "https://massekart.asker.kommune.no", MASSEKART_SECURE_COOKIES: "false" }).secureCookies).toBe(false);
    expect(readConfig({ MASSEKART_PUBLIC_URL: "http://127.0.0.1:8080" }).secureCookies).toBe(false);
  });
});

describe("role mapping", () => {
  it("maps claim values to roles, the strongest first, with * for everyone else", () => {
    const parsed = parseRoleMapping("g-admins=admin;\n g-plan = planner ; weird=value=engineer; *=viewer");
    if (!parsed.ok) throw new Error(parsed.problem);
    expect(mapRole(parsed.mapping, ["g-plan", "g-admins"])).toBe("admin");
    expect(mapRole(parsed.mapping, ["weird=value"])).toBe("engineer");
    expect(mapRole(parsed.mapping, ["unknown"])).toBe("viewer");
    const strict = parseRoleMapping("g-plan=planner");
    if (!strict.ok) throw new Error(strict.problem);
    expect(mapRole(strict.mapping, ["unknown"])).toBeUndefined();
    expect(parseRoleMapping("no-role-here")).toMatchObject({ ok: false });
    expect(parseRoleMapping(" ; ")).toMatchObject({ ok: false });
  });

  it("reads a claim by name, by dotted path into nested objects, and as a single value", () => {
    const claims = { roles: ["a", "b"], realm_access: { roles: ["kc-planner"] }, "https://example.org/roles": "namespaced", tid: 7 };
    expect(claimValues(claims, "roles")).toEqual(["a", "b"]);
    expect(claimValues(claims, "realm_access.roles")).toEqual(["kc-planner"]);
    expect(claimValues(claims, "https://example.org/roles")).toEqual(["namespaced"]);
    expect(claimValues(claims, "tid")).toEqual(["7"]);
    expect(claimValues(claims, "missing")).toEqual([]);
  });

  it("makes valid usernames from the provider's names", () => {
    expect(usernameFromClaim("Kari.Nordmann@asker.kommune.no")).toBe("kari.nordmann");
    expect(usernameFromClaim("bjørn.ærlig-åsen@asker.kommune.no")).toBe("bjorn.aerlig-asen");
    expect(usernameFromClaim("Émile Zola")).toBe("emile-zola");
    expect(usernameFromClaim("x")).toBe("user-x");
    expect(usernameFromClaim("4f1c-aa09")).toBe("4f1c-aa09");
  });
});
