import { describe, expect, it } from "vitest";
import { topoTileUrl } from "../../../src/app/config";
import { basemapColours } from "../../../src/app/map/palette";
import {
  askerBbox,
  basemapFiles,
  basemapSource,
  baseStyle,
  defaultTopoTileUrl,
  slotId,
  slots,
  topoSource,
} from "../../../src/app/map/style";

describe("baseStyle", () => {
  const style = baseStyle();

  it("needs nothing from the internet: no glyphs, no sprite, no sources", () => {
    expect(style.version).toBe(8);
    expect(style).not.toHaveProperty("glyphs");
    expect(style).not.toHaveProperty("sprite");
    expect(style.sources).toEqual({});
  });

  it("paints the background as sea, since the fjord is the background", () => {
    const [background] = style.layers;
    expect(background).toMatchObject({ id: "background", type: "background", paint: { "background-color": basemapColours.sea } });
  });

  it("holds hidden slot markers in drawing order, data above the basemap and names on top", () => {
    const ids = style.layers.slice(1).map((l) => l.id);
    expect(ids).toEqual(slots.map(slotId));
    expect(style.layers.slice(1).every((l) => (l.layout as { visibility?: string }).visibility === "none")).toBe(true);
    const order = (slot: (typeof slots)[number]) => slots.indexOf(slot);
    expect(order("land")).toBeLessThan(order("topo"));
    expect(order("topo")).toBeLessThan(order("zoning"));
    expect(order("zoning")).toBeLessThan(order("sites"));
    expect(order("sites")).toBeLessThan(order("projects"));
    // Names on top; only the cluster counts go above them (the names give way to the counts).
    expect(slots.slice(-2)).toEqual(["places", "dataLabels"]);
    expect(order("projects")).toBeLessThan(order("draft"));
  });
});

describe("sources", () => {
  it("point basemap sources at the server's files, as absolute URLs, with Kartverket's credit", () => {
    const source = basemapSource("asker", "http://127.0.0.1:8080");
    expect(source.type).toBe("geojson");
    expect(source.data).toBe("http://127.0.0.1:8080/basemap/boundary.geojson");
    expect(source.attribution).toBe("© Kartverket (N1000, administrative grenser), CC BY 4.0");
    expect(Object.values(basemapFiles).every((file) => file.startsWith("/basemap/"))).toBe(true);
  });

  it("build the topographic source from the configured URL", () => {
    expect(topoSource("https://tiles.example/{z}/{x}/{y}.png")).toMatchObject({
      type: "raster",
      tiles: ["https://tiles.example/{z}/{x}/{y}.png"],
      tileSize: 256,
    });
  });

  it("take the injected topographic URL, else Kartverket's cache", () => {
    expect(topoTileUrl(undefined)).toBe(defaultTopoTileUrl);
    expect(topoTileUrl({ topoTileUrl: "  " })).toBe(defaultTopoTileUrl);
    expect(topoTileUrl({ topoTileUrl: "https://x/{z}/{x}/{y}.png" })).toBe("https://x/{z}/{x}/{y}.png");
  });

  it("start on Asker's extent", () => {
    const [minLon, minLat, maxLon, maxLat] = askerBbox;
    expect(minLon).toBeLessThan(maxLon);
    expect(minLat).toBeLessThan(maxLat);
    // Asker lies around 10.3–10.6 E, 59.5–59.9 N.
    expect((minLon + maxLon) / 2).toBeCloseTo(10.46, 1);
    expect((minLat + maxLat) / 2).toBeCloseTo(59.7, 1);
  });
});
