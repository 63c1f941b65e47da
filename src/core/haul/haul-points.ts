import { representativePoint } from "../geo/geometry";

/**
 * The point a haul starts or ends at for a project or site geometry: its representative point
 * (a polygon's centroid). A truck enters by a gate, not the centroid, but the difference is within
 * the snapping connector.
 */
export const haulLocationOf = representativePoint;
