// The server for bench/registry-load.ts, in its own process so the load generator does not share
// its event loop: the demo set on a fresh embedded database (PGlite) in the folder given, plus a
// generated registry of `projects` projects with `lots` lots between them. Prints "READY <url>".
// "no-cache" starts it without the registry cache (the baseline: every answer built).
import { readConfig } from "../../src/server/config";
import { startServer } from "../../src/server/server";

const [dataDir, projectsText = "5000", lotsText = "20000", cacheText = "cache"] = process.argv.slice(2);
if (!dataDir) throw new Error("usage: registry-load-server.ts DATA_DIR [PROJECTS] [LOTS] [cache|no-cache]");
const projects = Number(projectsText);
const lots = Number(lotsText);

const server = await startServer({ ...readConfig({}), port: 0, dataDir, databaseUrl: undefined }, {
  allowDemo: true,
  log: () => undefined,
  registryCache: cacheText !== "no-cache",
});
// Set-based inserts: generating 25,000 rows one request at a time would take minutes and measure nothing.
// Projects are points and small polygons around Asker (59.75–59.90 N, 10.30–10.60 E).
await server.db.query(
  `insert into projects (name, status, location, bbox, contact, notes)
   select 'Generated project ' || lpad(n::text, 5, '0'),
          (array['planned','in_progress','completed','cancelled'])[1 + n % 4],
          jsonb_build_object('type', 'Point', 'coordinates', jsonb_build_array(10.30 + (n % 100) * 0.003, 59.75 + (n / 100) * 0.003)),
          box(point(10.30 + (n % 100) * 0.003, 59.75 + (n / 100) * 0.003), point(10.30 + (n % 100) * 0.003, 59.75 + (n / 100) * 0.003)),
          'contact ' || n, 'generated for the registry load benchmark'
   from generate_series(1, $1::int) as n`,
  [projects],
);
await server.db.query(
  `with numbered as (select id, row_number() over (order by id) - 1 as k from projects where name like 'Generated project %')
   insert into lots (project_id, direction, material, contamination_class, quantity_value, quantity_unit, window_from, window_to, notes)
   select p.id, (array['surplus','demand'])[1 + n % 2], (array['rock','gravel_sand','moraine','clay_silt','mixed'])[1 + n % 5],
          1 + n % 3, 500 + (n % 97) * 100, 'tonnes',
          '2027-' || lpad((1 + n % 12)::text, 2, '0'), '2028-' || lpad((1 + n % 12)::text, 2, '0'), ''
   from generate_series(0, $1::int - 1) as n join numbered p on p.k = n % $2::int`,
  [lots, projects],
);
console.log(`READY ${server.url}`);
process.on("SIGTERM", () => {
  void server.close().then(() => process.exit(0));
});
