import { existsSync } from "node:fs";
import { aptInstall } from "./install";

declare module "vitest" {
  export interface ProvidedContext {
    /** GDAL's ogr2ogr, the oracle of the vector-format tests (ogrinfo sits beside it). */
    ogr2ogrPath: string;
  }
}

/** OGR2OGR_PATH, else Debian's /usr/bin/ogr2ogr (gdal-bin), installed when missing and possible. */
export function findOrInstallOgr2ogr(log: (message: string) => void): string {
  const configured = process.env.OGR2OGR_PATH;
  if (configured) {
    if (!existsSync(configured)) throw new Error(`OGR2OGR_PATH=${configured} does not exist: point it at GDAL's ogr2ogr.`);
    return configured;
  }
  const debian = "/usr/bin/ogr2ogr";
  if (!existsSync(debian)) aptInstall(["gdal-bin"], "GDAL's ogr2ogr (the oracle of the vector-format tests)", log);
  return debian;
}
