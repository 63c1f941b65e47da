import { z } from "zod";

/**
 * One layer of an uploaded GeoPackage, zipped Shapefile or KML, as the zoning import lists it
 * (`layers` in the answer of `POST /api/zoning/import`, a dry run and a 400 alike) so the user
 * can choose one with `layer=`.
 */
export const fileLayerSchema = z.object({
  name: z.string(),
  featureCount: z.number().int().nonnegative(),
});
export type FileLayer = z.infer<typeof fileLayerSchema>;

/** The `layers` member of a zoning import's answer; absent for SOSI, GML and GeoJSON. */
export const fileLayersSchema = z.object({ layers: z.array(fileLayerSchema).optional() });
