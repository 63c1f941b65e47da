import type { serve as Serve, ServerType } from "@hono/node-server";
import type { ServerConfig } from "./config";
import { StartupError, type Database } from "./db/database";
import { migrate } from "./db/migrate";
import { openPgliteDatabase } from "./db/pglite-database";
import { openPostgresDatabase } from "./db/postgres-database";
import type { BootstrapOutcome } from "./seed/bootstrap";

export interface RunningServer {
  url: string;
  db: Database;
  outcome: BootstrapOutcome;
  close(): Promise<void>;
}

export async function openDatabase(config: Pick<ServerConfig, "databaseUrl" | "dataDir">): Promise<Database> {
  return config.databaseUrl ? openPostgresDatabase(config.databaseUrl) : openPgliteDatabase(config.dataDir);
}

/**
 * Opens the database, migrates it, bootstraps accounts (and the demo set when allowed) and listens.
 * Every failure a user can fix is a StartupError with one sentence naming the setting.
 */
export async function startServer(
  config: ServerConfig,
  {
    allowDemo = false,
    log = console.error,
    registryCache = true,
  }: { allowDemo?: boolean; log?: (message: string) => void; /** Off only to measure without (bench/registry-load.ts). */ registryCache?: boolean } = {},
): Promise<RunningServer> {
  // The database starts first, then the modules that use it (bootstrap, schemas, the HTTP routes
  // and format libraries: about 0.4 s of loading) are imported while PGlite compiles its
  // WebAssembly on background threads, instead of before it (bench/start-health.ts).
  const opening = openDatabase(config);
  const setupModules = Promise.all([import("./repositories/scenarios"), import("./seed/bootstrap")]);
  const httpModules = Promise.all([import("./create-app"), import("@hono/node-server")]);
  // Awaited below; a failed database start must not leave these rejections unhandled meanwhile.
  setupModules.catch(() => undefined);
  httpModules.catch(() => undefined);
  const db = await opening;
  try {
    const [{ failInterruptedRuns }, { bootstrap }] = await setupModules;
    await migrate(db);
    await failInterruptedRuns(db);
    const outcome = await bootstrap(db, { allowDemo, adminPassword: config.adminPassword, ssoConfigured: config.oidc !== undefined });
    const [{ createApp }, { serve }] = await httpModules;
    const app = createApp({ db, config, log, registryCache });
    const server = await listen(serve, app.fetch, config);
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : config.port;
    return {
      url: `http://${config.host.includes(":") ? `[${config.host}]` : config.host}:${port}`,
      db,
      outcome,
      close: async () => {
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await db.close();
      },
    };
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
}

function listen(
  serve: typeof Serve,
  fetch: (request: Request) => Response | Promise<Response>,
  config: ServerConfig,
): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port: config.port, hostname: config.host });
    server.once("listening", () => resolve(server));
    server.once("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EADDRINUSE") {
        reject(new StartupError(`Port ${config.port} on ${config.host} is already in use; set PORT to a free port.`));
      } else if (error.code === "EADDRNOTAVAIL" || error.code === "ENOTFOUND") {
        reject(new StartupError(`Cannot listen on HOST=${config.host} (${error.code}); set HOST to an address of this machine.`));
      } else {
        reject(new StartupError(`Cannot listen on ${config.host}:${config.port} (${error.message}); check PORT and HOST.`));
      }
    });
  });
}
