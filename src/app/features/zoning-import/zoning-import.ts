/** Pure helpers of the zoning import dialog. */
import type { ZoningImportSummary } from "../../api/client";

/** The file picker's accept list: every extension the zoning import reads (see `formatOfFileName` in io/formats). */
export const zoningFileAccept = ".sos,.sosi,.gml,.xml,.geojson,.json,.gpkg,.zip,.kml,.kmz,.fgb";

/** "Planavgrensning 1, RpGrense 12": the objects that are not land use, by type. */
export function ignoredText(ignored: ZoningImportSummary["ignored"]): string {
  return Object.entries(ignored)
    .filter(([, count]) => count > 0)
    .map(([type, count]) => `${type} ${count}`)
    .join(", ");
}

/** What the dialog offers after a dry run: a plain import, or only the valid objects. */
export function importChoice(summary: ZoningImportSummary): "import" | "importValid" | "nothing" {
  // Areas and zones alike: an NVE hazard map has zones only.
  const found = summary.found + summary.zonesFound;
  if (found === 0) return "nothing";
  return summary.skipped.length > 0 ? "importValid" : "import";
}
