import { describe, expect, it } from "vitest";
import { materials } from "../../../src/core/domain/materials";
import {
  flowColourExpression,
  flowLayerIds,
  flowLayers,
  flowsToFeatures,
  flowWidthFor,
  flowWidthPx,
  materialColours,
  maxLineTonnes,
  routeKey,
} from "../../../src/app/map/flow-layers";
import { places, result } from "../../support/match-result-fixtures";

const r = result();
if (r.status === "error") throw new Error("fixture");
const locations = Object.fromEntries(Object.entries(places).map(([id, p]) => [id, p.location]));

describe("flowsToFeatures", () => {
  it("sums all months per route and material, drops ends without a place, heaviest last", () => {
    const extra = [...r.flows, { ...r.flows[0]!, month: "2027-02", tonnes: 50 }];
    const fc = flowsToFeatures(extra, locations, { names: { L1: "Tunnel" } });
    // The quarry has no location: its flow is not drawn.
    expect(fc.features.map((f) => [f.properties.from, f.properties.to, f.properties.tonnes])).toEqual([
      ["L1", "L2", 150],
      ["L1", "S1", 200],
      ["S1", "L3", 200],
      ["L1", "F1", 500],
    ]);
    const summed = fc.features[0]!.properties;
    expect(summed).toMatchObject({ index: -1, flowIndexes: "0,5", month: "", fromName: "Tunnel", toName: "L2", material: "rock" });
    expect(fc.features[0]!.geometry.coordinates).toEqual([places.L1.location, places.L2.location]);
  });

  it("shows one month's flows only, each its own line", () => {
    const fc = flowsToFeatures(r.flows, locations, { month: "2027-03" });
    expect(fc.features).toHaveLength(1);
    expect(fc.features[0]!.properties).toMatchObject({ index: 2, flowIndexes: "2", month: "2027-03", from: "S1", to: "L3", kind: "from_storage" });
    expect(flowsToFeatures(r.flows, locations, { month: "2030-01" }).features).toEqual([]);
  });

  it("draws a route along the road path when one is known", () => {
    const path: [number, number][] = [places.L1.location, [10.45, 59.82], places.L2.location];
    const fc = flowsToFeatures(r.flows, locations, { month: "2027-01", paths: { [routeKey("L1", "L2")]: path } });
    expect(fc.features.find((f) => f.properties.to === "L2")!.geometry.coordinates).toEqual(path);
  });
});

describe("flow widths and colours", () => {
  it("widens with tonnes by square root, from the minimum to the maximum", () => {
    expect(flowWidthFor(0, 400)).toBe(flowWidthPx.min);
    expect(flowWidthFor(400, 400)).toBe(flowWidthPx.max);
    expect(flowWidthFor(100, 400)).toBeCloseTo(flowWidthPx.min + (flowWidthPx.max - flowWidthPx.min) / 2);
    expect(flowWidthFor(100, 400)).toBeLessThan(flowWidthFor(200, 400));
    expect(maxLineTonnes(flowsToFeatures(r.flows, locations))).toBe(500);
    expect(maxLineTonnes({ type: "FeatureCollection", features: [] })).toBe(1);
  });

  it("gives every material its own colour", () => {
    expect(new Set(materials.map((m) => materialColours[m])).size).toBe(materials.length);
    for (const m of materials) {
      const at = (flowColourExpression as unknown[]).indexOf(m);
      expect((flowColourExpression as unknown[])[at + 1]).toBe(materialColours[m]);
    }
  });
});

describe("flowLayers", () => {
  it("builds casing, selection and coloured lines on the source, width by tonnes", () => {
    const layers = flowLayers("flows", { maxTonnes: 500 });
    expect(layers.map((l) => l.id)).toEqual([flowLayerIds.casing, flowLayerIds.permit, flowLayerIds.selected, flowLayerIds.line]);
    for (const layer of layers) {
      expect(layer.type).toBe("line");
      expect("source" in layer && layer.source).toBe("flows");
      expect(layer.layout?.visibility).toBe("visible");
    }
    const line = layers[3]!;
    // Flows that need a permit get a dashed halo (issue 17).
    expect(layers[1]).toMatchObject({ filter: ["==", ["get", "needsPermit"], true], paint: { "line-dasharray": [1.5, 1] } });
    expect(line.paint).toMatchObject({ "line-color": flowColourExpression });
    expect(JSON.stringify(line.paint)).toContain("500");
  });

  it("selects no line by default, and the line holding the picked flow when one is picked", () => {
    const none = flowLayers("flows")[2]!;
    expect("filter" in none && none.filter).toEqual(["==", ["get", "index"], -2]);
    const picked = flowLayers("flows", { selectedIndex: 5 })[2]!;
    expect("filter" in picked && picked.filter).toEqual(["in", ",5,", ["concat", ",", ["get", "flowIndexes"], ","]]);
  });

  it("hides every layer when not visible", () => {
    expect(flowLayers("flows", { visible: false }).every((l) => l.layout?.visibility === "none")).toBe(true);
  });
});
