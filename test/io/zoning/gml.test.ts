import { readFileSync } from "node:fs";
import { area } from "@turf/area";
import { describe, expect, it } from "vitest";
import { parseGeoJsonZoning } from "../../../src/io/zoning/geojson-zoning";
import { parseGmlZoning } from "../../../src/io/zoning/gml-zoning";
import { readXml } from "../../../src/io/zoning/xml-tree";

const gmlText = readFileSync(new URL("../../fixtures/zoning/plan-4204_1536-utdrag.gml", import.meta.url), "utf8");
const planGeoJson = JSON.parse(readFileSync(new URL("../../fixtures/zoning/plan-4204_1536-stemtjonn-skytebane-wgs84.geojson", import.meta.url), "utf8")) as unknown;

/** A one-area SOSI-GML document around the given geometry, for the small cases. */
const document = (geometry: string, { envelope = "", code = "1202" } = {}) => `<?xml version="1.0" encoding="UTF-8"?>
<gml:FeatureCollection xmlns:gml="http://www.opengis.net/gml/3.2" xmlns:app="http://skjema.geonorge.no/SOSI/produktspesifikasjon/Reguleringsplanforslag/5.0" gml:id="c">
  ${envelope}
  <gml:featureMember>
    <app:RpArealformålOmråde gml:id="a1">
      <app:område>${geometry}</app:område>
      <app:arealformål>${code}</app:arealformål>
      <app:nasjonalArealplanId><app:NasjonalArealplanId><app:administrativEnhet><app:AdministrativEnhetskode><app:kommunenummer>3203</app:kommunenummer></app:AdministrativEnhetskode></app:administrativEnhet><app:planidentifikasjon>2024001</app:planidentifikasjon></app:NasjonalArealplanId></app:nasjonalArealplanId>
    </app:RpArealformålOmråde>
  </gml:featureMember>
</gml:FeatureCollection>`;

// A 100 × 100 m square near Asker (UTM 32) with a 30 × 30 m hole.
const square = "580000 6630000 580100 6630000 580100 6630100 580000 6630100 580000 6630000";
const hole = "580030 6630030 580030 6630060 580060 6630060 580060 6630030 580030 6630030";

describe("parseGmlZoning", () => {
  it("imports the SOSI-GML extract of plan 4204_1536: codes, plan id through planområde → Arealplan, name, status", () => {
    const outcome = parseGmlZoning(gmlText, { source: "utdrag.gml" });
    if (!outcome.ok) throw new Error(outcome.problem);
    expect(outcome.sourceCrs).toBe("EPSG:25832");
    expect(outcome.planIds).toEqual(["4204_1536"]);
    expect(outcome.skipped).toEqual([]);
    expect(outcome.ignored).toEqual({ RpOmråde: 1, Arealplan: 1 });
    expect(outcome.areas.map((a) => [a.sourceObject, a.code, a.codeList, a.fieldName, a.status])).toEqual([
      ["RpArealformålOmråde gml:id=area-bsk2", 1470, "rp", "BSK2", "proposed"],
      ["RpArealformålOmråde gml:id=area-lf", 5130, "rp", "LF", "proposed"],
      ["RpArealformålOmråde gml:id=area-v2", 6001, "rp", "V2", "proposed"],
      ["RpArealformålOmråde gml:id=area-l2", 5100, "rp", "L2", "proposed"],
    ]);
    expect(outcome.areas[0]!.planName).toBe("Detaljregulering for Stemtjønn skytebane & adkomst");
  });

  it("gives the same areas as the plan's GeoJSON (posList, gml:pos, a Ring of curves, MultiSurface) within 1e-6°", () => {
    const gml = parseGmlZoning(gmlText);
    const geojson = parseGeoJsonZoning(planGeoJson);
    if (!gml.ok || !geojson.ok) throw new Error("both must read");
    for (const imported of gml.areas) {
      const twin = geojson.areas.find((candidate) => candidate.fieldName === imported.fieldName)!;
      const ours = imported.geometry.coordinates[0] as unknown as [number, number][];
      const theirs = twin.geometry.coordinates[0] as unknown as [number, number][];
      expect(ours.length).toBe(theirs.length);
      ours.forEach(([lon, lat], k) => {
        expect(Math.abs(lon - theirs[k]![0])).toBeLessThan(1e-6);
        expect(Math.abs(lat - theirs[k]![1])).toBeLessThan(1e-6);
      });
      expect(area(imported.geometry)).toBeCloseTo(area(twin.geometry), 0);
    }
  });

  it("reads interior rings and gml:Arc segments", () => {
    const geometry = `<gml:Polygon srsName="EPSG:25832">
      <gml:exterior><gml:Ring>
        <gml:curveMember><gml:Curve><gml:segments>
          <gml:LineStringSegment><gml:posList>580000 6630000 580100 6630000 580100 6630100</gml:posList></gml:LineStringSegment>
          <gml:Arc><gml:posList>580100 6630100 580050 6630120 580000 6630100</gml:posList></gml:Arc>
        </gml:segments></gml:Curve></gml:curveMember>
        <gml:curveMember><gml:LineString><gml:posList>580000 6630100 580000 6630000</gml:posList></gml:LineString></gml:curveMember>
      </gml:Ring></gml:exterior>
      <gml:interior><gml:LinearRing><gml:posList>${hole}</gml:posList></gml:LinearRing></gml:interior>
    </gml:Polygon>`;
    const outcome = parseGmlZoning(document(geometry));
    if (!outcome.ok) throw new Error(outcome.problem);
    const [only] = outcome.areas;
    expect(only!.planId).toBe("3203_2024001");
    expect(only!.geometry.coordinates).toHaveLength(2);
    // Square 10,000 m² + arc segment ≈ 1,375 m² − hole 900 m², on the sphere of @turf/area (≈ 0.55 % under UTM ground at 60° N).
    expect(area(only!.geometry) / (10_000 + 1_371.6 - 900)).toBeGreaterThan(0.99);
    expect(area(only!.geometry) / (10_000 + 1_371.6 - 900)).toBeLessThan(1.0);
  });

  it("takes the CRS from the envelope when the geometry has none, and refuses a file with none", () => {
    const polygon = `<gml:Polygon><gml:exterior><gml:LinearRing><gml:posList>${square}</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon>`;
    const envelope = '<gml:boundedBy><gml:Envelope srsName="urn:ogc:def:crs:EPSG::25832"><gml:lowerCorner>580000 6630000</gml:lowerCorner><gml:upperCorner>580100 6630100</gml:upperCorner></gml:Envelope></gml:boundedBy>';
    const withEnvelope = parseGmlZoning(document(polygon, { envelope }));
    expect(withEnvelope.ok && withEnvelope.areas).toHaveLength(1);
    const without = parseGmlZoning(document(polygon), { source: "plan.gml", crsFlag: "--crs" });
    expect(without).toEqual({ ok: false, problem: expect.stringMatching(/^plan\.gml: the GML names no CRS: .* pass --crs with the EPSG code\.$/) });
    const given = parseGmlZoning(document(polygon), { crs: "EPSG:25832" });
    expect(given.ok && given.areas).toHaveLength(1);
  });

  it("reads latitude-first positions of a URN EPSG:4326 srsName", () => {
    const latLon = "59.80 10.43 59.80 10.44 59.81 10.44 59.80 10.43";
    const outcome = parseGmlZoning(document(`<gml:Polygon srsName="urn:ogc:def:crs:EPSG::4326"><gml:exterior><gml:LinearRing><gml:posList>${latLon}</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon>`));
    expect(outcome.ok && outcome.areas[0]!.geometry.coordinates[0]).toContainEqual([10.44, 59.81]);
  });

  it("skips an area without a code or with an unclosed ring, naming it by gml:id", () => {
    const open = `<gml:Polygon srsName="EPSG:25832"><gml:exterior><gml:LinearRing><gml:posList>580000 6630000 580100 6630000 580100 6630100 580000 6630100</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon>`;
    expect(parseGmlZoning(document(open))).toMatchObject({
      ok: true,
      skipped: [{ object: "RpArealformålOmråde gml:id=a1", reason: expect.stringContaining("the ring is not closed") }],
    });
    const closed = open.replace("580000 6630100</gml:posList>", "580000 6630100 580000 6630000</gml:posList>");
    expect(parseGmlZoning(document(closed, { code: "" }))).toMatchObject({ ok: true, skipped: [{ object: "RpArealformålOmråde gml:id=a1", reason: "has no arealformål code" }] });
  });

  it("skips areas whose linked RpOmråde lies under the ground (vertikalnivå 1)", () => {
    const tunnel = gmlText.replace("<app:vertikalnivå>2</app:vertikalnivå>", "<app:vertikalnivå>1</app:vertikalnivå>");
    const outcome = parseGmlZoning(tunnel);
    expect(outcome.ok && outcome.areas).toEqual([]);
    expect(outcome.ok && outcome.skipped[0]).toEqual({ object: "RpArealformålOmråde gml:id=area-bsk2", reason: expect.stringContaining("vertikalnivå 1: the area lies under the ground") });
  });

  it("refuses XML that is not well-formed, with the line", () => {
    expect(parseGmlZoning("<a>\n<b></a>")).toEqual({ ok: false, problem: "not well-formed XML: line 2: end tag </a> does not match <b> (line 2)" });
    expect(readXml('<!DOCTYPE x [<!ENTITY e "boom">]><x>&e;</x>')).toMatchObject({ ok: false });
    expect(readXml('<?xml version="1.0" encoding="ISO-8859-1"?><x/>')).toMatchObject({ ok: false, problem: expect.stringContaining("only UTF-8") });
  });

  it("decodes entities and resolves namespaces", () => {
    const read = readXml('<r xmlns="urn:d" xmlns:p="urn:p"><p:a t="&lt;&#x41;&#66;&quot;">x &amp; y<![CDATA[ <z> ]]></p:a></r>');
    if (!read.ok) throw new Error(read.problem);
    const [a] = read.root.children;
    expect(read.root.namespace).toBe("urn:d");
    expect(a).toMatchObject({ local: "a", namespace: "urn:p", attributes: { t: '<AB"' }, text: "x & y <z> " });
  });
});
