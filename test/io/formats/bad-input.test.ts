// Bad files come back as a problem sentence naming the cause, never a throw and never half-read.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { strToU8, zipSync } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { readVectorFile } from "../../../src/io/formats/read-vector-file";
import { writeVectorFile } from "../../../src/io/formats/write-vector-file";
import { readZipArchive } from "../../../src/io/formats/zip-archive";
import { importZoningFile } from "../../../src/io/zoning/zoning-file";
import { runOgr2ogr, scratch } from "./gdal";

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../../fixtures/formats/${name}`, import.meta.url)));
const tmp = scratch();
afterAll(() => tmp.cleanup());

const square = (x: number, y: number) => ({
  type: "Feature" as const,
  properties: { arealformål: 1110, planId: "3203_TEST" },
  geometry: { type: "Polygon", coordinates: [[[x, y], [x + 0.001, y], [x + 0.001, y + 0.001], [x, y + 0.001], [x, y]]] },
});
const plan = [{ name: "zoning", features: [square(10.43, 59.83), square(10.44, 59.83)] }];

/** The entries of a zip, as a new zip (to leave out or change files). */
async function shapefileEntries(): Promise<Record<string, Uint8Array>> {
  const written = await writeVectorFile("shapefile", plan);
  const read = readZipArchive(written.bytes, "plan.zip");
  if (!read.ok) throw new Error(read.problem);
  return Object.fromEntries(read.value);
}

/** Sets every central-directory and local header's uncompressed size of a zip to `size` (a lying archive). */
function withDeclaredSize(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let at = 0; at + 4 <= out.length; at++) {
    const signature = view.getUint32(at, true);
    if (signature === 0x04034b50) view.setUint32(at + 22, size, true);
    if (signature === 0x02014b50) view.setUint32(at + 24, size, true);
  }
  return out;
}

describe("bad vector files are refused with the cause", () => {
  it("a zip without a .shp names what it holds", async () => {
    const zip = zipSync({ "readme.txt": strToU8("plan"), "plan.dbf": new Uint8Array(40) });
    const read = await readVectorFile(zip, { fileName: "plan.zip" });
    expect(read).toEqual({ ok: false, problem: "plan.zip: the zip archive holds no Shapefile (.shp); it has readme.txt, plan.dbf. Zip the .shp, .shx, .dbf and .prj of the layer together." });
  });

  it("a zip with a .shp but no .dbf", async () => {
    const { "zoning.dbf": _dbf, ...rest } = await shapefileEntries();
    const read = await importZoningFile(zipSync(rest), { fileName: "plan.zip" });
    expect(read).toEqual({ ok: false, problem: 'plan.zip: the Shapefile "zoning" has no .dbf (its attribute table) beside zoning.shp; zip the .shp, .shx, .dbf and .prj together.' });
  });

  it("a GeoPackage without vector layers names what it holds", async () => {
    const read = await importZoningFile(fixture("no-vector-layers.gpkg"), { fileName: "attributes.gpkg" });
    expect(read).toEqual({ ok: false, problem: "attributes.gpkg: the GeoPackage has no vector layers; it holds attributes (attributes)." });
  });

  it("an SQLite database that is not a GeoPackage", async () => {
    const bytes = await writeVectorFile("geopackage", plan);
    // Rename gpkg_contents in the file's own schema text: the file stays a valid SQLite database.
    const text = Buffer.from(bytes.bytes).toString("latin1").replaceAll("gpkg_contents", "gpkg_c0ntents");
    const read = await readVectorFile(Buffer.from(text, "latin1"), { fileName: "other.sqlite" });
    expect(read).toMatchObject({ ok: false, problem: expect.stringContaining("other.sqlite: an SQLite database, but not a GeoPackage") });
  });

  it.each([
    ["a GeoPackage cut short", "plan.gpkg", async () => (await writeVectorFile("geopackage", plan)).bytes.slice(0, 6000), /plan\.gpkg: the GeoPackage is damaged and cannot be read/],
    ["a .gpkg that is not SQLite", "plan.gpkg", async () => strToU8("hello, not a database"), /plan\.gpkg: not a GeoPackage: the file does not start with the SQLite header/],
    ["a FlatGeobuf cut short", "plan.fgb", async () => (await writeVectorFile("flatgeobuf", plan)).bytes.slice(0, 300), /plan\.fgb: the FlatGeobuf file is damaged/],
    ["a KML that is not well-formed", "plan.kml", async () => strToU8('<?xml version="1.0"?><kml><Document><Placemark></Document></kml>'), /plan\.kml: the KML is not well-formed XML/],
    ["a zip cut short", "plan.zip", async () => (await writeVectorFile("shapefile", plan)).bytes.slice(0, 200), /plan\.zip: not a readable zip archive/],
    ["an empty file", "plan.gpkg", async () => new Uint8Array(0), /plan\.gpkg: the file is empty/],
    ["a file of no known format", "plan.dat", async () => strToU8("x;y\n1;2\n"), /plan\.dat: cannot tell the format from the file's content or name/],
  ])("%s", async (_what, fileName, bytes, problem) => {
    const read = await importZoningFile(await bytes(), { fileName });
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.problem).toMatch(problem);
  });

  it("a Shapefile whose .shp is cut short: the shape and row counts differ", async () => {
    const entries = await shapefileEntries();
    const shp = entries["zoning.shp"]!;
    const read = await readVectorFile(zipSync({ ...entries, "zoning.shp": shp.slice(0, shp.length - 40) }), { fileName: "plan.zip" });
    expect(read).toEqual({ ok: false, problem: 'plan.zip: the Shapefile "zoning" is damaged: its .shp holds 1 shapes but its .dbf 2 rows (one of them is cut short, or they do not belong together).' });
  });

  it("a zip bomb that says its size is refused before anything is unpacked", async () => {
    // 64 MiB of zeros packs to about 64 kB: a ratio near 1000.
    const bomb = zipSync({ "zoning.shp": new Uint8Array(64 * 1024 * 1024), "zoning.dbf": new Uint8Array(32) }, { level: 9 });
    const read = await readVectorFile(bomb, { fileName: "bomb.zip" });
    expect(read).toMatchObject({ ok: false, problem: expect.stringMatching(/^bomb\.zip: the zip archive is refused: it unpacks to \d+ times its packed size \(64 MB\), more than the 100× allowed/) });
  });

  it("a zip that declares gigabytes is refused on its directory alone", async () => {
    const lying = withDeclaredSize(zipSync(await shapefileEntries()), 3_000_000_000);
    const read = await readVectorFile(lying, { fileName: "huge.zip" });
    expect(read).toMatchObject({ ok: false, problem: expect.stringMatching(/^huge\.zip: the zip archive is refused: its files would take \d+ MB unpacked, more than the 256 MB allowed/) });
  });

  it("a zip that declares less than it holds cannot unpack past what it declares", async () => {
    const bomb = zipSync({ "zoning.shp": new Uint8Array(8 * 1024 * 1024), "zoning.dbf": new Uint8Array(32) });
    const read = readZipArchive(withDeclaredSize(bomb, 1000), "small.zip");
    // Either the inflater stops at the declared size or refuses the entry; it never allocates the 8 MB.
    if (read.ok) expect(Math.max(...[...read.value.values()].map((entry) => entry.length))).toBeLessThanOrEqual(1000);
    else expect(read.problem).toMatch(/^small\.zip: not a readable zip archive/);
  });

  it("a Shapefile in a CRS Massekart does not know names it, and nothing is imported", async () => {
    const entries = await shapefileEntries();
    const ngo =
      'PROJCS["NGO_1948_Oslo_Norway_Zone_3",GEOGCS["GCS_NGO_1948_Oslo",DATUM["D_NGO_1948",SPHEROID["Bessel_Modified",6377492.018,299.1528128]],PRIMEM["Oslo",10.72291666666667],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",0.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",0.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",58.0],UNIT["Meter",1.0]]';
    const read = await importZoningFile(zipSync({ ...entries, "zoning.prj": strToU8(ngo) }), { fileName: "ngo.zip" });
    expect(read).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/^ngo\.zip: layer "zoning": the file declares the coordinate system "NGO_1948_Oslo_Norway_Zone_3 \(from zoning\.prj\)", which Massekart does not support; use one of EPSG:4326/),
    });
  });

  it("a GeoPackage with one layer in an unsupported CRS is refused whole, not half-imported", async () => {
    const good = tmp.file("good.gpkg", fixture("plan-4204_1536.gpkg"));
    // Add a copy of the land-use layer tagged EPSG:3044 (ETRS-TM32), which Massekart does not convert.
    runOgr2ogr(["-f", "GPKG", "-update", good, good, "RpArealformålOmråde", "-nln", "etrs_tm32", "-a_srs", "EPSG:3044"]);
    const read = await importZoningFile(readFileSync(good), { fileName: "mixed.gpkg" });
    expect(read).toMatchObject({ ok: false, problem: expect.stringContaining('the CRS "EPSG:3044" is not supported') });
    const chosen = await importZoningFile(readFileSync(good), { fileName: "mixed.gpkg", layer: "RpArealformålOmråde" });
    expect(chosen).toMatchObject({ ok: true, areas: expect.any(Array) });
  });
});
