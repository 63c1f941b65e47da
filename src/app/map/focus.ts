/** Pure helpers of the map component: the draft location's point and the padding for flying to a project. */
import type { FeatureCollection, Point } from "geojson";
import { checkCoordinates } from "../features/projects/coordinates";
import type { LocationDraft } from "../features/projects/draft";

/** The point of the location being typed or picked in the form, if it is a valid one. */
export function draftPoint(location: LocationDraft | undefined): FeatureCollection<Point> {
  const empty: FeatureCollection<Point> = { type: "FeatureCollection", features: [] };
  if (!location || location.kind !== "point") return empty;
  const check = checkCoordinates(location.crs, location.x, location.y);
  if (!check.ok) return empty;
  return { type: "FeatureCollection", features: [{ type: "Feature", geometry: { type: "Point", coordinates: check.lonLat }, properties: {} }] };
}

/**
 * Padding for flying to a project, leaving room for the panels over the map on either side,
 * but never more than a third of the map each (or MapLibre refuses to fit at all).
 */
export function focusPadding(
  widthPx: number,
  heightPx: number,
  { leftPanel, rightPanel }: { leftPanel: boolean; rightPanel: boolean },
): { top: number; bottom: number; left: number; right: number } {
  const side = (open: boolean, wantPx: number) => Math.min(open ? wantPx : 48, Math.floor(widthPx / 3));
  const vertical = Math.min(64, Math.floor(heightPx / 4));
  return { top: vertical, bottom: vertical, left: side(leftPanel, 360), right: side(rightPanel, 540) };
}
