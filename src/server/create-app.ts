import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { compress } from "hono/compress";
import { getCookie } from "hono/cookie";
import { secureHeaders } from "hono/secure-headers";
import { createLoginThrottle, type LoginThrottle } from "./auth/login-throttle";
import { createOidcService } from "./auth/oidc";
import { allowedBeforePasswordChangeRoute } from "./auth/password-change-gate";
import { findSessionUser, sessionCookieName } from "./auth/sessions";
import type { ServerConfig } from "./config";
import type { Database } from "./db/database";
import { createHaulService } from "./haul-service";
import { message } from "../core/messages/message";
import { routes as contracts } from "../core/api/routes";
import { fail, respond, type AppEnv } from "./http";
import { authRoutes } from "./routes/auth";
import { distanceRoutes } from "./routes/distances";
import { zoningRoutes } from "./routes/zoning";
import { lotCsvRoutes } from "./routes/lot-csv";
import { meRoutes } from "./routes/me";
import { outdoorMaterialRoutes } from "./routes/outdoor-materials";
import { projectRoutes } from "./routes/projects";
import { createRegistryCache, noRegistryCache } from "./registry-cache";
import { roadNetworkRoutes } from "./routes/road-network";
import { registryReferenceRoutes } from "./routes/registry-reference";
import { scenarioRoutes } from "./routes/scenarios";
import { sessionRoutes } from "./routes/session";
import { loadRoutes } from "./routes/loads";
import { siteRoutes } from "./routes/sites";
import { siteImportRoutes } from "./routes/site-import";
import { solveRoutes } from "./routes/solve";
import { suitabilityRoutes } from "./routes/suitability";
import { userRoutes } from "./routes/users";
import { createSolveQueue } from "./solve-queue";
import { staticRoutes } from "./static-files";

export interface AppDependencies {
  db: Database;
  config: ServerConfig;
  throttle?: LoginThrottle;
  log?: (message: string) => void;
  /** Keep built registry lists while the registry is unchanged (registry-cache.ts); off only to measure without. */
  registryCache?: boolean;
}

/** The whole HTTP application: API under /api, the built client and basemap data elsewhere. */
export function createApp({ db, config, throttle = createLoginThrottle(config.loginThrottle), log = console.error, registryCache = true }: AppDependencies) {
  const app = new Hono<AppEnv>();
  const sessionPolicy = { idleMinutes: config.sessionIdleMinutes, maxHours: config.sessionMaxHours };
  const signIn = { ...config, session: sessionPolicy };

  // JSON, GeoJSON, CSV and the client's scripts shrink five- to tenfold in gzip: on a municipal
  // network or a phone that is most of the wait. Answers already encoded (the registry list's kept
  // gzip, registry-cache.ts), binary ones (PDF, xlsx, images) and event streams are left as they are.
  app.use("*", compress());

  // With MASSEKART_PUBLIC_URL set, only requests addressed to it are served (DNS rebinding, forged
  // Host headers in links); health checks from a load balancer may use any name.
  const publicHost = config.publicUrl ? new URL(config.publicUrl).host.toLowerCase() : undefined;
  app.use("*", async (c, next) => {
    // Behind trusted proxies the Host they were asked for is the one they forward (the nearest proxy's entry).
    const forwardedHost = config.trustedProxyHops > 0 ? c.req.header("x-forwarded-host")?.split(",").pop()?.trim() : undefined;
    const host = (forwardedHost || c.req.header("host"))?.toLowerCase();
    if (publicHost && host !== publicHost && c.req.path !== "/api/health") {
      return fail(c, 421, "wrong_host", message("error.wrongHost", { url: config.publicUrl ?? publicHost }));
    }
    await next();
  });

  app.use(
    "*",
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        // HiGHS (the matching solver) compiles its WebAssembly in the browser's worker.
        scriptSrc: ["'self'", "'wasm-unsafe-eval'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:", "blob:", originOf(config.topoTileUrl)],
        connectSrc: ["'self'", originOf(config.topoTileUrl)],
        workerSrc: ["'self'", "blob:"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
      },
      crossOriginEmbedderPolicy: false,
    }),
  );

  const api = new Hono<AppEnv>();
  api.use("*", async (c, next) => {
    await next();
    // API answers are per user and change with every write: no browser or proxy may keep them.
    c.header("Cache-Control", "no-store");
  });
  api.use(
    "*",
    bodyLimit({
      maxSize: config.maxBodyBytes,
      onError: (c) =>
        fail(c, 413, "payload_too_large", message("error.payloadTooLarge", { maxMiB: config.maxBodyBytes / 1024 / 1024 })),
    }),
  );
  api.use("*", async (c, next) => {
    // SameSite=Strict cookies already stop cross-site writes; refusing a foreign Origin is a second lock.
    const origin = c.req.header("origin");
    const sameSite = config.publicUrl ? origin === config.publicUrl : hostOf(origin ?? "") === c.req.header("host");
    if (c.req.method !== "GET" && c.req.method !== "HEAD" && origin && !sameSite) {
      return fail(c, 403, "cross_origin", message("error.crossOrigin"));
    }
    const token = getCookie(c, sessionCookieName);
    const user = token ? await findSessionUser(db, token, sessionPolicy) : undefined;
    if (user?.mustChangePassword && !allowedBeforePasswordChangeRoute(c.req.method, c.req.path)) {
      return fail(c, 403, "password_change_required", message("error.passwordChangeRequired"));
    }
    c.set("user", user);
    await next();
  });
  api.get("/health", (c) => respond(c, contracts.health, { status: "ok", database: db.kind }));
  api.route("/", sessionRoutes(db, throttle, signIn));
  const oidc = config.oidc && config.publicUrl ? createOidcService(config.oidc, config.publicUrl) : undefined;
  api.route("/", authRoutes(db, oidc, { ...signIn, log }));
  api.route("/", meRoutes(db, throttle, signIn));
  api.route("/", userRoutes(db));
  api.route("/", projectRoutes(db, registryCache ? createRegistryCache(db) : noRegistryCache));
  api.route("/", lotCsvRoutes(db));
  api.route("/", outdoorMaterialRoutes(db));
  api.route("/", registryReferenceRoutes(db));
  api.route("/", siteImportRoutes(db));
  api.route("/", siteRoutes(db));
  api.route("/", loadRoutes(db));
  api.route("/", zoningRoutes(db));
  const haul = createHaulService(db, config, { log });
  api.route("/", distanceRoutes(db, haul));
  api.route("/", roadNetworkRoutes(db, haul));
  api.route("/", suitabilityRoutes(db, haul));
  // One queue for both kinds of server solve, so MASSEKART_MAX_CONCURRENT_SOLVES bounds them together.
  const queue = createSolveQueue({ maxConcurrent: config.maxConcurrentSolves });
  api.route("/", solveRoutes(config, { queue }));
  api.route("/", scenarioRoutes(db, config, haul, { queue, log }));
  // A sub-app's notFound handler is not used once mounted, so the catch-all is a route.
  api.all("*", (c) => fail(c, 404, "not_found", message("error.noRoute", { method: c.req.method, path: c.req.path })));

  app.route("/api", api);
  app.route("/", staticRoutes(config));

  app.onError((error, c) => {
    log(`Internal error on ${c.req.method} ${c.req.path}: ${error.stack ?? error.message}`);
    return fail(c, 500, "internal", message("error.internal"));
  });
  return app;
}

function originOf(url: string): string {
  try {
    return new URL(url.replace(/[{}]/g, "")).origin;
  } catch {
    return "'self'";
  }
}

function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}
