/** Pure helpers of the zoning import dialog. */
import type { ZoningImportSummary } from "../../api/client";

export type ZoningFormat = "sosi" | "gml" | "geojson";

/** The format a file name suggests: .sos → SOSI, .gml/.xml → GML, .geojson/.json → GeoJSON; null when it does not say. */
export function formatOfFileName(name: string): ZoningFormat | null {
  const extension = name.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  switch (extension) {
    case "sos":
    case "sosi":
      return "sosi";
    case "gml":
    case "xml":
      return "gml";
    case "geojson":
    case "json":
      return "geojson";
    default:
      return null;
  }
}

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
