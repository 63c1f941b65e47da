import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { Hono } from "hono";
import { serveStatic } from "@hono/node-server/serve-static";
import { repoRoot, type ServerConfig } from "./config";

const basemapDir = path.join(repoRoot, "data", "basemap");
const basemapLayers = new Set(["boundary", "municipalities", "roads", "places", "built-up"]);

/**
 * The built single-page app, the shipped basemap layers and the runtime configuration the app
 * reads (`/config.js`, so no inline script is needed).
 */
export function staticRoutes(config: ServerConfig) {
  const routes = new Hono();

  routes.get("/config.js", (c) => {
    c.header("Content-Type", "text/javascript; charset=utf-8");
    c.header("Cache-Control", "no-store");
    return c.body(`window.__MASSEKART_CONFIG__ = ${JSON.stringify({ topoTileUrl: config.topoTileUrl })};\n`);
  });

  routes.get("/basemap/:file", async (c, next) => {
    const name = c.req.param("file").replace(/\.geojson$/, "");
    if (!basemapLayers.has(name)) return c.notFound();
    c.header("Content-Type", "application/geo+json");
    c.header("Cache-Control", "public, max-age=3600");
    return serveStatic({ root: basemapDir, path: `${name}.geojson` })(c, next);
  });

  routes.use("/assets/*", async (c, next) => {
    // Vite's asset names carry a content hash, so they may be cached for good.
    await next();
    if (c.res.status === 200) c.header("Cache-Control", "public, max-age=31536000, immutable");
  });
  routes.use("/*", serveStatic({ root: config.distDir }));

  routes.get("*", (c) => {
    const indexFile = path.join(config.distDir, "index.html");
    if (!existsSync(indexFile)) {
      return c.text("The Massekart client is not built: run `npm run build` (npm start does it for you).", 503);
    }
    // Read per request: cheap, and a rebuild during `npm run dev` shows at once.
    const html = readFileSync(indexFile, "utf8").replace("<head>", '<head>\n    <script src="/config.js"></script>');
    c.header("Cache-Control", "no-cache");
    return c.html(html);
  });

  return routes;
}
