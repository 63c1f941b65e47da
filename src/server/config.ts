import path from "node:path";
import { fileURLToPath } from "node:url";
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
    secureCookies: env.MASSEKART_SECURE_COOKIES === "true",
    distDir: path.resolve(env.MASSEKART_DIST_DIR || path.join(repoRoot, "dist")),
    osrmUrl: env.MASSEKART_OSRM_URL || undefined,
    solveTimeoutSeconds: integer(env, "MASSEKART_SOLVE_TIMEOUT_S", 60, 1, 3600),
  };
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
