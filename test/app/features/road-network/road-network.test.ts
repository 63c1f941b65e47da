import { describe, expect, it } from "vitest";
import { makeTranslator } from "../../../../src/app/i18n/use-t";
import { summaryRows } from "../../../../src/app/features/road-network/road-network-summary";
import { roadNetworkLayerIds, roadNetworkLayers, roadNetworkSource } from "../../../../src/app/map/road-network-layers";

const summary = {
  edges: 12_345,
  nodes: 10_002,
  connectedComponents: 3,
  largestComponentShare: 0.987,
  totalLengthKm: 1234.56,
  oneWayEdges: 17,
  bbox: [10, 59, 11, 60] as [number, number, number, number],
  version: "abc",
};

describe("road network summary", () => {
  it("formats edges, nodes, components and length with units in Norwegian", () => {
    const rows = summaryRows(summary, makeTranslator("nb"));
    const byLabel = Object.fromEntries(rows.map((r) => [r.label, r.value]));
    expect(byLabel["roadNetwork.edges"]).toBe("12\u00a0345");
    expect(byLabel["roadNetwork.nodes"]).toBe("10\u00a0002");
    expect(byLabel["roadNetwork.components"]).toBe("3");
    expect(byLabel["roadNetwork.length"]).toBe("1\u00a0234,6\u00a0km");
    expect(byLabel["roadNetwork.largestShare"]).toBe("98,7\u00a0%");
  });

  it("in English with a thousands comma", () => {
    const rows = summaryRows(summary, makeTranslator("en"));
    expect(rows.find((r) => r.label === "roadNetwork.edges")?.value).toBe("12,345");
  });
});

describe("road network layers", () => {
  it("draws a casing and a dashed line from the one source, hidden when switched off", () => {
    const layers = roadNetworkLayers("road-network", { visible: false });
    expect(layers.map((l) => l.id)).toEqual([roadNetworkLayerIds.casing, roadNetworkLayerIds.line]);
    expect(layers.every((l) => l.source === "road-network" && l.layout?.visibility === "none")).toBe(true);
    expect(layers[1]!.paint?.["line-dasharray"]).toEqual([2, 1]);
    expect(roadNetworkLayers("road-network")[0]!.layout?.visibility).toBe("visible");
  });

  it("fetches the network in use with an absolute URL that changes with the revision", () => {
    expect(roadNetworkSource("http://127.0.0.1:8080", 3)).toEqual({ type: "geojson", data: "http://127.0.0.1:8080/api/road-network/features?rev=3" });
  });
});
