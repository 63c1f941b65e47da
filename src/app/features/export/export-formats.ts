/** The formats a scenario's map data is exported in, in menu order (GeoPackage first: what QGIS users ask for). */
export const mapDataFormats = ["geopackage", "shapefile", "kml", "geojson"] as const;
export type MapDataFormat = (typeof mapDataFormats)[number];
