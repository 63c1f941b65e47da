import { siteKinds, type SiteKind } from "../domain/records";
import type { LonLat } from "../geo/geometry";

/**
 * One item of the `from` / `to` query parameters of `GET /api/distances`. Items are separated by
 * ";" (URL-encode ids that contain ";"):
 * - `project:<id>`: a project, at its location (a Point, or a polygon's centroid);
 * - `site:<id>`: a site, at its polygon's centroid;
 * - `projects`: every project; `sites`: every site; `sites:storage` (or landfill, quarry): sites of one kind;
 * - `<id>@<lon>,<lat>` or `<id>:<lon>,<lat>`: a free point with its own id, WGS84 degrees.
 * An item whose tail after the last "@" or ":" is two numbers is a free point.
 * @example "project:3f2a…;site:9c1e…;depot@10.43,59.83"
 */
export type PointQueryItem =
  | { kind: "project"; id: string }
  | { kind: "site"; id: string }
  | { kind: "projects" }
  | { kind: "sites"; siteKind?: SiteKind }
  | { kind: "point"; id: string; location: LonLat };

const numberPattern = String.raw`[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?`;
const freePoint = new RegExp(String.raw`^(.+)[@:]\s*(${numberPattern})\s*,\s*(${numberPattern})$`);

/** Parses a point list; the problem names the item and what is wrong with it. */
export function parsePointQuery(text: string): { ok: true; items: PointQueryItem[] } | { ok: false; problem: string } {
  const items: PointQueryItem[] = [];
  const parts = text.split(";").map((part) => part.trim());
  for (const [index, part] of parts.entries()) {
    if (part === "") {
      if (parts.length === 1) break;
      continue;
    }
    const point = freePoint.exec(part);
    if (point) {
      const lon = Number(point[2]);
      const lat = Number(point[3]);
      if (Math.abs(lon) > 180 || Math.abs(lat) > 90) {
        return { ok: false, problem: `item ${index + 1} ("${part}"): the position must be lon,lat in WGS84 degrees (lon −180…180, lat −90…90).` };
      }
      items.push({ kind: "point", id: point[1]!.trim(), location: [lon, lat] });
      continue;
    }
    if (part === "projects") items.push({ kind: "projects" });
    else if (part === "sites") items.push({ kind: "sites" });
    else if (part.startsWith("sites:")) {
      const siteKind = part.slice("sites:".length) as SiteKind;
      if (!siteKinds.includes(siteKind)) return { ok: false, problem: `item ${index + 1} ("${part}"): the site kind must be one of ${siteKinds.join(", ")}.` };
      items.push({ kind: "sites", siteKind });
    } else if (part.startsWith("project:") && part.length > "project:".length) items.push({ kind: "project", id: part.slice("project:".length) });
    else if (part.startsWith("site:") && part.length > "site:".length) items.push({ kind: "site", id: part.slice("site:".length) });
    else {
      return {
        ok: false,
        problem: `item ${index + 1} ("${part}") is not project:<id>, site:<id>, projects, sites, sites:<kind> or <id>@<lon>,<lat>.`,
      };
    }
  }
  return { ok: true, items };
}
