import { describe, expect, it } from "vitest";
import {
  checkCoordinates,
  coordinateTexts,
  fromWgs84,
  parseTypedNumber,
  textsForCrsChange,
  toWgs84,
} from "../../../../src/app/features/projects/coordinates";

/** Asker town centre: 10.43° E, 59.83° N = EPSG:25832 580 166.8 E, 6 633 343.9 N (proj4, UTM 32N). */
const asker = { lon: 10.43, lat: 59.83, east: 580166.8, north: 6633343.9 };

describe("EPSG:25832 ↔ WGS84", () => {
  it("converts a known point both ways to within a decimetre", () => {
    const [east, north] = fromWgs84("EPSG:25832", [asker.lon, asker.lat]);
    expect(east).toBeCloseTo(asker.east, 0);
    expect(north).toBeCloseTo(asker.north, 0);
    const [lon, lat] = toWgs84("EPSG:25832", asker.east, asker.north);
    expect(lon).toBeCloseTo(asker.lon, 5);
    expect(lat).toBeCloseTo(asker.lat, 5);
  });

  it("passes WGS84 through unchanged", () => {
    expect(toWgs84("EPSG:4326", 10.5, 59.9)).toEqual([10.5, 59.9]);
    expect(fromWgs84("EPSG:4326", [10.5, 59.9])).toEqual([10.5, 59.9]);
  });

  it("formats degrees with 6 decimals and metres whole", () => {
    expect(coordinateTexts("EPSG:4326", [10.43, 59.83])).toEqual({ x: "10.430000", y: "59.830000" });
    expect(coordinateTexts("EPSG:25832", [10.43, 59.83])).toEqual({ x: "580167", y: "6633344" });
  });
});

describe("parseTypedNumber", () => {
  it("reads decimal commas and grouped thousands as typed in Norway", () => {
    expect(parseTypedNumber("59,83")).toBe(59.83);
    expect(parseTypedNumber("580 166")).toBe(580166);
    expect(parseTypedNumber("580\u00a0166,5")).toBe(580166.5);
    expect(parseTypedNumber(" 10.43 ")).toBe(10.43);
    expect(parseTypedNumber("-3")).toBe(-3);
  });

  it("refuses what is not one number", () => {
    for (const text of ["", "  ", "abc", "10.4.3", "1,200,5", "10e3x"]) expect(parseTypedNumber(text), text).toBeUndefined();
  });
});

describe("checkCoordinates", () => {
  it("accepts a point in Norway in either system", () => {
    const wgs = checkCoordinates("EPSG:4326", "10.43", "59.83");
    expect(wgs).toEqual({ ok: true, lonLat: [10.43, 59.83] });
    const utm = checkCoordinates("EPSG:25832", "580 167", "6633344");
    expect(utm.ok).toBe(true);
    if (utm.ok) {
      expect(utm.lonLat[0]).toBeCloseTo(10.43, 4);
      expect(utm.lonLat[1]).toBeCloseTo(59.83, 4);
    }
  });

  it("asks for both numbers, and says which one is not a number", () => {
    expect(checkCoordinates("EPSG:25832", "", "")).toEqual({ ok: false, errors: { x: "coords.required", y: "coords.required" } });
    expect(checkCoordinates("EPSG:4326", "ti", "59.8")).toEqual({ ok: false, errors: { x: "coords.notNumber" } });
  });

  it("spots latitude and longitude typed the wrong way round, and offers to swap", () => {
    expect(checkCoordinates("EPSG:4326", "59.83", "10.43")).toEqual({
      ok: false,
      errors: { position: "coords.outsideNorway" },
      hint: { key: "coords.hint.swappedLonLat", fix: { kind: "swap" } },
    });
  });

  it("spots UTM metres typed as degrees, and offers EPSG:25832", () => {
    const check = checkCoordinates("EPSG:4326", "580167", "6633344");
    expect(check).toMatchObject({ ok: false, hint: { key: "coords.hint.utmAsDegrees", fix: { kind: "useCrs", crs: "EPSG:25832" } } });
    // The same with north typed first.
    expect(checkCoordinates("EPSG:4326", "6633344", "580167")).toMatchObject({ hint: { key: "coords.hint.utmAsDegrees" } });
  });

  it("spots degrees typed as UTM metres, and offers WGS84", () => {
    expect(checkCoordinates("EPSG:25832", "10.43", "59.83")).toMatchObject({
      ok: false,
      hint: { key: "coords.hint.degreesAsUtm", fix: { kind: "useCrs", crs: "EPSG:4326" } },
    });
  });

  it("spots east and north swapped", () => {
    expect(checkCoordinates("EPSG:25832", "6633344", "580167")).toMatchObject({
      ok: false,
      hint: { key: "coords.hint.swappedEastNorth", fix: { kind: "swap" } },
    });
  });

  it("says a point abroad is outside Norway, without a hint when nothing explains it", () => {
    expect(checkCoordinates("EPSG:4326", "2.35", "48.85")).toEqual({ ok: false, errors: { position: "coords.outsideNorway" } });
    expect(checkCoordinates("EPSG:4326", "200", "95")).toEqual({ ok: false, errors: { x: "coords.lonRange", y: "coords.latRange" } });
  });
});

describe("textsForCrsChange", () => {
  it("converts a valid position, so the point stays where it is", () => {
    expect(textsForCrsChange("EPSG:4326", "EPSG:25832", "10.43", "59.83")).toEqual({ x: "580167", y: "6633344" });
  });

  it("keeps numbers that make no valid position: the user is saying what they were typed in", () => {
    expect(textsForCrsChange("EPSG:4326", "EPSG:25832", "580167", "6633344")).toEqual({ x: "580167", y: "6633344" });
  });
});
