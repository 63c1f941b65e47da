import { describe, expect, it } from "vitest";
import { allocationSiteFeatures, allocationSiteLayers, extentOfAll } from "../../../src/app/map/allocation-layers";

const square = (lon: number, lat: number) => ({
  type: "Polygon" as const,
  coordinates: [[[lon, lat], [lon + 0.01, lat], [lon + 0.01, lat + 0.01], [lon, lat + 0.01], [lon, lat]]] as [number, number][][],
});

describe("the recommendation's sites on a map", () => {
  it("gives each site its outline and a marker, allocated ones last so they draw on top", () => {
    const features = allocationSiteFeatures(
      [
        { id: "A", name: "Vettre grustak", geometry: square(10.4, 59.8), location: [10.405, 59.805] },
        { id: "B", name: "Sætre industriområde", geometry: square(10.5, 59.6) },
        { id: "C", name: "Klokkarstua", location: [10.3, 59.6] },
      ],
      ["A"],
    ).features;
    expect(features.map((f) => [f.properties.id, f.geometry.type, f.properties.allocated])).toEqual([
      ["B", "Polygon", false],
      ["B", "Point", false],
      ["C", "Point", false],
      ["A", "Polygon", true],
      ["A", "Point", true],
    ]);
    // Without a location the marker sits in the middle of the outline's extent.
    const [lon, lat] = (features[1]!.geometry as { coordinates: number[] }).coordinates;
    expect(lon).toBeCloseTo(10.505, 9);
    expect(lat).toBeCloseTo(59.605, 9);
    extentOfAll([{ type: "FeatureCollection", features }])!.forEach((value, i) => expect(value).toBeCloseTo([10.3, 59.6, 10.51, 59.81][i]!, 9));
    expect(extentOfAll([{ type: "FeatureCollection", features: [] }])).toBeNull();
  });

  it("tells allocated from left-out sites by colour and by line style, and names only the allocated", () => {
    const layers = allocationSiteLayers("src");
    expect(layers.map((l) => l.id)).toEqual(["src-fill", "src-line", "src-line-left", "src-marker", "src-label"]);
    const left = layers.find((l) => l.id === "src-line-left")!;
    expect(left.type === "line" && left.paint?.["line-dasharray"]).toEqual([2, 2]);
    const label = layers.find((l) => l.id === "src-label")!;
    expect(JSON.stringify("filter" in label ? label.filter : null)).toContain('["get","allocated"]');
    for (const layer of layers) expect(layer.type === "background" ? "" : layer.source).toBe("src");
  });
});
