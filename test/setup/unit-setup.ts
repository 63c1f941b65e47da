/**
 * Global setup of the `unit` project: no services, only GDAL's ogr2ogr, the file-format oracle of
 * the io tests (Debian's gdal-bin, installed when missing and the run is root, like Chromium for
 * the integration project). A missing ogr2ogr stops the run with one message naming what to install.
 */
import type { TestProject } from "vitest/node";
import { findOrInstallOgr2ogr } from "./ogr2ogr";

export default function setup(project: TestProject): void {
  project.provide("ogr2ogrPath", findOrInstallOgr2ogr((message) => console.log(`[test setup] ${message}`)));
}
