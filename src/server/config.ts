import path from "node:path";
import { fileURLToPath } from "node:url";
import { defaultLoginThrottleOptions, type LoginThrottleOptions } from "./auth/login-throttle";
import { parseRoleMapping, type RoleMapping } from "./auth/role-mapping";
import { StartupError } from "./db/database";

export const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

export interface ServerConfig {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  adminPassword: string | undefined;
  topoTileUrl: string;
  maxBodyBytes: number;
  secureCookies: boolean;
  distDir: string;
  /** OSRM server for distance mode osrm (MASSEKART_OSRM_URL), e.g. http://127.0.0.1:5000; unset: osrm falls back to straight lines. */
  osrmUrl: string | undefined;
  /** Longest a matching solve may run on the server before it is stopped, seconds. */
  solveTimeoutSeconds: number;
  /** Solves (POST /api/solve and scenario runs) running at once; more wait in a FIFO queue (MASSEKART_MAX_CONCURRENT_SOLVES). */
  maxConcurrentSolves: number;
  /** JavaScript heap of one solve's worker thread, MB (MASSEKART_SOLVE_MEMORY_MB); a solve that needs more fails alone. */
  solveMemoryMb: number;
  /**
   * The origin users open (MASSEKART_PUBLIC_URL), e.g. https://massekart.asker.kommune.no. When set,
   * requests with another Host are refused and the SSO redirect address is built from it.
   */
  publicUrl: string | undefined;
  /** Reverse proxies in front whose X-Forwarded-For entries are trusted (MASSEKART_TRUST_PROXY); 0 = none. */
  trustedProxyHops: number;
  /** Whether users may sign in with a local password (MASSEKART_LOCAL_LOGIN); false leaves SSO only. */
  localLogin: boolean;
  /** A session not used for this long ends (MASSEKART_SESSION_IDLE_MINUTES). */
  sessionIdleMinutes: number;
  /** A session ends this long after sign-in however much it is used (MASSEKART_SESSION_MAX_HOURS). */
  sessionMaxHours: number;
  /** Sign-in throttling (MASSEKART_LOGIN_ADDRESS_LIMIT, MASSEKART_LOGIN_MAX_DELAY_S; the rest fixed). */
  loginThrottle: LoginThrottleOptions;
  /** Single sign-on through an OpenID Connect provider, when MASSEKART_OIDC_ISSUER is set. */
  oidc: OidcSettings | undefined;
}

export interface OidcSettings {
  /** The provider's issuer URL, e.g. https://login.microsoftonline.com/<tenant-id>/v2.0. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The claim whose values decide the role, e.g. roles or groups (a dotted path reaches nested claims). */
  roleClaim: string;
  roleMapping: RoleMapping;
  /** The claim a new user's username is made from (default preferred_username). */
  usernameClaim: string;
  /** Scopes asked for (default "openid profile email"). */
  scopes: string;
  /** The provider's name on the sign-in button ("Sign in with …"). */
  displayName: string;
}

/** Kartverket's open topographic cache (WMTS as XYZ), used only when a user switches it on. */
export const defaultTopoTileUrl =
  "https://cache.kartverket.no/v1/wmts/1.0.0/topo/default/webmercator/{z}/{y}/{x}.png";

/** Reads the configuration from the environment; a bad value stops start-up naming the variable. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  return {
    port: integer(env, "PORT", 8080, 0, 65535),
    host: env.HOST || "127.0.0.1",
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.MASSEKART_DATA_DIR || ".massekart"),
    adminPassword: env.MASSEKART_ADMIN_PASSWORD || undefined,
    topoTileUrl: env.MASSEKART_TOPO_TILE_URL || defaultTopoTileUrl,
    maxBodyBytes: integer(env, "MASSEKART_MAX_BODY_MB", 10, 1, 1024) * 1024 * 1024,
    // Behind https (MASSEKART_PUBLIC_URL), cookies are Secure unless switched off explicitly.
    secureCookies:
      env.MASSEKART_SECURE_COOKIES === "true" || (env.MASSEKART_SECURE_COOKIES !== "false" && /^https:/i.test(env.MASSEKART_PUBLIC_URL ?? "")),
    distDir: path.resolve(env.MASSEKART_DIST_DIR || path.join(repoRoot, "dist")),
    osrmUrl: env.MASSEKART_OSRM_URL || undefined,
    solveTimeoutSeconds: integer(env, "MASSEKART_SOLVE_TIMEOUT_S", 60, 1, 3600),
    maxConcurrentSolves: integer(env, "MASSEKART_MAX_CONCURRENT_SOLVES", 2, 1, 64),
    solveMemoryMb: integer(env, "MASSEKART_SOLVE_MEMORY_MB", 1024, 64, 65536),
    ...readAccountSettings(env),
  };
}

type AccountSettings = Pick<
  ServerConfig,
  "publicUrl" | "trustedProxyHops" | "localLogin" | "sessionIdleMinutes" | "sessionMaxHours" | "loginThrottle" | "oidc"
>;

/** The settings of sign-in, sessions and SSO (issue 14), checked together since they depend on each other. */
function readAccountSettings(env: NodeJS.ProcessEnv): AccountSettings {
  const publicUrl = readPublicUrl(env);
  const oidc = readOidc(env, publicUrl);
  const localLogin = boolean(env, "MASSEKART_LOCAL_LOGIN", true);
  if (!localLogin && !oidc) {
    throw new StartupError(
      "MASSEKART_LOCAL_LOGIN=false switches passwords off, but no single sign-on is set up; set MASSEKART_OIDC_ISSUER (and its companions) or remove MASSEKART_LOCAL_LOGIN.",
    );
  }
  return {
    publicUrl,
    trustedProxyHops: trustProxy(env),
    localLogin,
    sessionIdleMinutes: integer(env, "MASSEKART_SESSION_IDLE_MINUTES", 120, 1, 7 * 24 * 60),
    sessionMaxHours: integer(env, "MASSEKART_SESSION_MAX_HOURS", 12, 1, 30 * 24),
    loginThrottle: {
      ...defaultLoginThrottleOptions,
      addressLimit: integer(env, "MASSEKART_LOGIN_ADDRESS_LIMIT", defaultLoginThrottleOptions.addressLimit, 1, 10_000),
      maxDelayMs: integer(env, "MASSEKART_LOGIN_MAX_DELAY_S", defaultLoginThrottleOptions.maxDelayMs / 1000, 1, 600) * 1000,
    },
    oidc,
  };
}

function readPublicUrl(env: NodeJS.ProcessEnv): string | undefined {
  const text = env.MASSEKART_PUBLIC_URL;
  if (!text) return undefined;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new StartupError(`MASSEKART_PUBLIC_URL=${text} is not a URL; set it to the address users open, e.g. https://massekart.example.kommune.no.`);
  }
  if ((url.protocol !== "https:" && url.protocol !== "http:") || (url.pathname !== "/" && url.pathname !== "") || url.search || url.hash) {
    throw new StartupError(
      `MASSEKART_PUBLIC_URL=${text} must be an http(s) origin without a path, e.g. https://massekart.example.kommune.no.`,
    );
  }
  return url.origin;
}

function readOidc(env: NodeJS.ProcessEnv, publicUrl: string | undefined): OidcSettings | undefined {
  const names = ["MASSEKART_OIDC_ISSUER", "MASSEKART_OIDC_CLIENT_ID", "MASSEKART_OIDC_CLIENT_SECRET", "MASSEKART_OIDC_ROLE_MAP"] as const;
  const given = names.filter((name) => env[name]);
  if (given.length === 0) return undefined;
  const missing = names.filter((name) => !env[name]);
  if (missing.length > 0) {
    throw new StartupError(`Single sign-on is half set up: ${given.join(", ")} set but ${missing.join(", ")} missing; set all of ${names.join(", ")}.`);
  }
  const [issuer = "", clientId = "", clientSecret = "", roleMap = ""] = names.map((name) => env[name]);
  let issuerUrl: URL;
  try {
    issuerUrl = new URL(issuer);
  } catch {
    throw new StartupError(`MASSEKART_OIDC_ISSUER=${issuer} is not a URL; set it to the provider's issuer, e.g. https://login.microsoftonline.com/<tenant-id>/v2.0.`);
  }
  if (issuerUrl.protocol !== "https:" && !(issuerUrl.protocol === "http:" && isLoopback(issuerUrl.hostname))) {
    throw new StartupError(`MASSEKART_OIDC_ISSUER=${issuer} must use https (plain http only on this machine, for testing).`);
  }
  if (!publicUrl) {
    throw new StartupError(
      "Single sign-on needs MASSEKART_PUBLIC_URL (the address users open), so the provider can send them back to <MASSEKART_PUBLIC_URL>/api/auth/oidc/callback.",
    );
  }
  const scopes = env.MASSEKART_OIDC_SCOPES || "openid profile email";
  if (!scopes.split(/\s+/).includes("openid")) {
    throw new StartupError(`MASSEKART_OIDC_SCOPES=${scopes} must include openid (without it the provider sends no ID token).`);
  }
  const mapping = parseRoleMapping(roleMap);
  if (!mapping.ok) throw new StartupError(`MASSEKART_OIDC_ROLE_MAP is not valid: ${mapping.problem}.`);
  return {
    issuer,
    clientId,
    clientSecret,
    roleClaim: env.MASSEKART_OIDC_ROLE_CLAIM || "roles",
    roleMapping: mapping.mapping,
    usernameClaim: env.MASSEKART_OIDC_USERNAME_CLAIM || "preferred_username",
    scopes,
    displayName: env.MASSEKART_OIDC_NAME || (issuerUrl.hostname === "login.microsoftonline.com" ? "Microsoft Entra ID" : issuerUrl.hostname),
  };
}

const isLoopback = (hostname: string) => hostname === "localhost" || hostname === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(hostname);

function trustProxy(env: NodeJS.ProcessEnv): number {
  const text = (env.MASSEKART_TRUST_PROXY ?? "").trim().toLowerCase();
  if (text === "" || text === "false") return 0;
  if (text === "true") return 1;
  if (/^\d+$/.test(text) && Number(text) <= 10) return Number(text);
  throw new StartupError(
    `MASSEKART_TRUST_PROXY=${env.MASSEKART_TRUST_PROXY} is not valid; set it to false (no proxy), true (one proxy) or the number of proxies in front (up to 10).`,
  );
}

function boolean(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const text = (env[name] ?? "").trim().toLowerCase();
  if (text === "") return fallback;
  if (text === "true") return true;
  if (text === "false") return false;
  throw new StartupError(`${name}=${env[name]} is not valid; set ${name} to true or false.`);
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const text = env[name];
  if (text === undefined || text === "") return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new StartupError(`${name}=${text} is not valid; set ${name} to a whole number from ${min} to ${max}.`);
  }
  return value;
}
