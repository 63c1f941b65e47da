import { readConfig } from "./config";
import { StartupError } from "./db/database";
import { redact } from "./db/postgres-database";
import { startServer } from "./server";

/**
 * `npm start` runs this with --demo: an empty embedded database then gets the Asker demo set.
 * A PostgreSQL server (DATABASE_URL) never gets demo accounts.
 */
async function main(): Promise<void> {
  const config = readConfig();
  const allowDemo = process.argv.includes("--demo") && !config.databaseUrl;
  const server = await startServer(config, { allowDemo });
  // Loaded by startServer while the database opened; not imported above, so that it starts sooner.
  const { demoPassword } = await import("./seed/bootstrap");
  const database = config.databaseUrl ? `PostgreSQL at ${redact(config.databaseUrl)}` : `embedded PGlite in ${config.dataDir}`;
  const lines = [`Massekart is running at ${server.url} (database: ${database}).`];
  switch (server.outcome.kind) {
    case "demo-seeded": {
      const { projects, lots, sites, zoningAreas } = server.outcome.counts;
      lines.push(
        `Demo mode: loaded the illustrative Asker demo set (${projects} projects, ${lots} lots, ${sites} sites, ${zoningAreas} zoning areas).`,
      );
      lines.push(`Demo accounts: admin, planner, engineer, viewer — password "${demoPassword}".`);
      break;
    }
    case "demo-existing":
      lines.push(`Demo mode: accounts admin, planner, engineer, viewer — password "${demoPassword}".`);
      break;
    case "admin-created":
      lines.push("Created the first account: admin, with the password from MASSEKART_ADMIN_PASSWORD.");
      break;
    case "awaiting-sso":
      lines.push("No accounts yet: the first people to sign in through single sign-on get accounts with their mapped roles.");
      break;
    case "existing":
      break;
  }
  if (config.oidc) {
    lines.push(
      `Single sign-on through ${config.oidc.displayName} (${config.oidc.issuer})${config.localLogin ? "" : "; password sign-in is switched off"}.`,
    );
  }
  console.log(lines.join("\n"));
  const stop = () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  if (error instanceof StartupError) {
    console.error(`Massekart could not start: ${error.message}`);
  } else {
    console.error("Massekart could not start because of an unexpected error:", error);
  }
  process.exit(1);
});
