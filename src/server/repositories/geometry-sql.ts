import { bboxOf, type Bbox, type LocationGeometry } from "../../core/geo/geometry";

/** SQL for a `box` column value from four parameters starting at $n. */
export const boxSql = (n: number) => `box(point($${n}, $${n + 1}), point($${n + 2}, $${n + 3}))`;

/** The parameters that `boxSql` consumes, for a geometry. */
export const boxParams = (geometry: LocationGeometry): Bbox => bboxOf(geometry);
