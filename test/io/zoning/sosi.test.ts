import { readFileSync } from "node:fs";
import { area } from "@turf/area";
import proj4 from "proj4";
import { describe, expect, it } from "vitest";
import type { AreaGeometry } from "../../../src/core/geo/geometry";
import type { PlanePosition } from "../../../src/io/zoning/arc";
import { decodeSingleByte, decodeSosiBytes } from "../../../src/io/zoning/sosi-charset";
import { parseRefs, SosiGeometryBuilder } from "../../../src/io/zoning/sosi-geometry";
import { childNamed, readSosiElements } from "../../../src/io/zoning/sosi-reader";
import { parseSosiZoning, readSosi } from "../../../src/io/zoning/sosi-zoning";
import { parseGeoJsonZoning } from "../../../src/io/zoning/geojson-zoning";

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/sosi/${name}`, import.meta.url));
const read = (name: string) => {
  const result = readSosi(fixture(name));
  if (!result.ok) throw new Error(result.problem);
  return result.value;
};
const latin1 = (text: string) => Uint8Array.from([...text].map((c) => c.charCodeAt(0)));

/** A ring as a comparable value: without the closing position, from its smallest vertex, counter-clockwise. */
function normalisedRing(ring: readonly PlanePosition[]): string[] {
  const open = ring.slice(0, -1).map(([x, y]) => `${x.toFixed(2)} ${y.toFixed(2)}`);
  let signed = 0;
  for (let k = 0; k < ring.length - 1; k++) signed += ring[k]![0] * ring[k + 1]![1] - ring[k + 1]![0] * ring[k]![1];
  const ccw = signed > 0 ? open : open.slice().reverse();
  const start = ccw.indexOf([...ccw].sort()[0]!);
  return [...ccw.slice(start), ...ccw.slice(0, start)];
}

describe("SOSI fixtures: objects per file", () => {
  // Counts from the files themselves (grep -c '^\.KURVE' …), as the reader must find them.
  const expected: Record<string, Record<string, number>> = {
    "flatetest.sos": { KURVE: 4, FLATE: 1 },
    "flate_oy.sos": { KURVE: 8, FLATE: 3 },
    "non-linear.sos": { FLATE: 2, KURVE: 8 },
    "buer.sos": { KURVE: 11, BUEP: 10 },
    "kurvetest.sos": { KURVE: 1 },
    "naturvernomraade.sos": { PUNKT: 62, KURVE: 48, FLATE: 17 },
    "valid_graphical.sos": { PUNKT: 1 },
    "valid_real_data2.sos": { KURVE: 3 },
    "valid_utf8_with_bom.sos": { KURVE: 1 },
    "plan-4204_1536-utdrag.sos": { KURVE: 13, FLATE: 5 },
    "plan-feil-og-buer.sos": { KURVE: 7, BUEP: 1, FLATE: 8 },
  };
  for (const [name, counts] of Object.entries(expected)) {
    it(`${name}: ${Object.entries(counts).map(([kind, n]) => `${n} ${kind}`).join(", ")}`, () => {
      expect(read(name).document.counts).toEqual(counts);
    });
  }

  it("builds every area of the real protected-area file, with its shared, reversed and out-of-order boundaries", () => {
    const { document } = read("naturvernomraade.sos");
    const builder = new SosiGeometryBuilder(document);
    const areas = document.objects.filter((object) => object.kind === "FLATE").map((object) => builder.polygon(object));
    expect(areas.filter((outcome) => outcome.ok)).toHaveLength(17);
  });
});

describe("SOSI geometry", () => {
  it("joins .FLATE 651 of flatetest.sos from :-633 :134 :-138 :135 into the known ring", () => {
    const { document } = read("flatetest.sos");
    const flate = document.bySerial.get(651)!;
    const polygon = new SosiGeometryBuilder(document).polygon(flate);
    if (!polygon.ok) throw new Error(polygon.problem);
    // [east, north] in metres (ENHET 0.01, ORIGO 0 0), read off the four curves by hand.
    const ring: PlanePosition[] = [
      [341824.03, 7661347.45], // end of 633 = start of 633 reversed
      [341817.18, 7661352.5],
      [341817.16, 7661352.49], // node shared by 633 and 134
      [341817.23, 7661353.33],
      [341820.91, 7661356.85], // node shared by 134 and 138
      [341826.38, 7661351.01],
      [341826.9, 7661350.95], // node shared by 138 and 135
      [341826.78, 7661350.28],
      [341824.03, 7661347.45],
    ];
    expect(normalisedRing(polygon.value.exterior)).toEqual(normalisedRing(ring));
    expect(polygon.value.holes).toEqual([]);
  });

  it("takes islands from parentheses, also as a reference to another .FLATE (flate_oy.sos)", () => {
    const { document } = read("flate_oy.sos");
    const builder = new SosiGeometryBuilder(document);
    for (const serial of [400, 600]) {
      const polygon = builder.polygon(document.bySerial.get(serial)!);
      if (!polygon.ok) throw new Error(polygon.problem);
      expect(polygon.value.holes).toHaveLength(1);
      expect(normalisedRing(polygon.value.holes[0]!)).toEqual(normalisedRing([[300010, 7000010], [300010, 7000020], [300020, 7000020], [300020, 7000010], [300010, 7000010]]));
    }
  });

  it("refuses an unclosed ring with the curves and the gap (non-linear.sos)", () => {
    const { document } = read("non-linear.sos");
    const polygon = new SosiGeometryBuilder(document).polygon(document.bySerial.get(500)!);
    expect(polygon).toEqual({ ok: false, problem: expect.stringMatching(/exterior: the ring is not closed: :200 ends at N 7001020\.00 E 300010\.00.*:201 starts 1000\.00 m away/) });
  });

  it("approximates every .BUEP of buer.sos within 5 cm, ending exactly on its end points", () => {
    const { document } = read("buer.sos");
    const builder = new SosiGeometryBuilder(document);
    const arcs = document.objects.filter((object) => object.kind === "BUEP");
    expect(arcs).toHaveLength(10);
    for (const arc of arcs) {
      const curve = builder.curve(arc);
      if (!curve.ok) throw new Error(curve.problem);
      const given = arc.element.children.filter((child) => child.name === "NØ").flatMap((block) => block.values).map(Number);
      const first: PlanePosition = [given[1]! * 0.01, given[0]! * 0.01];
      const last: PlanePosition = [given[5]! * 0.01, given[4]! * 0.01];
      expect(curve.value[0]).toEqual(first);
      expect(curve.value[curve.value.length - 1]).toEqual(last);
      expect(curve.value.length).toBeGreaterThanOrEqual(3);
    }
  });

  it("reads ..REF lists over several lines, with islands and signs", () => {
    expect(parseRefs([":1", ":-2", "(:3", ":-4)", "(:5)", ":6"])).toEqual({
      ok: true,
      value: {
        exterior: [{ serial: 1, reversed: false }, { serial: 2, reversed: true }, { serial: 6, reversed: false }],
        islands: [[{ serial: 3, reversed: false }, { serial: 4, reversed: true }], [{ serial: 5, reversed: false }]],
      },
    });
    expect(parseRefs([":1", "(:2"])).toEqual({ ok: false, problem: expect.stringContaining("leaves an island open") });
    expect(parseRefs([":1", "x"])).toEqual({ ok: false, problem: expect.stringContaining('"x"') });
  });
});

describe("SOSI text", () => {
  it("decodes real ISO-8859-1 files (æøå) and keeps UTF-8 with a BOM", () => {
    const graphical = read("valid_graphical.sos");
    expect(graphical.charset).toBe("ISO-8859-1");
    expect(childNamed(graphical.document.header.element, "EIER")?.values).toEqual(["Søbstad AS"]);
    expect(graphical.document.objects[0]!.element.children.map((child) => child.name)).toContain("Størrelse_1970");
    expect(read("valid_real_data2.sos").text).toContain('"Nidaros Oppmåling as"');
    const bom = read("valid_utf8_with_bom.sos");
    expect(bom.charset).toBe("UTF-8");
    expect(bom.text).toContain("..Bruksområde_1248 2393");
  });

  it("reads a file that claims ISO8859-x but is UTF-8, and says so", () => {
    const buer = read("buer.sos");
    expect(buer.charset).toBe("UTF-8");
    expect(buer.warnings[0]).toMatch(/TEGNSETT says ISO8859-10, but the file starts with a UTF-8 byte-order mark/);
  });

  it("maps ISO-8859-10 where it differs from Latin-1, as the WHATWG decoder does", () => {
    expect(decodeSingleByte(Uint8Array.from([0xe6, 0xf8, 0xe5, 0xc6, 0xd8, 0xc5, 0xc1, 0xe1, 0xba, 0xa9, 0xbf]), "ISO-8859-10")).toBe("æøåÆØÅÁášĐŋ");
    let reference: TextDecoder | undefined;
    try {
      reference = new TextDecoder("iso-8859-10");
    } catch {
      reference = undefined; // small-ICU builds lack it; the explicit bytes above still check the table
    }
    if (reference) {
      const all = Uint8Array.from({ length: 256 }, (_, k) => k);
      expect(decodeSingleByte(all, "ISO-8859-10")).toBe(reference.decode(all));
    }
    const bytes = latin1(".HODE\n..TEGNSETT ISO8859-10\n.PUNKT 1:\n..NAVN \"Cáhcesuolu\"\n.SLUTT\n");
    bytes[bytes.indexOf(0x43)] = 0xc8; // "C" → Č in ISO-8859-10
    const decoded = decodeSosiBytes(bytes);
    expect(decoded.ok && decoded.text).toContain('"Čáhcesuolu"');
  });

  it("refuses an unknown character set, naming it", () => {
    const outcome = parseSosiZoning(latin1(".HODE\n..TEGNSETT DOSN8\n..TRANSPAR\n...KOORDSYS 22\n.SLUTT\n"));
    expect(outcome).toEqual({ ok: false, problem: expect.stringContaining("..TEGNSETT DOSN8 is a character set Massekart cannot read") });
  });

  it("reads strings, concatenations, comments and values on the element's line", () => {
    const [head, point] = readSosiElements('.HODE ..NAVN "Tore""" & \' "Eide\'\' \' & "Andersen" !kommentar\n.PUNKT 7: ..NØH 2980 11668 995 ...KP 1 2981 11669 996\n');
    expect(head!.children[0]).toMatchObject({ name: "NAVN", values: ['Tore" "Eide\' Andersen'] });
    expect(point!.values).toEqual(["7:"]);
    expect(point!.children[0]).toMatchObject({ name: "NØH", values: ["2980", "11668", "995", "2981", "11669", "996"] });
    expect(point!.children[0]!.children[0]).toMatchObject({ name: "KP", values: ["1"] });
    // Point-level elements describe the point on their own line; the next line is coordinates again.
    const [curve] = readSosiElements(".KURVE 8:\n..NØ\n10 20 ...KP 1 ...KVALITET 21 10\n30 40\n50 60 ...KP 1\n");
    expect(curve!.children[0]).toMatchObject({ name: "NØ", values: ["10", "20", "30", "40", "50", "60"] });
    expect(curve!.children[0]!.children.map((child) => [child.name, child.values])).toEqual([["KP", ["1"]], ["KVALITET", ["21", "10"]], ["KP", ["1"]]]);
  });

  it("refuses invalid_graphical.sos: its header has ..PRODUSEN, a misspelt ..PRODUSENT", () => {
    const outcome = parseSosiZoning(fixture("invalid_graphical.sos"));
    expect(outcome).toEqual({
      ok: false,
      problem: expect.stringMatching(/^\.HODE: \.\.PRODUSEN \(line 13\) is not a SOSI header element; did you mean \.\.PRODUSENT\?/),
    });
    expect(parseSosiZoning(fixture("valid_graphical.sos")).ok).toBe(true);
  });

  it("refuses a file without .HODE and an unsupported KOORDSYS", () => {
    expect(parseSosiZoning(latin1(".KURVE 1:\n..NØ\n1 2\n.SLUTT\n"))).toEqual({ ok: false, problem: expect.stringContaining("must start with .HODE") });
    expect(parseSosiZoning(fixture("kurvetest.sos"))).toEqual({ ok: false, problem: expect.stringContaining("...KOORDSYS 5 is not supported") });
  });
});

describe("parseSosiZoning", () => {
  it("imports the areas of the plan extract with codes, plan id, name (ISO-8859-1 æøå) and status", () => {
    const outcome = parseSosiZoning(fixture("plan-4204_1536-utdrag.sos"), { source: "utdrag.sos" });
    if (!outcome.ok) throw new Error(outcome.problem);
    expect(outcome.sourceCrs).toBe("EPSG:25832");
    expect(outcome.planIds).toEqual(["4204_1536"]);
    expect(outcome.skipped).toEqual([]);
    expect(outcome.ignored).toEqual({ RpFormålGrense: 13, RpOmråde: 1 });
    expect(outcome.areas.map((a) => [a.sourceObject, a.code, a.codeList, a.fieldName])).toEqual([
      [".FLATE 1:", 1470, "rp", "BSK2"],
      [".FLATE 2:", 5130, "rp", "LF"],
      [".FLATE 3:", 6001, "rp", "V2"],
      [".FLATE 4:", 5100, "rp", "L2"],
    ]);
    for (const area of outcome.areas) {
      expect(area).toMatchObject({ planName: "Detaljregulering for Stemtjønn skytebane", status: "proposed", sourceCrs: "EPSG:25832" });
    }
  });

  it("gives the same areas as the plan's GeoJSON (within 1e-6°)", () => {
    const sosi = parseSosiZoning(fixture("plan-4204_1536-utdrag.sos"));
    const geojson = parseGeoJsonZoning(JSON.parse(readFileSync(new URL("../../fixtures/zoning/plan-4204_1536-stemtjonn-skytebane-wgs84.geojson", import.meta.url), "utf8")));
    if (!sosi.ok || !geojson.ok) throw new Error("both must read");
    for (const imported of sosi.areas) {
      const twin = geojson.areas.find((candidate) => candidate.fieldName === imported.fieldName)!;
      const ours = imported.geometry.coordinates[0] as unknown as [number, number][];
      const theirs = twin.geometry.coordinates[0] as unknown as [number, number][];
      expect(ours.length).toBe(theirs.length);
      for (const [lon, lat] of ours) {
        expect(theirs.some(([x, y]) => Math.abs(x - lon) < 1e-6 && Math.abs(y - lat) < 1e-6)).toBe(true);
      }
      expect(area(imported.geometry)).toBeCloseTo(area(twin.geometry), -1);
    }
  });

  it("skips bad objects with the reason, naming each .FLATE, and still imports the good ones", () => {
    const outcome = parseSosiZoning(fixture("plan-feil-og-buer.sos"));
    if (!outcome.ok) throw new Error(outcome.problem);
    expect(outcome.areas.map((a) => [a.sourceObject, a.code, a.planName, a.status])).toEqual([
      [".FLATE 10:", 1202, "Massemottak Ødegården (testdata)", "in_force"],
      [".FLATE 11:", 1110, "Massemottak Ødegården (testdata)", "in_force"],
    ]);
    expect(outcome.skipped).toEqual([
      { object: ".FLATE 12:", reason: "broken reference :99: the file has no object with serial number 99" },
      { object: ".FLATE 13:", reason: expect.stringContaining("the ring is not closed: it ends 90.00 m from where it starts") },
      { object: ".FLATE 14:", reason: "RpArealformålOmråde has no ..RPAREALFORMÅL or ..KPAREALFORMÅL code" },
      { object: ".FLATE 15:", reason: expect.stringMatching(/^the area is outside Norway .*EPSG:25832 E 580000\.00 N 1000\.00; check \.\.\.KOORDSYS \(22\)/) },
      { object: ".FLATE 16:", reason: expect.stringContaining("..VERTNIV 1: the area lies under the ground") },
    ]);
    expect(outcome.planIds).toEqual(["3203_2024001"]);
  });

  it("draws the .BUEP side as an arc and the island as a hole", () => {
    const outcome = parseSosiZoning(fixture("plan-feil-og-buer.sos"));
    if (!outcome.ok) throw new Error(outcome.problem);
    const [withArc, withHole] = outcome.areas;
    // Back in the file's plane (UTM 32), the areas are exact: a 100 × 100 m square plus the
    // segment of the circle through (100,100), (50,120), (0,100): radius 72.5 m, segment area
    // r²(θ − sin θ)/2 with θ = 2·asin(50/72.5); and a 100 × 100 m square with a 30 × 30 m hole.
    const toUtm = proj4("+proj=utm +zone=32 +ellps=GRS80 +units=m +no_defs");
    const planeArea = (geometry: AreaGeometry) =>
      (geometry.coordinates as [number, number][][]).reduce((sum, ring, r) => {
        const xy = ring.map((p) => toUtm.forward(p));
        let twice = 0;
        for (let k = 0; k + 1 < xy.length; k++) twice += xy[k]![0]! * xy[k + 1]![1]! - xy[k + 1]![0]! * xy[k]![1]!;
        return sum + (r === 0 ? 1 : -1) * Math.abs(twice / 2);
      }, 0);
    const radius = 72.5;
    const theta = 2 * Math.asin(50 / radius);
    const exact = 10_000 + (radius * radius * (theta - Math.sin(theta))) / 2;
    // The chords lie inside the arc, each within 5 cm of it: they lose at most ⅔ × arc length × 5 cm.
    const arcLengthM = radius * theta;
    expect(planeArea(withArc!.geometry)).toBeLessThan(exact);
    expect(planeArea(withArc!.geometry)).toBeGreaterThan(exact - (2 / 3) * arcLengthM * 0.05);
    expect(withHole!.geometry.coordinates).toHaveLength(2);
    expect(planeArea(withHole!.geometry)).toBeCloseTo(100 * 100 - 30 * 30, 0);
  });
});
