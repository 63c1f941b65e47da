import { area } from "@turf/area";
import proj4 from "proj4";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { AreaGeometry, LonLat, PolygonGeometry } from "../../../src/core/geo/geometry";
import { planarAreaM2 } from "../../../src/core/geo/planar-area";
import { utmProj4, wgs84Proj4 } from "../../../src/core/geo/projections";

const toWgs84 = (zone: number) => {
  const projection = proj4(utmProj4(zone), wgs84Proj4);
  return ([x, y]: [number, number]): LonLat => projection.forward([x, y]) as LonLat;
};

/** A rectangle drawn in UTM zone 32 metres, as a WGS84 polygon. */
function utmRectangle(east: number, north: number, widthM: number, heightM: number, zone = 32): PolygonGeometry {
  const ring: [number, number][] = [
    [east, north],
    [east + widthM, north],
    [east + widthM, north + heightM],
    [east, north + heightM],
    [east, north],
  ];
  return { type: "Polygon", coordinates: [ring.map(toWgs84(zone))] };
}

/** Shoelace area of a plane ring, m². */
const shoelace = (ring: number[][]) => Math.abs(ring.slice(1).reduce((sum, [x1, y1], k) => sum + ring[k]![0]! * y1! - x1! * ring[k]![1]!, 0)) / 2;

describe("planarAreaM2", () => {
  it("gives a 100 m × 100 m square drawn in EPSG:25832 (at Asker) as 10,000 m²", () => {
    const square = utmRectangle(580_000, 6_630_000, 100, 100);
    expect(planarAreaM2(square)).toBeCloseTo(10_000, 3);
  });

  it("reads about 0.5 % above Turf's spherical area at 60° N, the gap plan documents would show", () => {
    const square = utmRectangle(580_000, 6_630_000, 500, 400);
    const ratio = area(square) / planarAreaM2(square);
    expect(ratio).toBeGreaterThan(0.993);
    expect(ratio).toBeLessThan(0.997);
  });

  it("subtracts holes and adds the parts of a MultiPolygon", () => {
    const outer = utmRectangle(580_000, 6_630_000, 100, 100).coordinates[0]!;
    const hole = utmRectangle(580_020, 6_630_020, 30, 30).coordinates[0]!.slice().reverse();
    const other = utmRectangle(581_000, 6_630_000, 50, 20).coordinates[0]!;
    const geometry: AreaGeometry = { type: "MultiPolygon", coordinates: [[outer, hole], [other]] };
    expect(planarAreaM2(geometry)).toBeCloseTo(10_000 - 900 + 1000, 3);
  });

  it("measures in another zone when asked (a square drawn in EPSG:25833)", () => {
    const square = utmRectangle(260_000, 6_650_000, 200, 200, 33);
    expect(planarAreaM2(square, { crs: 25833 })).toBeCloseTo(40_000, 3);
  });

  it("gives the real plan 4204_1536's land-use areas as their EPSG:25832 outlines do (shoelace in the file's own metres)", () => {
    const read = (name: string) =>
      JSON.parse(readFileSync(new URL(`../../fixtures/zoning/plan-4204_1536-stemtjonn-skytebane-${name}.geojson`, import.meta.url), "utf8")) as {
        features: { properties: { name: string; id: string }; geometry: AreaGeometry | null }[];
      };
    const utm = read("epsg25832").features.filter((f) => f.properties.name === "RpArealformålOmråde");
    const wgs = new Map(read("wgs84").features.map((f) => [f.properties.id, f.geometry]));
    expect(utm.length).toBe(10);
    for (const feature of utm) {
      const geometry = feature.geometry!;
      const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
      const expected = polygons.reduce((sum, rings) => sum + rings.reduce((s, ring, r) => s + (r === 0 ? 1 : -1) * shoelace(ring), 0), 0);
      const computed = planarAreaM2(wgs.get(feature.properties.id)!);
      // The WGS84 copy is rounded to 1e-8° (≈ 1 mm), so allow 0.01 % or 0.5 m².
      expect(Math.abs(computed - expected)).toBeLessThan(Math.max(0.5, expected * 1e-4));
    }
  });
});
