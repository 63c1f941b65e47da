import { readConfig, type ServerConfig } from "../../src/server/config";
import { startServer, type RunningServer } from "../../src/server/server";
import { prepareTestDatabase, type BackendName, type PreparedDatabase } from "./databases";

export interface TestServer extends RunningServer {
  database: PreparedDatabase;
  /** fetch against the server, keeping one cookie jar (the session). */
  client(): ApiClient;
  stop(): Promise<void>;
}

export interface ApiClient {
  request(method: string, route: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  login(username: string, password?: string): Promise<Response>;
}

/** A real HTTP server on a free port over a fresh database on `backend`, with the demo set seeded. */
export async function startTestServer(
  backend: BackendName,
  { demo = true, config: overrides = {} }: { demo?: boolean; config?: Partial<ServerConfig> } = {},
): Promise<TestServer> {
  const database = await prepareTestDatabase(backend);
  const config: ServerConfig = {
    ...readConfig({}),
    port: 0,
    databaseUrl: database.databaseUrl,
    dataDir: database.dataDir,
    adminPassword: demo ? undefined : "admin-secret",
    ...overrides,
  };
  const running = await startServer(config, { allowDemo: demo, log: () => undefined });
  return {
    ...running,
    database,
    client: () => apiClient(running.url),
    stop: async () => {
      await running.close();
      await database.drop();
    },
  };
}

export function apiClient(baseUrl: string): ApiClient {
  let cookie = "";
  const request: ApiClient["request"] = async (method, route, body, headers = {}) => {
    const response = await fetch(baseUrl + route, {
      method,
      headers: {
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...(cookie ? { cookie } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === "string" ? body : body instanceof Uint8Array ? new Blob([new Uint8Array(body)]) : JSON.stringify(body),
    });
    const setCookie = response.headers.get("set-cookie");
    if (setCookie) cookie = setCookie.split(";")[0] ?? "";
    return response;
  };
  return { request, login: (username, password = "demo") => request("POST", "/api/session", { username, password }) };
}

/** The JSON body of an answer after checking its status (the body shows in the failure message when it differs). */
export async function expectJson<T>(response: Response, status: number): Promise<T> {
  const body = await response.text();
  if (response.status !== status) throw new Error(`Expected ${status}, got ${response.status}: ${body}`);
  return (body ? JSON.parse(body) : undefined) as T;
}

/** A client per name, each signed in with the demo password ("anonymous" stays signed out). */
export async function demoClients<Name extends string>(server: Pick<TestServer, "url">, names: readonly Name[]): Promise<Record<Name, ApiClient>> {
  const clients = {} as Record<Name, ApiClient>;
  for (const name of names) {
    clients[name] = apiClient(server.url);
    if (name !== "anonymous") await expectJson(await clients[name].login(name), 200);
  }
  return clients;
}
