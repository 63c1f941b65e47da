import type { formatsNb } from "./formats.nb";

/** English messages of the vector-format import and export; typed by the Norwegian keys. */
export const formatsEn: Record<keyof typeof formatsNb, string> = {
  "zoningImport.format.auto": "Tell from the file",
  "zoningImport.format.geopackage": "GeoPackage (.gpkg)",
  "zoningImport.format.shapefile": "Shapefile (zip)",
  "zoningImport.format.kml": "KML/KMZ",
  "zoningImport.format.flatgeobuf": "FlatGeobuf (.fgb)",
  "zoningImport.layer": "Layer",
  "zoningImport.layerHint": "The file has several layers. Choose one, or import every layer with land use or zones.",
  "zoningImport.allLayers": "Every layer with land use or zones",
  "zoningImport.layerOption": "{name} ({count} objects)",

  "export.mapData": "Map data",
  "export.mapDataFormat": "Format of map data from {name}",
  "export.mapDataButton": "Export map data",
  "export.mapDataLabel": "Export flows, sites, projects, suitability and zoning of {name} as map data",
  "export.format.geopackage": "GeoPackage (EPSG:25832)",
  "export.format.shapefile": "Shapefile, zip (EPSG:25832)",
  "export.format.kml": "KML (WGS84)",
  "export.format.geojson": "GeoJSON (WGS84)",
  "export.workbook": "Excel",
  "export.workbookLabel": "Download flows and key figures of {name} as an Excel workbook",
  "export.writing": "Writing file…",
  "export.written": "{file} was downloaded. {warnings}",
};
