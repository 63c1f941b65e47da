import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { crsOfSpatialRef, crsOfWkt, exportOgcWkt, exportWkt } from "../../../src/io/formats/crs-wkt";
import { detectFileFormat, formatOfFileName, sniffFileFormat } from "../../../src/io/formats/detect-format";
import { fullFieldName, shortFieldNames } from "../../../src/io/formats/field-names";

const fixture = (path: string) => readFileSync(fileURLToPath(new URL(`../../fixtures/${path}`, import.meta.url)));

describe("crsOfWkt", () => {
  it.each([
    // ESRI .prj as GDAL, QGIS and ArcGIS write them (no EPSG code).
    [exportWkt[25832], "EPSG:25832"],
    [exportWkt[4326], "EPSG:4326"],
    ['PROJCS["ETRS_1989_UTM_Zone_33N",GEOGCS["GCS_ETRS_1989",DATUM["D_ETRS_1989",SPHEROID["GRS_1980",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],UNIT["Meter",1.0]]', "EPSG:25833"],
    ['PROJCS["EUREF89 / UTM sone 35N",GEOGCS["EUREF89"]]', "EPSG:25835"],
    ['PROJCS["ETRS_1989_NTM_Zone_10",GEOGCS["GCS_ETRS_1989"],PROJECTION["Transverse_Mercator"]]', "EPSG:5110"],
    ['PROJCS["WGS_1984_Web_Mercator_Auxiliary_Sphere",GEOGCS["GCS_WGS_1984"]]', "EPSG:3857"],
    ['GEOGCS["GCS_ETRS_1989",DATUM["D_ETRS_1989"]]', "EPSG:4258"],
    // OGC WKT with the code on the CRS itself, not taken from a child's AUTHORITY.
    [exportOgcWkt[25832], "EPSG:25832"],
    ['PROJCRS["ETRS89 / UTM zone 32N",BASEGEOGCRS["ETRS89",ID["EPSG",4258]],ID["EPSG",25832]]', "EPSG:25832"],
    // A compound CRS with NN2000 heights is its horizontal part.
    ['COMPD_CS["ETRS89 / UTM zone 33N + NN2000 height",PROJCS["ETRS89 / UTM zone 33N",GEOGCS["ETRS89"],AUTHORITY["EPSG","25833"]],VERT_CS["NN2000 height"]]', "EPSG:25833"],
  ])("%s → %s", (wkt, crs) => expect(crsOfWkt(wkt)).toEqual({ crs }));

  it("names what it does not recognise", () => {
    expect(crsOfWkt('PROJCS["WGS_1984_UTM_Zone_32N",GEOGCS["GCS_WGS_1984"]]')).toEqual({ unknown: "WGS_1984_UTM_Zone_32N" });
    expect(crsOfWkt("")).toEqual({ unknown: "an empty .prj" });
  });

  it("reads GeoPackage spatial reference rows, including the undefined systems", () => {
    expect(crsOfSpatialRef({ srsId: 25832, organization: "EPSG", organizationCode: 25832, name: "x", definition: "" })).toEqual({ crs: "EPSG:25832" });
    expect(crsOfSpatialRef({ srsId: 0, organization: "NONE", organizationCode: 0, name: "", definition: "undefined" })).toEqual({ crs: "EPSG:4326" });
    expect(crsOfSpatialRef({ srsId: -1, organization: "NONE", organizationCode: -1, name: "", definition: "undefined" })).toBeUndefined();
    expect(crsOfSpatialRef({ srsId: 100000, organization: "local", organizationCode: 1, name: "Asker lokal", definition: 'LOCAL_CS["Asker lokal"]' })).toEqual({ unknown: "Asker lokal (local:1)" });
  });
});

describe("Shapefile field names", () => {
  it("restores names the dBase limit cut, and leaves others alone", () => {
    expect(fullFieldName("RPAREALFOR", 10)).toBe("RPAREALFORMÅL");
    expect(fullFieldName("KPAREALFOR", 10)).toBe("KPAREALFORMÅL");
    expect(fullFieldName("HENSYNSONE", 10)).toBe("HENSYNSONENAVN");
    expect(fullFieldName("planidenti", 10)).toBe("planidentifikasjon");
    // "arealformå" in ISO-8859-1 is 10 bytes; in UTF-8 the cut leaves "arealform" (9) or a broken "å".
    expect(fullFieldName("arealformå", 10)).toBe("arealformål");
    expect(fullFieldName("arealform", 9)).toBe("arealformål");
    expect(fullFieldName("arealform\uFFFD", 10)).toBe("arealformål");
    expect(fullFieldName("densityTon", 10)).toBe("densityTonnesPerM3");
    // A known name itself, a short name, and a prefix of nothing known stay as they are.
    expect(fullFieldName("objekttype", 10)).toBe("objekttype");
    expect(fullFieldName("FELTNAVN", 8)).toBe("FELTNAVN");
    expect(fullFieldName("GRUNNEIERE", 10)).toBe("GRUNNEIERE");
    expect(fullFieldName("MYFIELDNAM", 10, ["MyFieldName"])).toBe("MyFieldName");
  });

  it("cuts names to 10 UTF-8 bytes, unique", () => {
    const names = shortFieldNames(["densityTonnesPerM3", "arealformål", "tonnesSurplus", "tonnesSurplusMax", "id"]);
    expect([...names.values()]).toEqual(["densityTon", "arealform", "tonnesSurp", "tonnesSur1", "id"]);
    for (const short of names.values()) expect(new TextEncoder().encode(short).length).toBeLessThanOrEqual(10);
  });
});

describe("format detection", () => {
  it.each([
    ["formats/plan-4204_1536.gpkg", "geopackage"],
    ["formats/plan-4204_1536-shp.zip", "shapefile"],
    ["formats/plan-4204_1536.kml", "kml"],
    ["formats/plan-4204_1536.kmz", "kml"],
    ["formats/plan-4204_1536.fgb", "flatgeobuf"],
    ["zoning/plan-4204_1536-utdrag.gml", "gml"],
    ["sosi/plan-4204_1536-utdrag.sos", "sosi"],
    ["zoning/plan-4204_1536-stemtjonn-skytebane-wgs84.geojson", "geojson"],
  ])("%s is %s from its content", (path, format) => expect(sniffFileFormat(fixture(path))).toBe(format));

  it("trusts content over a wrong name, and the name when the content says nothing", () => {
    expect(detectFileFormat(fixture("formats/plan-4204_1536.gpkg"), { fileName: "plan.zip" })).toBe("geopackage");
    expect(detectFileFormat(new TextEncoder().encode("garbage"), { fileName: "plan.fgb" })).toBe("flatgeobuf");
    expect(detectFileFormat(new TextEncoder().encode("garbage"))).toBeUndefined();
    expect(formatOfFileName("PLAN.KMZ")).toBe("kml");
    expect(formatOfFileName("plan.shp")).toBe("shapefile");
  });
});
