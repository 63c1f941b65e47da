import { describe, expect, it } from "vitest";
import type { LonLat } from "../../../src/core/geo/geometry";
import { assertWgs84, projectedXY, projectToUtm, unprojectFromUtm, wgs84, type ProjectedXY, type Wgs84 } from "../../../src/core/geo/projections";
import { distanceM } from "../../../src/core/haul/geodesy";

/** Asker town centre: 10.43° E, 59.83° N = EPSG:25832 580 166.8 E, 6 633 343.9 N (as in the coordinates form's test). */
const asker = wgs84(10.43, 59.83);

describe("WGS84 and UTM positions", () => {
  it("projects a known point to UTM 32N and back", () => {
    const [east, north] = projectToUtm(asker, "EPSG:25832");
    expect(east).toBeCloseTo(580166.8, 0);
    expect(north).toBeCloseTo(6633343.9, 0);
    const [lon, lat] = unprojectFromUtm(projectedXY("EPSG:25832", east, north), "EPSG:25832");
    expect(lon).toBeCloseTo(10.43, 7);
    expect(lat).toBeCloseTo(59.83, 7);
  });

  it("projects to each zone's own plane: the same point is further west of zone 33's meridian", () => {
    const zone32 = projectToUtm(asker, "EPSG:25832");
    const zone33 = projectToUtm(asker, "EPSG:25833");
    expect(zone33[0]).toBeLessThan(zone32[0] - 200_000);
    const [lon, lat] = unprojectFromUtm(zone33, "EPSG:25833");
    expect([lon, lat]).toEqual([expect.closeTo(10.43, 7), expect.closeTo(59.83, 7)]);
  });

  it("asserts degrees: metres or a longitude beyond ±180° are not WGS84", () => {
    const typed: LonLat = [10.43, 59.83];
    assertWgs84(typed);
    const checked: Wgs84 = typed;
    expect(checked).toEqual([10.43, 59.83]);
    expect(() => assertWgs84([580166.8, 6633343.9])).toThrow(RangeError);
    expect(() => assertWgs84([59.83, 190])).toThrow(RangeError);
    expect(() => assertWgs84([Number.NaN, 59.83])).toThrow(RangeError);
    expect(() => assertWgs84([10.43, 59.83, 0])).toThrow(RangeError);
  });

  it("is a plain array at run time: the brand is the type checker's alone, so JSON is unchanged", () => {
    expect(JSON.stringify({ at: asker, xy: projectedXY("EPSG:25832", 1, 2) })).toBe('{"at":[10.43,59.83],"xy":[1,2]}');
  });

  it("keeps projected and swapped pairs out of WGS84 parameters (checked by tsc, the lines below must not compile)", () => {
    const xy: ProjectedXY<"EPSG:25832"> = projectToUtm(asker, "EPSG:25832");
    // @ts-expect-error a projected pair is not a WGS84 position, not even a plain LonLat
    const asLonLat: LonLat = xy;
    // @ts-expect-error metres passed to a great-circle distance
    distanceM(xy, asker);
    // @ts-expect-error a bare pair may be [lat, lon]: projecting needs `wgs84(lon, lat)` or `assertWgs84`
    projectToUtm([59.83, 10.43], "EPSG:25832");
    // @ts-expect-error one zone's metres are not another's
    const zone33: ProjectedXY<"EPSG:25833"> = xy;
    // @ts-expect-error unprojecting zone 32 metres as zone 33
    unprojectFromUtm(xy, "EPSG:25833");
    // @ts-expect-error a projected pair cannot be made WGS84 by projecting it again
    projectToUtm(xy, "EPSG:25833");
    // What does compile: a checked WGS84 position is still a LonLat for everything GeoJSON.
    const position: LonLat = asker;
    expect([asLonLat, zone33, position].map((p) => p.length)).toEqual([2, 2, 2]);
    expect(distanceM(asker, position)).toBe(0);
  });
});
