import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Project } from "../../../src/core/domain/records";
import type { AuditEntry } from "../../../src/core/domain/registry-api";
import type { PasswordResetResult, SessionInfo, UserAccount, UserListItem } from "../../../src/core/domain/users-api";
import { defaultLoginThrottleOptions } from "../../../src/server/auth/login-throttle";
import { insertUser } from "../../../src/server/repositories/users";
import { backendNames } from "../../support/databases";
import { apiClient, demoClients, expectJson, startTestServer, type ApiClient, type TestServer } from "../../support/server";

type Actor = "anonymous" | "viewer" | "engineer" | "planner" | "admin";
const actors: Actor[] = ["anonymous", "viewer", "engineer", "planner", "admin"];
/** Who may manage accounts: admins only; anonymous callers are asked to sign in. */
const adminOnly = (actor: Actor, ok: number) => (actor === "admin" ? ok : actor === "anonymous" ? 401 : 403);

/** Passwords that satisfy the rules (12+ characters, not common, not the username). */
const goodPassword = "Tromsøbadet i regnvær";
const otherGoodPassword = "Lysaker-brygge-kl-0715";

const projectBody = (name: string, members: string[] = []) => ({
  name,
  status: "planned",
  location: { type: "Point", coordinates: [10.47, 59.8] },
  contact: "Prosjektleder (test)",
  notes: "",
  members,
});

describe.each(backendNames)("accounts API on %s", (backend) => {
  let server: TestServer;
  let clients: Record<Actor, ApiClient>;

  beforeAll(async () => {
    // Wrong passwords are part of these tests; the throttle has tests of its own (sign-in-hardening).
    server = await startTestServer(backend, { config: { loginThrottle: { ...defaultLoginThrottleOptions, addressLimit: 1000 } } });
    // Demo accounts are seeded with the password "demo", outside the password rules, as before.
    clients = await demoClients(server, actors);
  });
  afterAll(async () => {
    await server?.stop();
  });

  const json = expectJson;
  const account = async (username: string) =>
    (await json<{ items: UserAccount[] }>(await clients.admin.request("GET", "/api/users"), 200)).items.find((u) => u.username === username);
  /** An account made by the admin, already past its first-password change, with a signed-in client. */
  async function readyUser(username: string, role: UserAccount["role"]): Promise<ApiClient> {
    await json(await clients.admin.request("POST", "/api/users", { username, role, password: goodPassword }), 201);
    const client = apiClient(server.url);
    await json(await client.login(username, goodPassword), 200);
    await json(await client.request("PUT", "/api/me/password", { currentPassword: goodPassword, newPassword: otherGoodPassword }), 200);
    return client;
  }

  describe("who may call what", () => {
    it.each(actors)("GET /api/users as %s: admins see sign-in details, others names only", async (actor) => {
      const response = await clients[actor].request("GET", "/api/users");
      if (actor === "anonymous") return void expect(response.status).toBe(401);
      const { items } = await json<{ items: (UserListItem & Partial<UserAccount>)[] }>(response, 200);
      const admin = items.find((u) => u.username === "admin");
      if (actor === "admin") {
        expect(admin).toMatchObject({ role: "admin", active: true, mustChangePassword: false, signInMethod: "password", hasPassword: true });
        expect(Date.parse(admin?.lastSignInAt ?? "")).toBeGreaterThan(Date.now() - 10 * 60_000);
      } else {
        expect(Object.keys(admin ?? {}).sort()).toEqual(["active", "displayName", "role", "username", "version"]);
      }
      expect(items.map((u) => u.username)).toEqual(expect.arrayContaining(["admin", "engineer", "planner", "viewer"]));
    });

    it.each(actors)("account writes as %s", async (actor) => {
      const username = `made-by-${actor}`;
      const create = await clients[actor].request("POST", "/api/users", { username, role: "viewer", password: goodPassword });
      expect(create.status).toBe(adminOnly(actor, 201));
      const target = actor === "admin" ? username : "viewer";
      const current = (await account(target))!;
      const update = await clients[actor].request("PUT", `/api/users/${target}`, {
        displayName: "Ny visningsnavn",
        role: current.role,
        active: true,
        version: current.version,
      });
      expect(update.status).toBe(adminOnly(actor, 200));
      expect((await clients[actor].request("POST", `/api/users/${target}/password`)).status).toBe(adminOnly(actor, 200));
      expect((await clients[actor].request("GET", `/api/users/${target}`)).status).toBe(adminOnly(actor, 200));
      if (actor !== "admin") expect(await account(username)).toBeUndefined();
    });

    it.each(actors)("own account routes as %s need only a session", async (actor) => {
      const sessions = await clients[actor].request("GET", "/api/me/sessions");
      expect(sessions.status).toBe(actor === "anonymous" ? 401 : 200);
      const change = await clients[actor].request("PUT", "/api/me/password", { currentPassword: "wrong-one", newPassword: otherGoodPassword });
      expect(change.status).toBe(actor === "anonymous" ? 401 : 400);
    });
  });

  it("creates an account whose first password must be replaced before anything else, and audits it", async () => {
    const created = await json<UserAccount>(
      await clients.admin.request("POST", "/api/users", { username: "kari.nordmann", displayName: "Kari Nordmann", role: "engineer", password: goodPassword }),
      201,
    );
    expect(created).toMatchObject({
      username: "kari.nordmann",
      displayName: "Kari Nordmann",
      role: "engineer",
      active: true,
      lastSignInAt: null,
      mustChangePassword: true,
      signInMethod: "password",
      version: 1,
      updatedBy: "admin",
    });
    const kari = apiClient(server.url);
    // Usernames are lower case; the sign-in takes them as typed.
    expect(await json(await kari.login("Kari.Nordmann", goodPassword), 200)).toEqual({
      username: "kari.nordmann",
      role: "engineer",
      displayName: "Kari Nordmann",
      mustChangePassword: true,
    });
    const blocked = await kari.request("GET", "/api/projects");
    expect(blocked.status).toBe(403);
    expect((await blocked.json()).error.code).toBe("password_change_required");
    expect((await kari.request("GET", "/api/me")).status).toBe(200);
    expect(
      await json(await kari.request("PUT", "/api/me/password", { currentPassword: goodPassword, newPassword: otherGoodPassword }), 200),
    ).toEqual({ username: "kari.nordmann", role: "engineer", displayName: "Kari Nordmann" });
    expect((await kari.request("GET", "/api/projects")).status).toBe(200);
    expect((await apiClient(server.url).login("kari.nordmann", goodPassword)).status).toBe(401);
    expect((await apiClient(server.url).login("kari.nordmann", otherGoodPassword)).status).toBe(200);

    const history = await json<{ items: AuditEntry[] }>(await clients.admin.request("GET", "/api/audit?entity=user&id=kari.nordmann"), 200);
    expect(history.items.map((e) => `${e.action}:${e.actor}`)).toEqual(["update:kari.nordmann", "create:admin"]);
    expect(JSON.stringify(history.items)).not.toMatch(/scrypt|password_hash/);
    expect((await clients.planner.request("GET", "/api/audit?entity=user&id=kari.nordmann")).status).toBe(403);
  });

  it("refuses duplicate usernames, bad usernames, unknown roles and weak passwords, naming the field, and creates nothing", async () => {
    const duplicate = await clients.admin.request("POST", "/api/users", { username: "planner", role: "planner", password: goodPassword });
    expect(duplicate.status).toBe(409);
    expect((await duplicate.json()).error).toMatchObject({ code: "username_taken", fields: [{ path: "username" }] });

    for (const username of ["Kari", "k", "kari@asker.kommune.no", "a".repeat(65), "kari nordmann", ""]) {
      const response = await clients.admin.request("POST", "/api/users", { username, role: "viewer", password: goodPassword });
      expect(response.status, username).toBe(400);
      expect((await response.json()).error.fields).toEqual([expect.objectContaining({ path: "username" })]);
    }
    const role = await clients.admin.request("POST", "/api/users", { username: "per", role: "superuser", password: goodPassword });
    expect(role.status).toBe(400);
    expect((await role.json()).error.fields).toEqual([expect.objectContaining({ path: "role" })]);

    const weak: [string, string][] = [
      ["kort", "password_too_short"],
      ["P.e.r.Hansen2024", "password_is_username"],
      ["1q2w3e4r5t6y", "password_common"], // 12 characters, on the NCSC list of the 100,000 most used
      ["qwertyuiopasdfghjkl", "password_common"],
      ["zzzzzzzzzzzzzz", "password_repetitive"],
    ];
    for (const [password, code] of weak) {
      const response = await clients.admin.request("POST", "/api/users", { username: "per.hansen", role: "viewer", password });
      expect(response.status, password).toBe(400);
      expect((await response.json()).error, password).toMatchObject({ code, fields: [{ path: "password" }] });
    }
    expect(await account("per.hansen")).toBeUndefined();
    expect(await account("per")).toBeUndefined();
  });

  it("versions edits, and deactivation ends sessions at once, refuses sign-in and keeps memberships", async () => {
    const ola = await readyUser("ola", "engineer");
    const project = await json<Project>(await clients.planner.request("POST", "/api/projects", projectBody("Olas prosjekt", ["ola"])), 201);
    const before = (await account("ola"))!;

    const edited = await json<UserAccount>(
      await clients.admin.request("PUT", "/api/users/ola", { displayName: "Ola Nordmann", role: "engineer", active: false, version: before.version }),
      200,
    );
    expect(edited).toMatchObject({ displayName: "Ola Nordmann", active: false, version: before.version + 1, updatedBy: "admin" });
    expect((await ola.request("GET", "/api/me")).status).toBe(401);
    const refused = await apiClient(server.url).login("ola", otherGoodPassword);
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.code).toBe("account_deactivated");
    // A wrong password says nothing about the account's state.
    expect((await apiClient(server.url).login("ola", "not-olas-password")).status).toBe(401);

    const stale = await clients.admin.request("PUT", "/api/users/ola", { displayName: "X", role: "viewer", active: true, version: before.version });
    expect(stale.status).toBe(409);
    expect((await stale.json()).current).toMatchObject({ username: "ola", version: before.version + 1, active: false });

    // Still a member, shown as inactive in the list every user may read.
    const kept = await json<Project>(await clients.viewer.request("GET", `/api/projects/${project.id}`), 200);
    expect(kept.members).toEqual(["ola"]);
    const listed = (await json<{ items: UserListItem[] }>(await clients.viewer.request("GET", "/api/users"), 200)).items;
    expect(listed.find((u) => u.username === "ola")).toMatchObject({ active: false, displayName: "Ola Nordmann" });
    // Keeping an inactive member is fine; adding one is not.
    const update = { ...projectBody("Olas prosjekt"), version: kept.version };
    expect((await clients.planner.request("PUT", `/api/projects/${project.id}`, { ...update, members: ["ola"] })).status).toBe(200);
    await readyUser("siri", "engineer");
    const siri = (await account("siri"))!;
    await json(await clients.admin.request("PUT", "/api/users/siri", { displayName: "", role: "engineer", active: false, version: siri.version }), 200);
    const adding = await clients.planner.request("PUT", `/api/projects/${project.id}`, { ...update, version: kept.version + 1, members: ["ola", "siri"] });
    expect(adding.status).toBe(400);
    expect((await adding.json()).error.fields).toEqual([{ path: "members", message: "siri is not a user", key: "validation.notAUser", params: { username: "siri" } }]);

    await json(await clients.admin.request("PUT", "/api/users/ola", { displayName: "Ola Nordmann", role: "planner", active: true, version: before.version + 1 }), 200);
    const back = apiClient(server.url);
    expect(await json(await back.login("ola", otherGoodPassword), 200)).toMatchObject({ role: "planner" });
  });

  it("applies a role change to open sessions at once", async () => {
    const trude = await readyUser("trude", "viewer");
    expect((await trude.request("POST", "/api/projects", projectBody("Trudes"))).status).toBe(403);
    const current = (await account("trude"))!;
    await json(await clients.admin.request("PUT", "/api/users/trude", { displayName: "", role: "planner", active: true, version: current.version }), 200);
    expect((await trude.request("POST", "/api/projects", projectBody("Trudes"))).status).toBe(201);
  });

  it("never lets the last active admin be demoted or deactivated, even by two admins at once", async () => {
    const admin = (await account("admin"))!;
    for (const change of [{ role: "planner", active: true }, { role: "admin", active: false }]) {
      const response = await clients.admin.request("PUT", "/api/users/admin", { displayName: "", ...change, version: admin.version });
      expect(response.status).toBe(409);
      expect((await response.json()).error.code).toBe("last_admin");
    }
    const second = await readyUser("sjef", "admin");
    const [one, two] = [(await account("admin"))!, (await account("sjef"))!];
    const statuses = await Promise.all([
      clients.admin.request("PUT", "/api/users/sjef", { displayName: "", role: "planner", active: true, version: two.version }),
      second.request("PUT", "/api/users/admin", { displayName: "", role: "planner", active: true, version: one.version }),
    ]);
    // One wins; the other finds itself the last admin (409), or already demoted when its request arrives (403).
    const [won, lost] = statuses.map((r) => r.status).sort();
    expect(won).toBe(200);
    expect([403, 409]).toContain(lost);
    const admins = (await json<{ items: UserListItem[] }>(await clients.viewer.request("GET", "/api/users"), 200)).items.filter(
      (u) => u.role === "admin" && u.active,
    );
    expect(admins).toHaveLength(1);
    // Put things back for the other tests: the remaining admin makes the other one admin again.
    const remaining = admins[0]!.username === "admin" ? clients.admin : second;
    const demoted = admins[0]!.username === "admin" ? "sjef" : "admin";
    const row = (await json<UserAccount>(await remaining.request("GET", `/api/users/${demoted}`), 200))!;
    await json(await remaining.request("PUT", `/api/users/${demoted}`, { displayName: "", role: "admin", active: true, version: row.version }), 200);
  });

  it("resets a password to a generated or given temporary one, ending the user's sessions", async () => {
    const nils = await readyUser("nils", "planner");
    const reset = await json<PasswordResetResult>(await clients.admin.request("POST", "/api/users/nils/password"), 200);
    expect(reset).toMatchObject({ username: "nils", mustChangePassword: true });
    expect(reset.generatedPassword).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){4}$/);
    expect((await nils.request("GET", "/api/me")).status).toBe(401);
    expect((await apiClient(server.url).login("nils", otherGoodPassword)).status).toBe(401);
    const again = apiClient(server.url);
    expect(await json(await again.login("nils", reset.generatedPassword!), 200)).toMatchObject({ mustChangePassword: true });

    const given = await json<PasswordResetResult>(await clients.admin.request("POST", "/api/users/nils/password", { password: "Ny-midlertidig-2027" }), 200);
    expect(given).toEqual({ username: "nils", mustChangePassword: true });
    expect((await again.request("GET", "/api/me")).status).toBe(401);
    expect((await apiClient(server.url).login("nils", "Ny-midlertidig-2027")).status).toBe(200);

    const weak = await clients.admin.request("POST", "/api/users/nils/password", { password: "password1234" });
    expect(weak.status).toBe(400);
    expect((await weak.json()).error).toMatchObject({ code: "password_common", fields: [{ path: "password" }] });
    expect((await clients.admin.request("POST", "/api/users/nobody/password")).status).toBe(404);
    expect((await clients.admin.request("POST", "/api/users/nils/password", "{not json")).status).toBe(400);

    await insertUser(server.db, "sso.bruker", "viewer", null, { identity: { issuer: "https://idp.example", subject: "abc" } });
    const sso = await clients.admin.request("POST", "/api/users/sso.bruker/password");
    expect(sso.status).toBe(409);
    expect((await sso.json()).error.code).toBe("sso_account");
  });

  it("changes one's own password: the current one checked, the new one under the rules, other sessions ended", async () => {
    const laptop = await readyUser("randi", "engineer");
    const phone = apiClient(server.url);
    await json(await phone.login("randi", otherGoodPassword), 200);

    const wrong = await laptop.request("PUT", "/api/me/password", { currentPassword: "not-it-at-all", newPassword: goodPassword });
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).error).toMatchObject({ code: "wrong_password", fields: [{ path: "currentPassword" }] });
    const common = await laptop.request("PUT", "/api/me/password", { currentPassword: otherGoodPassword, newPassword: "qwertyuiopasdfghjkl" });
    expect(common.status).toBe(400);
    expect((await common.json()).error).toMatchObject({ code: "password_common", fields: [{ path: "newPassword" }] });
    const missing = await laptop.request("PUT", "/api/me/password", { currentPassword: otherGoodPassword });
    expect((await missing.json()).error.fields).toEqual([expect.objectContaining({ path: "newPassword" })]);

    expect((await phone.request("GET", "/api/me")).status).toBe(200);
    await json(await laptop.request("PUT", "/api/me/password", { currentPassword: otherGoodPassword, newPassword: "Randi sitt nye passord" }), 200);
    expect((await phone.request("GET", "/api/me")).status).toBe(401);
    expect((await laptop.request("GET", "/api/me")).status).toBe(200);
    expect((await apiClient(server.url).login("randi", "Randi sitt nye passord")).status).toBe(200);
  });

  it("lists one's sessions and ends them one by one or all others; idle and expired sessions end by themselves", async () => {
    const desk = await readyUser("mona", "viewer");
    const phone = apiClient(server.url);
    await json(await phone.request("POST", "/api/session", { username: "mona", password: otherGoodPassword }, { "user-agent": "Mobil/1.0" }), 200);
    const tablet = apiClient(server.url);
    await json(await tablet.login("mona", otherGoodPassword), 200);
    // Signing in again in the same browser replaces that browser's session instead of adding one.
    await json(await desk.login("mona", otherGoodPassword), 200);

    const { items } = await json<{ items: SessionInfo[] }>(await desk.request("GET", "/api/me/sessions"), 200);
    expect(items).toHaveLength(3);
    expect(items.filter((s) => s.current)).toHaveLength(1);
    const phoneSession = items.find((s) => s.userAgent === "Mobil/1.0")!;
    expect(phoneSession).toMatchObject({ current: false, method: "password", address: expect.stringMatching(/127\.0\.0\.1/) });
    expect(Date.parse(phoneSession.expiresAt) - Date.parse(phoneSession.createdAt)).toBeCloseTo(12 * 3600_000, -4);
    expect(Date.parse(phoneSession.idleExpiresAt) - Date.parse(phoneSession.lastSeenAt)).toBeCloseTo(120 * 60_000, -4);
    // Nobody else's sessions: the admin neither sees nor ends them.
    const adminsView = await json<{ items: SessionInfo[] }>(await clients.admin.request("GET", "/api/me/sessions"), 200);
    expect(adminsView.items.map((s) => s.id)).not.toContain(phoneSession.id);
    expect((await clients.admin.request("DELETE", `/api/me/sessions/${phoneSession.id}`)).status).toBe(404);

    expect((await desk.request("DELETE", `/api/me/sessions/${phoneSession.id}`)).status).toBe(204);
    expect((await phone.request("GET", "/api/me")).status).toBe(401);
    expect(await json(await desk.request("DELETE", "/api/me/sessions"), 200)).toEqual({ ended: 1 });
    expect((await tablet.request("GET", "/api/me")).status).toBe(401);
    expect((await desk.request("GET", "/api/me")).status).toBe(200);

    // Idle for longer than the idle timeout (120 minutes by default): over.
    const idle = apiClient(server.url);
    await json(await idle.request("POST", "/api/session", { username: "mona", password: otherGoodPassword }, { "user-agent": "Idle/1.0" }), 200);
    await server.db.query("update sessions set last_seen_at = now() - interval '121 minutes' where user_agent = 'Idle/1.0'");
    expect((await idle.request("GET", "/api/me", undefined, { "user-agent": "Idle/1.0" })).status).toBe(401);
    // Used a while ago but within the timeout: still on, and marked as used now.
    await server.db.query("update sessions set last_seen_at = now() - interval '30 minutes' where user_id = (select id from users where username = 'mona')");
    expect((await desk.request("GET", "/api/me")).status).toBe(200);
    const seen = await server.db.query<{ fresh: boolean }>(
      "select bool_and(last_seen_at > now() - interval '1 minute') as fresh from sessions where user_id = (select id from users where username = 'mona') and user_agent <> 'Idle/1.0'",
    );
    expect(seen[0]?.fresh).toBe(true);
    // Past the absolute lifetime, however busy: over.
    await server.db.query("update sessions set expires_at = now() - interval '1 second' where user_id = (select id from users where username = 'mona')");
    expect((await desk.request("GET", "/api/me")).status).toBe(401);
  });

  it("answers GET /api/users/:username for admins, 404 for an unknown name", async () => {
    expect(await json<UserAccount>(await clients.admin.request("GET", "/api/users/viewer"), 200)).toMatchObject({ username: "viewer", role: "viewer" });
    expect((await clients.admin.request("GET", "/api/users/nobody")).status).toBe(404);
    expect((await clients.admin.request("PUT", "/api/users/nobody", { displayName: "", role: "viewer", active: true, version: 1 })).status).toBe(404);
  });
});
