/** Delivered flows on the map (issue 16 item 2), pure: places, items → GeoJSON lines, month bounds, layer specs. */
import { describe, expect, it } from "vitest";
import { representativePoint } from "../../../src/core/geo/geometry";
import type { LoadFlow } from "../../../src/core/loads/api";
import {
  deliveredDash,
  deliveredFlowLayerIds,
  deliveredFlowLayers,
  deliveredFlowsToFeatures,
  deliveredMinWidthPx,
  deliveredPlaces,
  monthBounds,
  unknownMaterialColour,
} from "../../../src/app/map/delivered-flow-layers";
import { flowColourExpression, flowLayers, flowWidthExpression } from "../../../src/app/map/flow-layers";
import { lot, project, site } from "../../support/record-fixtures";

const tunnel = project({ id: "P1", name: "Tunnel", location: { type: "Point", coordinates: [10.43, 59.83] }, lots: [lot({ id: "L1", material: "rock" }), lot({ id: "L2", material: "clay_silt" })] });
const school = project({ id: "P2", name: "Skole", location: { type: "Point", coordinates: [10.5, 59.8] }, lots: [lot({ id: "D1", projectId: "P2", direction: "demand", material: "gravel_sand" })] });
const store = site({ id: "S1", name: "Lager <Nord>" });
const places = deliveredPlaces([tunnel, school], [store], (m) => ({ rock: "Fjell", clay_silt: "Leire" })[m as string] ?? m);

const flow = (overrides: Partial<LoadFlow>): LoadFlow => ({
  from: { lotId: "L1" },
  to: { siteId: "S1" },
  material: "rock",
  tonnes: 100,
  loads: 5,
  firstTime: "2027-02-01T07:00:00+01:00",
  lastTime: "2027-02-20T15:00:00+01:00",
  ...overrides,
});

describe("deliveredPlaces", () => {
  it("puts a lot at its project's point, named after the project (with the material when it has several lots), and a site at its outline's middle", () => {
    expect(places["lot:L1"]).toEqual({ name: "Tunnel · Fjell", location: [10.43, 59.83] });
    expect(places["lot:D1"]).toEqual({ name: "Skole", location: [10.5, 59.8] });
    expect(places["site:S1"]).toEqual({ name: "Lager <Nord>", location: [...representativePoint(store.geometry)] });
  });
});

describe("deliveredFlowsToFeatures", () => {
  it("draws one line per flow from where the loads came from to where they went, lightest first", () => {
    const { collection, unplaced } = deliveredFlowsToFeatures([flow({ tonnes: 300 }), flow({ from: { siteId: "S1" }, to: { lotId: "D1" }, material: "gravel_sand", tonnes: 40, loads: 2 })], places);
    expect(unplaced).toBe(0);
    expect(collection.features.map((f) => [f.properties.from, f.properties.to, f.properties.tonnes, f.properties.loads])).toEqual([
      ["site:S1", "lot:D1", 40, 2],
      ["lot:L1", "site:S1", 300, 5],
    ]);
    const heavy = collection.features[1]!;
    expect(heavy.geometry.coordinates).toEqual([[10.43, 59.83], [...representativePoint(store.geometry)]]);
    // Names stay plain text here; React escapes them where they are shown.
    expect(heavy.properties).toMatchObject({ fromName: "Tunnel · Fjell", toName: "Lager <Nord>", material: "rock", firstTime: "2027-02-01T07:00:00+01:00" });
  });

  it("keeps a flow without a material, as \"\"", () => {
    const { collection } = deliveredFlowsToFeatures([flow({ from: { siteId: "S1" }, to: { lotId: "D1" }, material: null })], places);
    expect(collection.features[0]?.properties.material).toBe("");
  });

  it("leaves out and counts flows with an unknown end or both ends at one point", () => {
    const { collection, unplaced } = deliveredFlowsToFeatures(
      [flow({ from: { lotId: "gone" } }), flow({ to: { siteId: "nowhere" } }), flow({ from: { lotId: "L1" }, to: { lotId: "L2" } }), flow({})],
      places,
    );
    expect(unplaced).toBe(3);
    expect(collection.features).toHaveLength(1);
  });
});

describe("monthBounds", () => {
  it("gives the first and last day of the month, leap years included", () => {
    expect(monthBounds("2027-02")).toEqual({ from: "2027-02-01", to: "2027-02-28" });
    expect(monthBounds("2028-02")).toEqual({ from: "2028-02-01", to: "2028-02-29" });
    expect(monthBounds("2027-12")).toEqual({ from: "2027-12-01", to: "2027-12-31" });
  });
});

describe("deliveredFlowLayers", () => {
  const [casing, line] = deliveredFlowLayers("src", { maxTonnes: 400 });
  it("draws a casing and a dashed line on the same width scale as the planned flows", () => {
    expect([casing?.id, line?.id]).toEqual([deliveredFlowLayerIds.casing, deliveredFlowLayerIds.line]);
    if (line?.type !== "line" || casing?.type !== "line") throw new Error("line layers expected");
    // The planned flows' scale, never thinner than a dash can show.
    expect(line.paint?.["line-width"]).toEqual(["max", deliveredMinWidthPx, flowWidthExpression(400)]);
    expect(line.paint?.["line-dasharray"]).toEqual(deliveredDash);
    expect(line.paint?.["line-color"]).toEqual(["case", ["==", ["get", "material"], ""], unknownMaterialColour, flowColourExpression]);
    expect(line.source).toBe("src");
  });

  it("sits beside the route, where the planned line (never offset, never dashed) is not", () => {
    if (line?.type !== "line" || casing?.type !== "line") throw new Error("line layers expected");
    expect(line.paint?.["line-offset"]).toEqual(["+", ["/", ["max", deliveredMinWidthPx, flowWidthExpression(400)], 2], 4]);
    expect(casing.paint?.["line-offset"]).toEqual(line.paint?.["line-offset"]);
    for (const planned of flowLayers("flows")) {
      if (planned.type !== "line") continue;
      expect(planned.paint?.["line-offset"], planned.id).toBeUndefined();
      if (planned.id !== "flows-permit") expect(planned.paint?.["line-dasharray"], planned.id).toBeUndefined();
    }
  });

  it("hides both layers when not visible", () => {
    for (const spec of deliveredFlowLayers("src", { visible: false })) expect(spec.layout?.visibility).toBe("none");
  });
});
