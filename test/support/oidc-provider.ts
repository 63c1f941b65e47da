/**
 * A real OpenID Connect provider for the tests: `oidc-provider` (the certified Node
 * implementation) on 127.0.0.1, with its development login and consent pages, behind a small
 * pass-through proxy that can tamper with ID tokens on their way to the relying party (a
 * man-in-the-middle whose forgery the signature check must catch). Nothing here is a mock: the
 * relying party discovers the provider, fetches its keys and exchanges codes over HTTP.
 */
import { generateKeyPairSync } from "node:crypto";
import { createServer, request as httpRequest, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

export interface TestIdentity {
  name?: string;
  preferred_username?: string;
  email?: string;
  groups?: string[];
}

export interface TestProvider {
  /** The issuer the relying party is configured with (the proxy's address). */
  issuer: string;
  /** Who the provider knows, by subject (the login typed on its sign-in page). */
  identities: Map<string, TestIdentity>;
  /** When on, the proxy rewrites the payload of ID tokens it passes on (the signature then no longer fits). */
  tamperIdTokens(rewrite: ((claims: Record<string, unknown>) => Record<string, unknown>) | undefined): void;
  close(): Promise<void>;
}

export const testClient = { clientId: "massekart-test", clientSecret: "a-client-secret-for-the-tests-only" };

/** The tests' role mapping: one group per role. */
export const testRoleMap = "massekart-admins=admin; massekart-planners=planner; massekart-engineers=engineer; massekart-viewers=viewer";

/** The settings (as environment variables) of a Massekart server at `publicUrl` that signs in through `provider`. */
export function ssoEnv(publicUrl: string, provider: Pick<TestProvider, "issuer">, more: Record<string, string> = {}): Record<string, string> {
  return {
    MASSEKART_PUBLIC_URL: publicUrl,
    MASSEKART_OIDC_ISSUER: provider.issuer,
    MASSEKART_OIDC_CLIENT_ID: testClient.clientId,
    MASSEKART_OIDC_CLIENT_SECRET: testClient.clientSecret,
    MASSEKART_OIDC_ROLE_MAP: testRoleMap,
    ...more,
  };
}

export async function startTestProvider(redirectUri: string): Promise<TestProvider> {
  const proxy = createServer();
  await listen(proxy);
  const issuer = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  const identities = new Map<string, TestIdentity>();
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: testClient.clientId,
        client_secret: testClient.clientSecret,
        redirect_uris: [redirectUri],
        response_types: ["code"],
        grant_types: ["authorization_code"],
        token_endpoint_auth_method: "client_secret_post",
      },
    ],
    jwks: { keys: [{ ...privateKey.export({ format: "jwk" }), kid: "test-key", alg: "RS256", use: "sig" }] as never },
    cookies: { keys: ["cookie-key-for-the-tests-only"] },
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true } },
    // Like Microsoft Entra ID: the claims come in the ID token itself.
    conformIdTokenClaims: false,
    claims: { openid: ["sub"], profile: ["name", "preferred_username", "groups"], email: ["email"] },
    findAccount: (_ctx, sub) => {
      const identity = identities.get(sub);
      if (!identity) return undefined;
      return { accountId: sub, claims: () => ({ sub, ...identity }) };
    },
  });
  const backend = provider.listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => backend.once("listening", () => resolve()));
  const backendPort = (backend.address() as AddressInfo).port;

  let rewrite: ((claims: Record<string, unknown>) => Record<string, unknown>) | undefined;
  proxy.on("request", async (incoming, outgoing) => {
    const body = await readAll(incoming);
    const upstream = httpRequest(
      { host: "127.0.0.1", port: backendPort, method: incoming.method, path: incoming.url, headers: { ...incoming.headers, "accept-encoding": "identity" } },
      async (answer) => {
        let payload = await readAll(answer);
        const headers = { ...answer.headers };
        if (rewrite && incoming.url?.startsWith("/token") && answer.statusCode === 200) {
          const tokens = JSON.parse(payload.toString("utf8")) as { id_token?: string };
          if (tokens.id_token) tokens.id_token = forge(tokens.id_token, rewrite);
          payload = Buffer.from(JSON.stringify(tokens));
          headers["content-length"] = String(payload.length);
        }
        outgoing.writeHead(answer.statusCode ?? 502, headers);
        outgoing.end(payload);
      },
    );
    upstream.on("error", () => outgoing.writeHead(502).end());
    upstream.end(body);
  });

  return {
    issuer,
    identities,
    tamperIdTokens: (next) => {
      rewrite = next;
    },
    close: async () => {
      await Promise.all([close(proxy), close(backend)]);
    },
  };
}

/** Replaces a JWT's payload and keeps its header and signature. */
function forge(jwt: string, rewrite: (claims: Record<string, unknown>) => Record<string, unknown>): string {
  const [header = "", payload = "", signature = ""] = jwt.split(".");
  const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Record<string, unknown>;
  return [header, Buffer.from(JSON.stringify(rewrite(claims))).toString("base64url"), signature].join(".");
}

function readAll(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("end", () => resolve(Buffer.concat(chunks)));
    stream.on("error", reject);
  });
}

const listen = (server: Server) => new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
const close = (server: Server) =>
  new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });

/**
 * A browser stand-in over plain HTTP: a cookie jar per host, redirects followed by hand, and the
 * provider's login and consent forms filled in and posted — what Chromium does in the end-to-end test.
 */
export class FormBrowser {
  private readonly jar = new Map<string, Map<string, string>>();

  async get(url: string): Promise<Response> {
    return this.send(url, { method: "GET" });
  }

  /** GETs `url` and follows redirects until an answer that is not one, or until `stopAt` matches the next address. */
  async follow(url: string, { stopAt }: { stopAt?: (next: URL) => boolean } = {}): Promise<{ response: Response; url: URL }> {
    let current = new URL(url);
    for (let hop = 0; hop < 20; hop += 1) {
      const response = await this.get(current.toString());
      const location = response.headers.get("location");
      if (response.status < 300 || response.status >= 400 || !location) return { response, url: current };
      const next = new URL(location, current);
      if (stopAt?.(next)) return { response, url: next };
      current = next;
    }
    throw new Error(`More than 20 redirects from ${url}`);
  }

  /** Reads the one form on a page, fills in `fields`, posts it and follows where it leads. */
  async submitForm(page: Response, pageUrl: URL, fields: Record<string, string>, options: { stopAt?: (next: URL) => boolean } = {}) {
    const html = await page.text();
    const form = /<form[^>]*action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/i.exec(html);
    if (!form) throw new Error(`No form on ${pageUrl}: ${html.slice(0, 300)}`);
    const values = new URLSearchParams();
    for (const input of form[2]?.matchAll(/<input[^>]*type="hidden"[^>]*>/gi) ?? []) {
      const name = /name="([^"]+)"/.exec(input[0])?.[1];
      const value = /value="([^"]*)"/.exec(input[0])?.[1] ?? "";
      if (name) values.set(name, value);
    }
    for (const [name, value] of Object.entries(fields)) values.set(name, value);
    const action = new URL(form[1]?.replace(/&amp;/g, "&") ?? "", pageUrl);
    const response = await this.send(action.toString(), {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: values.toString(),
    });
    const location = response.headers.get("location");
    if (!location) return { response, url: action };
    const next = new URL(location, action);
    if (options.stopAt?.(next)) return { response, url: next };
    return this.follow(next.toString(), options);
  }

  cookie(host: string, name: string): string | undefined {
    return this.jar.get(host)?.get(name);
  }

  private async send(url: string, init: RequestInit): Promise<Response> {
    const target = new URL(url);
    const cookies = [...(this.jar.get(target.host) ?? new Map<string, string>())].map(([name, value]) => `${name}=${value}`).join("; ");
    const response = await fetch(target, {
      ...init,
      redirect: "manual",
      headers: { ...(init.headers as Record<string, string> | undefined), ...(cookies ? { cookie: cookies } : {}), accept: "text/html" },
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const at = pair.indexOf("=");
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const jar = this.jar.get(target.host) ?? new Map<string, string>();
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(line) || value === "") jar.delete(name);
      else jar.set(name, value);
      this.jar.set(target.host, jar);
    }
    return response;
  }
}
