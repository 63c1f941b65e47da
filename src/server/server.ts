import { serve, type ServerType } from "@hono/node-server";
import { createApp } from "./create-app";
import type { ServerConfig } from "./config";
import { StartupError, type Database } from "./db/database";
import { migrate } from "./db/migrate";
import { openPgliteDatabase } from "./db/pglite-database";
import { openPostgresDatabase } from "./db/postgres-database";
import { failInterruptedRuns } from "./repositories/scenarios";
import { bootstrap, type BootstrapOutcome } from "./seed/bootstrap";

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
  { allowDemo = false, log = console.error }: { allowDemo?: boolean; log?: (message: string) => void } = {},
): Promise<RunningServer> {
  const db = await openDatabase(config);
  try {
    await migrate(db);
    await failInterruptedRuns(db);
    const outcome = await bootstrap(db, { allowDemo, adminPassword: config.adminPassword, ssoConfigured: config.oidc !== undefined });
    const app = createApp({ db, config, log });
    const server = await listen(app.fetch, config);
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

function listen(fetch: (request: Request) => Response | Promise<Response>, config: ServerConfig): Promise<ServerType> {
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
