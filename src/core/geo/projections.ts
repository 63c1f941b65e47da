/**
 * proj4 definitions of the Norwegian plane systems, shared by the file readers (src/io/crs.ts) and
 * the planar area in core, so both project the same way. From the EPSG register (epsg.io). ETRS89
 * and WGS84 differ by well under a metre in Norway for this purpose, so ETRS89-based systems
 * convert with a zero datum shift.
 */
export const etrs89Proj4 = "+ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs";

/** EPSG:258zz: ETRS89 / UTM zone `zone` N. */
export const utmProj4 = (zone: number) => `+proj=utm +zone=${zone} ${etrs89Proj4}`;

export const wgs84Proj4 = "+proj=longlat +datum=WGS84 +no_defs";
