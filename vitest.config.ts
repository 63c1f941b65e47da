import { defineConfig } from "vitest/config";

/**
 * Two projects in one run (`npm test` runs both; `npm run test:unit` only the first):
 * - unit: core, io, solver and the app's pure and jsdom tests, plus the repo's own checks (the
 *   layer-rule probes, the shipped data). They need no service: no PostgreSQL, no Chromium, no
 *   built client; only GDAL's ogr2ogr as the oracle of the file-format tests.
 * - integration: the server over HTTP against PGlite and PostgreSQL, the `massekart` command as a
 *   process, and the browser tests in Chromium. Its global setup installs and starts what they
 *   need and builds the client and the compiled runtime when stale.
 */
export default defineConfig({
  test: {
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Two cores: the browser and database suites are heavy, so at most two files at once.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["test/*.test.ts", "test/{core,io,solver,app,data}/**/*.test.{ts,tsx}"],
          globalSetup: ["test/setup/unit-setup.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["test/{server,cli,e2e}/**/*.test.{ts,tsx}"],
          // Servers, PostgreSQL and Chromium share two cores: a step that takes 5 s alone can take
          // ten times that while the other worker builds or solves. Timeouts catch hangs, not speed
          // (speed is for the benchmarks).
          testTimeout: 90_000,
          globalSetup: ["test/setup/global-setup.ts"],
        },
      },
    ],
  },
});
