import { describe, expect, it } from "vitest";
import type { LayerSpecification } from "maplibre-gl";
import {
  askerLandLayers,
  boundaryLayers,
  builtUpLayers,
  clickableLayers,
  clusterColourExpression,
  draftLocationLayers,
  hazardZoneLayers,
  labelFont,
  layerIds,
  layerIdsByGroup,
  neighbourLayers,
  placeLayers,
  projectClusterOptions,
  projectLayers,
  roadLayers,
  siteLayers,
  tonnesRadiusPx,
  topoLayers,
  zoningLayers,
  zoningMinZoom,
} from "../../../src/app/map/layers";
import { basemapColours, projectColours, siteColours } from "../../../src/app/map/palette";
import { layerGroupIds, type LayerGroupId } from "../../../src/app/state/layer-groups";

/** Each group's layers, built the way the map component builds them. */
const builders: Record<LayerGroupId, (visible: boolean) => LayerSpecification[]> = {
  boundary: (visible) => boundaryLayers("asker", { visible }),
  roads: (visible) => roadLayers("roads", { visible }),
  places: (visible) => placeLayers("places", { visible }),
  builtUp: (visible) => builtUpLayers("built-up", { visible }),
  zoning: (visible) => zoningLayers("zoning", { visible }),
  zones: (visible) => hazardZoneLayers("hazard-zones", { visible }),
  projects: (visible) => projectLayers("projects", { visible }),
  storage: (visible) => siteLayers("storage", "sites-storage", { visible }),
  landfill: (visible) => siteLayers("landfill", "sites-landfill", { visible }),
  quarry: (visible) => siteLayers("quarry", "sites-quarry", { visible }),
  topo: (visible) => topoLayers("topo", { visible }),
};

const visibilityOf = (layer: LayerSpecification) => (layer.layout as { visibility?: string } | undefined)?.visibility;
const paintOf = (layer: LayerSpecification) => layer.paint as Record<string, unknown>;

describe("layer groups", () => {
  it("build exactly the layers each toggle is said to switch", () => {
    for (const group of layerGroupIds) {
      expect(builders[group](true).map((l) => l.id), group).toEqual(layerIdsByGroup[group]);
    }
  });

  it("follow the visible option, visible by default", () => {
    for (const group of layerGroupIds) {
      expect(builders[group](true).every((l) => visibilityOf(l) === "visible"), group).toBe(true);
      expect(builders[group](false).every((l) => visibilityOf(l) === "none"), group).toBe(true);
    }
    expect(visibilityOf(boundaryLayers("asker")[0]!)).toBe("visible");
  });

  it("never share a layer id", () => {
    const ids = [
      ...layerGroupIds.flatMap((g) => builders[g](true).map((l) => l.id)),
      ...neighbourLayers("m").map((l) => l.id),
      ...askerLandLayers("a").map((l) => l.id),
    ];
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("draw from the source they are given", () => {
    expect(zoningLayers("my-zoning").every((l) => "source" in l && l.source === "my-zoning")).toBe(true);
    expect(siteLayers("quarry", "q").every((l) => "source" in l && l.source === "q")).toBe(true);
  });

  it("make only layers that exist clickable", () => {
    const all = new Set(layerGroupIds.flatMap((g) => layerIdsByGroup[g]));
    for (const id of Object.keys(clickableLayers)) expect(all.has(id), id).toBe(true);
    expect(clickableLayers[layerIds.projectsCircle]).toBe("project");
    expect(clickableLayers[layerIds.siteFill("landfill")]).toBe("site");
    expect(clickableLayers[layerIds.zoningFill]).toBe("zoning");
    expect(clickableLayers[layerIds.zonesFill]).toBe("zone");
  });

  it("draw hazard zones by their colour group with a dashed outline, the selected one outlined", () => {
    const [fill, line] = hazardZoneLayers("hazard-zones", { selectedId: "z1" });
    expect(paintOf(fill!)).toMatchObject({ "fill-color": ["get", "colour"] });
    expect(paintOf(line!)["line-dasharray"]).toEqual([3, 2]);
    expect(JSON.stringify(paintOf(line!)["line-width"])).toContain("z1");
  });
});

describe("basemap layers", () => {
  it("draw the Asker boundary as a strong dark-red line", () => {
    const [line] = boundaryLayers("asker");
    expect(line!.id).toBe("asker-boundary-line");
    expect(line!.type).toBe("line");
    expect(paintOf(line!)["line-color"]).toBe("#b3261e");
    expect(paintOf(line!)["line-width"]).toBe(2.5);
  });

  it("give Asker a lighter land than its neighbours", () => {
    expect(paintOf(askerLandLayers("a")[0]!)["fill-color"]).toBe(basemapColours.askerLand);
    expect(paintOf(neighbourLayers("m")[0]!)["fill-color"]).toBe(basemapColours.neighbourLand);
    expect(basemapColours.askerLand).not.toBe(basemapColours.neighbourLand);
  });

  it("label places with a local font stack (no glyph server)", () => {
    const [label] = placeLayers("places");
    expect(label!.type).toBe("symbol");
    const layout = label!.layout as Record<string, unknown>;
    expect(layout["text-field"]).toEqual(["get", "name"]);
    expect(layout["text-font"]).toEqual(labelFont);
    expect(labelFont).toContain("sans-serif");
  });

  it("size road lines by category", () => {
    const line = roadLayers("roads").find((l) => l.id === layerIds.roadsLine)!;
    const width = paintOf(line)["line-width"] as unknown[];
    expect(width[0]).toBe("interpolate");
    expect(JSON.stringify(width)).toContain('["get","category"]');
  });
});

describe("data layers", () => {
  it("colour sites by kind, each kind its own colour", () => {
    const colours = (["storage", "landfill", "quarry"] as const).map((kind) => paintOf(siteLayers(kind, "s")[0]!)["fill-color"]);
    expect(colours).toEqual([siteColours.storage, siteColours.landfill, siteColours.quarry]);
    expect(new Set(colours).size).toBe(3);
  });

  it("draw project points as circles and polygons as fills", () => {
    const layers = projectLayers("projects");
    const circle = layers.find((l) => l.id === layerIds.projectsCircle)!;
    const fill = layers.find((l) => l.type === "fill")!;
    expect(JSON.stringify("filter" in circle && circle.filter)).toContain("Point");
    expect(JSON.stringify("filter" in fill && fill.filter)).toContain("Polygon");
    expect(JSON.stringify(paintOf(circle)["circle-color"])).toContain('["get","balance"]');
  });

  it("draw every project as a circle from the clustered point source, areas from the area source", () => {
    const layers = projectLayers("projects", { pointsSourceId: "projects-points" });
    const source = (id: string) => {
      const layer = layers.find((l) => l.id === id)!;
      return "source" in layer ? layer.source : undefined;
    };
    expect(source(layerIds.projectsFill)).toBe("projects");
    expect(source(layerIds.projectsCircle)).toBe("projects-points");
    expect(source(layerIds.projectsCluster)).toBe("projects-points");
    expect(source(layerIds.projectsClusterCount)).toBe("projects-points");
    // The default points source follows the area source's id.
    const byDefault = projectLayers("p").find((l) => l.id === layerIds.projectsCircle)!;
    expect("source" in byDefault && byDefault.source).toBe("p-points");
  });

  it("size circles by tonnes on a square-root scale, single projects and clusters alike", () => {
    const circle = projectLayers("projects").find((l) => l.id === layerIds.projectsCircle)!;
    const cluster = projectLayers("projects").find((l) => l.id === layerIds.projectsCluster)!;
    expect(JSON.stringify(paintOf(circle)["circle-radius"])).toContain('["sqrt",["max",0,["get","totalTonnes"]]]');
    expect(JSON.stringify(paintOf(cluster)["circle-radius"])).toContain('["+",["get","surplusTonnes"],["get","demandTonnes"]]');
    // Area ∝ tonnes: 4× the tonnes doubles the part of the radius above the minimum.
    expect(tonnesRadiusPx(40_000, 5) - 5).toBeCloseTo(2 * (tonnesRadiusPx(10_000, 5) - 5), 9);
    expect(tonnesRadiusPx(0, 5)).toBe(5);
    expect(tonnesRadiusPx(250_000, 5)).toBe(25);
    expect(tonnesRadiusPx(1e9, 5)).toBe(35);
  });

  it("cluster at low zoom, summing surplus and demand, labelled with the count, and never named like a project layer", () => {
    expect(projectClusterOptions).toMatchObject({
      cluster: true,
      clusterProperties: { surplusTonnes: ["+", ["get", "surplusTonnes"]], demandTonnes: ["+", ["get", "demandTonnes"]] },
    });
    expect(projectClusterOptions.clusterMaxZoom).toBeLessThan(13);
    const layers = projectLayers("projects");
    const count = layers.find((l) => l.id === layerIds.projectsClusterCount)!;
    expect(count.type).toBe("symbol");
    expect(JSON.stringify(count.layout)).toContain("point_count");
    // Browser tests look for rendered projects by the "projects" prefix: a cluster is not one.
    expect(layerIds.projectsCluster.startsWith("projects")).toBe(false);
    expect(layerIds.projectsClusterCount.startsWith("projects")).toBe(false);
    // Single circles draw above clusters, so the top-most project feature is a project.
    const ids = layers.map((l) => l.id);
    expect(ids.indexOf(layerIds.projectsCircle)).toBeGreaterThan(ids.indexOf(layerIds.projectsCluster));
  });

  it("colour a cluster by its summed balance with the same rule as a project", () => {
    const colours = JSON.stringify(clusterColourExpression);
    for (const colour of Object.values(projectColours)) expect(colours).toContain(colour);
    expect(colours).toContain('[">=",["get","surplusTonnes"],["*",2,["get","demandTonnes"]]]');
  });

  it("mark the draft location with a layer of its own", () => {
    const [ring] = draftLocationLayers("draft-location");
    expect(ring!.id).toBe(layerIds.draftLocation);
    expect(ring!.id.startsWith("projects")).toBe(false);
  });

  it("fill zoning with the feature's category colour, semi-transparent", () => {
    const fill = zoningLayers("zoning")[0]!;
    expect(paintOf(fill)["fill-color"]).toEqual(["get", "colour"]);
    expect(paintOf(fill)["fill-opacity"]).toBeLessThan(1);
  });

  it("outline the selected record", () => {
    const none = JSON.stringify(siteLayers("storage", "s"));
    const selected = JSON.stringify(siteLayers("storage", "s", { selectedId: "S9" }));
    expect(none).not.toContain("S9");
    expect(selected).toContain('["==",["get","id"],"S9"]');
  });
});

describe("zoning level of detail", () => {
  it("draws a municipal plan's zoning at every zoom, and a detailed set only from zoom 12", () => {
    expect(zoningMinZoom(37)).toBeUndefined();
    expect(zoningMinZoom(2_000)).toBeUndefined();
    expect(zoningMinZoom(20_000)).toBe(12);
    const detailed = zoningLayers("zoning", { minzoom: zoningMinZoom(20_000) });
    expect(detailed.map((layer) => layer.minzoom)).toEqual([12, 12]);
    expect(zoningLayers("zoning", { minzoom: zoningMinZoom(37) }).every((layer) => !("minzoom" in layer))).toBe(true);
  });
});
