import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseGeoJsonZoning } from "../../../src/io/zoning/geojson-zoning";
import { parseZoningFile, sniffZoningFormat, zoningFormatOfName } from "../../../src/io/zoning/zoning-file";

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/zoning/${name}`, import.meta.url));
const utm = fixture("plan-4204_1536-stemtjonn-skytebane-epsg25832.geojson");
const wgs84 = fixture("plan-4204_1536-stemtjonn-skytebane-wgs84.geojson");
const json = (bytes: Buffer) => JSON.parse(bytes.toString("utf8")) as Record<string, unknown> & { features: { properties: Record<string, unknown> }[] };

const square = (x0: number, y0: number, size: number) => ({
  type: "Polygon",
  coordinates: [[[x0, y0], [x0 + size, y0], [x0 + size, y0 + size], [x0, y0 + size], [x0, y0]]],
});
const collection = (features: unknown[], extra: Record<string, unknown> = {}) => ({ type: "FeatureCollection", ...extra, features });

describe("parseGeoJsonZoning on the real plan 4204_1536", () => {
  it("reads its ten land-use areas and ignores the other plan objects", () => {
    const outcome = parseGeoJsonZoning(json(utm), { source: "plan.geojson" });
    if (!outcome.ok) throw new Error(outcome.problem);
    expect(outcome.areas.map((a) => a.code).sort()).toEqual([1470, 1470, 1470, 1470, 2010, 5100, 5100, 5130, 6001, 6001]);
    expect(outcome.skipped).toEqual([]);
    expect(outcome.planIds).toEqual(["4204_1536"]);
    expect(outcome.sourceCrs).toBe("EPSG:25832");
    expect(outcome.ignored).toMatchObject({ RpOmråde: 1, RpFormålGrense: 38 });
    // Its hensynssoner are read as zones now (test/io/zoning/hazard-zones.test.ts), not ignored.
    expect(outcome.zones).toHaveLength(9);
    expect(outcome.areas.every((a) => a.codeList === "rp" && a.planName === "Stemtjønn skytebane")).toBe(true);
  });

  it("gives the same areas from the EPSG:25832 file and the WGS84 file, within 1e-6°", () => {
    const a = parseGeoJsonZoning(json(utm));
    const b = parseGeoJsonZoning(json(wgs84));
    if (!a.ok || !b.ok) throw new Error("both must read");
    expect(b.sourceCrs).toBe("EPSG:4326");
    expect(a.areas).toHaveLength(b.areas.length);
    a.areas.forEach((area, k) => {
      const twin = b.areas[k]!;
      expect([area.code, area.fieldName]).toEqual([twin.code, twin.fieldName]);
      const ours = area.geometry.coordinates.flat(2) as unknown as number[];
      const theirs = twin.geometry.coordinates.flat(2) as unknown as number[];
      expect(ours).toHaveLength(theirs.length);
      ours.forEach((value, i) => expect(Math.abs(value - theirs[i]!)).toBeLessThan(1e-6));
    });
  });

  it("refuses UTM coordinates declared (or taken) as degrees, guessing the CRS", () => {
    const noCrs = { ...json(utm) };
    delete noCrs.crs;
    expect(parseGeoJsonZoning(noCrs, { source: "plan.geojson" })).toEqual({ ok: false, problem: expect.stringContaining("coordinates look like EPSG:25832 metres") });
    expect(parseGeoJsonZoning(noCrs, { crs: "EPSG:4326" })).toEqual({ ok: false, problem: expect.stringContaining("the CRS is EPSG:4326 (degrees), but coordinates look like EPSG:25832") });
    expect(parseGeoJsonZoning(noCrs, { crs: "EPSG:25832" }).ok).toBe(true);
  });
});

describe("parseGeoJsonZoning: the code property", () => {
  it("refuses a file where no polygon has a code property, naming the first feature and the option", () => {
    const outcome = parseGeoJsonZoning(collection([{ type: "Feature", properties: { navn: "x" }, geometry: square(10.4, 59.8, 0.001) }]), { source: "z.geojson" });
    expect(outcome).toEqual({ ok: false, problem: expect.stringMatching(/^z\.geojson: no polygon feature has the arealformål code property .*\(feature 0 is the first polygon\)/) });
  });

  it("skips a polygon without the code by index, and reads the others", () => {
    const outcome = parseGeoJsonZoning(
      collection([
        { type: "Feature", properties: { code: 1202, planId: "P1" }, geometry: square(10.4, 59.8, 0.001) },
        { type: "Feature", properties: { planId: "P1" }, geometry: square(10.41, 59.8, 0.001) },
        { type: "Feature", properties: { code: "11x", planId: "P1" }, geometry: square(10.42, 59.8, 0.001) },
      ]),
    );
    expect(outcome).toMatchObject({
      ok: true,
      skipped: [
        { object: "feature 1", reason: "has no arealformål code property" },
        { object: "feature 2", reason: '"code" is "11x", not an arealformål code (a number such as 1110)' },
      ],
    });
    expect(outcome.ok && outcome.areas.map((a) => [a.code, a.codeList, a.planId])).toEqual([[1202, "rp", "P1"]]);
  });

  it("uses the property the caller names (and only it)", () => {
    const features = [{ type: "Feature", properties: { formaal_kode: "5100", code: 1110 }, geometry: square(10.4, 59.8, 0.001) }];
    const outcome = parseGeoJsonZoning(collection(features), { codeProperty: "formaal_kode", codeList: "kp", planId: "KPA" });
    expect(outcome.ok && outcome.areas.map((a) => [a.code, a.codeList, a.planId])).toEqual([[5100, "kp", "KPA"]]);
    expect(parseGeoJsonZoning(collection(features), { codeProperty: "missing" })).toMatchObject({ ok: false, problem: expect.stringContaining('"missing"') });
  });

  it("skips an unclosed ring and an area outside Norway, and warns about fallbacks once", () => {
    const open = { type: "Polygon", coordinates: [[[10.4, 59.8], [10.41, 59.8], [10.41, 59.81], [10.4, 59.81]]] };
    const outcome = parseGeoJsonZoning(
      collection([
        { type: "Feature", properties: { code: 1300 }, geometry: open },
        { type: "Feature", properties: { code: 1300 }, geometry: square(2, 50, 0.01) },
        { type: "Feature", properties: { code: 1300 }, geometry: square(10.4, 59.8, 0.001) },
        { type: "Feature", properties: { code: 1300 }, geometry: square(10.41, 59.8, 0.001) },
      ]),
    );
    if (!outcome.ok) throw new Error(outcome.problem);
    expect(outcome.skipped).toEqual([
      { object: "feature 0", reason: "ring 0 is not closed (its last position must repeat the first)" },
      { object: "feature 1", reason: expect.stringContaining("the area is outside Norway") },
    ]);
    expect(outcome.areas).toHaveLength(2);
    expect(outcome.warnings.filter((w) => w.includes("plan id"))).toHaveLength(1);
  });
});

describe("parseZoningFile", () => {
  it("tells the format from the name or the content", () => {
    expect(zoningFormatOfName("plan.SOS")).toBe("sosi");
    expect(zoningFormatOfName("plan.xml")).toBe("gml");
    expect(zoningFormatOfName("plan.json")).toBe("geojson");
    expect(zoningFormatOfName("plan.shp")).toBeUndefined();
    expect(sniffZoningFormat(Buffer.from("\uFEFF.HODE\n"))).toBe("sosi");
    expect(sniffZoningFormat(Buffer.from(" <?xml"))).toBe("gml");
    expect(sniffZoningFormat(Buffer.from('\n{"type"'))).toBe("geojson");
    expect(parseZoningFile(Buffer.from("hello"), { source: "x.bin" })).toEqual({ ok: false, problem: expect.stringContaining("x.bin: cannot tell the format") });
  });

  it("reads each format through one call", () => {
    expect(parseZoningFile(wgs84, { fileName: "plan.geojson" })).toMatchObject({ ok: true, planIds: ["4204_1536"] });
    expect(parseZoningFile(readFileSync(new URL("../../fixtures/zoning/plan-4204_1536-utdrag.gml", import.meta.url)))).toMatchObject({ ok: true, planIds: ["4204_1536"] });
    expect(parseZoningFile(readFileSync(new URL("../../fixtures/sosi/plan-4204_1536-utdrag.sos", import.meta.url)), { format: "sosi" })).toMatchObject({ ok: true, planIds: ["4204_1536"] });
  });
});
