/**
 * Norwegian messages of the vector-format import and export (issue 13): the format and layer
 * choice of the zoning and road network imports, and the export menu of a scenario. Spread into
 * `nb.ts`; `formats.en.ts` has the same keys.
 */
export const formatsNb = {
  "zoningImport.format.auto": "Finn ut fra filen",
  "zoningImport.format.geopackage": "GeoPackage (.gpkg)",
  "zoningImport.format.shapefile": "Shapefile (zip)",
  "zoningImport.format.kml": "KML/KMZ",
  "zoningImport.format.flatgeobuf": "FlatGeobuf (.fgb)",
  "zoningImport.layer": "Lag",
  "zoningImport.layerHint": "Filen har flere lag. Velg ett, eller importer alle lag med arealformål eller hensynssoner.",
  "zoningImport.allLayers": "Alle lag med arealformål eller soner",
  "zoningImport.layerOption": "{name} ({count} objekter)",

  "export.mapData": "Kartdata",
  "export.mapDataFormat": "Format for kartdata fra {name}",
  "export.mapDataButton": "Eksporter kartdata",
  "export.mapDataLabel": "Eksporter massestrømmer, lokaliteter, prosjekter, egnethet og arealformål for {name} som kartdata",
  "export.format.geopackage": "GeoPackage (EPSG:25832)",
  "export.format.shapefile": "Shapefile, zip (EPSG:25832)",
  "export.format.kml": "KML (WGS84)",
  "export.format.geojson": "GeoJSON (WGS84)",
  "export.workbook": "Excel",
  "export.workbookLabel": "Last ned massestrømmer og nøkkeltall for {name} som Excel-arbeidsbok",
  "export.writing": "Skriver fil…",
  "export.written": "{file} er lastet ned. {warnings}",
} as const;
