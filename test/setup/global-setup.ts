/**
 * Sets up what the tests need on a fresh machine, so `npm test` is all a developer or CI runs:
 * Debian's Chromium and GDAL (ogr2ogr), a throwaway PostgreSQL server (or TEST_DATABASE_URL), the built client, and
 * the compiled server and CLI (built here once, so test files running `massekart` side by side
 * never build it at the same time).
 * Where something cannot be set up, the run fails with one message naming what to install;
 * no suite is skipped silently.
 */
import type { TestProject } from "vitest/node";
import { buildClientIfNeeded } from "../../scripts/client-build.mjs";
import { buildRuntimeIfNeeded } from "../../scripts/runtime-build.mjs";
import { findOrInstallChromium } from "./chromium";
import { findOrInstallOgr2ogr } from "./ogr2ogr";
import { startThrowawayPostgres } from "./postgres";

declare module "vitest" {
  export interface ProvidedContext {
    chromiumPath: string;
    postgresAdminUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const log = (message: string) => console.log(`[test setup] ${message}`);
  project.provide("chromiumPath", findOrInstallChromium(log));
  project.provide("ogr2ogrPath", findOrInstallOgr2ogr(log));
  const postgres = await startThrowawayPostgres(log);
  project.provide("postgresAdminUrl", postgres.adminUrl);
  try {
    buildClientIfNeeded({ log });
    await buildRuntimeIfNeeded({ log });
  } catch (error) {
    await postgres.stop();
    throw error;
  }
  return postgres.stop;
}
