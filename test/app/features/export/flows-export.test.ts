import { describe, expect, it } from "vitest";
import { endpointIndex } from "../../../../src/app/features/export/endpoints";
import { flowCsvColumns, flowsToCsv } from "../../../../src/app/features/export/flows-csv";
import { flowsToGeoJson, routeTotals, sitesToGeoJson } from "../../../../src/app/features/export/flows-geojson";
import { lot, project, site } from "../../../support/record-fixtures";
import { parseCsv } from "../../../support/csv-read";
import { flows } from "../../../support/scenario-fixtures";

const projects = [
  project({ id: "P1", name: "Sætre, \"nord\"", lots: [lot({ id: "L1" }), lot({ id: "L3", material: "clay_silt" })] }),
  project({ id: "P2", name: "Øvre Ask", location: { type: "Point", coordinates: [10.5, 59.7] }, lots: [lot({ id: "L2", direction: "demand" })] }),
];
const sites = [site({ id: "S1" }), site({ id: "LF1", name: "Deponi Hurum", kind: "landfill" })];
const endpoints = endpointIndex(projects, sites);

describe("flows → CSV", () => {
  it("writes one row per flow with the header, names quoted where needed, numbers with a dot", () => {
    const rows = parseCsv(flowsToCsv(flows, endpoints));
    expect(rows[0]).toEqual([...flowCsvColumns]);
    expect(rows).toHaveLength(flows.length + 1);
    expect(rows[1]).toEqual(["L1", 'Sætre, "nord"', "L2", "Øvre Ask", "direct", "rock", "1", "2027-01", "1500", "4.25", "false"]);
    expect(rows[4]).toEqual(["L3", 'Sætre, "nord"', "LF1", "Deponi Hurum", "to_landfill", "clay_silt", "2", "2027-03", "321.5", "12", "false"]);
    // Unknown ids keep an empty name.
    expect(rows[5]![0]).toBe("Q1");
    expect(rows[5]![1]).toBe("");
    const tonnes = rows.slice(1).reduce((s, r) => s + Number(r[8]), 0);
    expect(tonnes).toBeCloseTo(flows.reduce((s, f) => s + f.tonnes, 0));
  });

  it("writes only the header for no flows", () => {
    expect(flowsToCsv([])).toBe(`${flowCsvColumns.join(",")}\r\n`);
  });
});

describe("flows → GeoJSON", () => {
  it("draws each flow as a line from its lot's project or site to the other end, null where an end is unknown", () => {
    const collection = flowsToGeoJson(flows, endpoints);
    expect(collection.type).toBe("FeatureCollection");
    expect(collection.features).toHaveLength(flows.length);
    const first = collection.features[0]!;
    expect(first.geometry).toEqual({ type: "LineString", coordinates: [[10.434, 59.833], [10.5, 59.7]] });
    expect(first.properties).toMatchObject({ from: "L1", to: "L2", fromName: 'Sætre, "nord"', tonnes: 1500, month: "2027-01" });
    const toStorage = collection.features[2]!;
    expect(toStorage.geometry?.coordinates[1]![0]).toBeCloseTo(10.405, 3);
    expect(collection.features[4]!.geometry).toBeNull();
    expect(JSON.parse(JSON.stringify(collection))).toEqual(collection);
  });

  it("sums a route's months for the map, heaviest first", () => {
    const routes = routeTotals(flows);
    expect(routes[0]).toMatchObject({ from: "L1", to: "L2", tonnes: 2000 });
    expect(routes).toHaveLength(4);
    expect(flows[0]!.tonnes).toBe(1500);
  });

  it("writes sites with their verdict and whether the scenario has them in play", () => {
    const collection = sitesToGeoJson(sites, { verdicts: new Map([["S1", "suitable"]]), siteIds: ["S1"] });
    expect(collection.features.map((f) => [f.properties.id, f.properties.verdict, f.properties.inScenario])).toEqual([
      ["S1", "suitable", true],
      ["LF1", null, false],
    ]);
    expect(collection.features[0]!.geometry.type).toBe("Polygon");
  });
});
