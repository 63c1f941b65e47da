// The floor of bench/start-health.ts: a process that only opens the same PGlite data folder (with
// the settings src/server/db/pglite-database.ts uses), runs one query and answers GET /api/health
// from node:http — no migrations, no accounts, no routes. What is left above this row is ours.
import { createServer } from "node:http";
import { PGlite } from "@electric-sql/pglite";

const db = new PGlite(process.env.MASSEKART_DATA_DIR, {
  startParams: [...PGlite.defaultStartParams, "-c", "shared_buffers=16MB", "-c", "max_connections=5"],
});
await db.query("select 1");
const server = createServer((_request, response) => {
  response.writeHead(200, { "content-type": "application/json" });
  response.end(JSON.stringify({ status: "ok", database: "pglite" }));
});
server.listen(Number(process.env.PORT), "127.0.0.1");
process.once("SIGTERM", () => server.close(() => db.close().then(() => process.exit(0))));
