import { describe, expect, it } from "vitest";
import type { HazardZone } from "../../../src/core/zoning/hazard-zones";
import { hazardZonesToFeatures } from "../../../src/app/map/features";
import { zoneColours, zoneGroupOf } from "../../../src/app/map/palette";

const zone = (over: Partial<HazardZone>): HazardZone => ({
  id: "z1",
  source: "plan",
  family: "fare",
  objectType: "RpFareSone",
  code: 310,
  name: "H310_1",
  hazard: "landslide",
  details: {},
  planId: "3203_1",
  planName: "",
  status: "in_force",
  geometry: { type: "Polygon", coordinates: [[[10.4, 59.8], [10.41, 59.8], [10.41, 59.81], [10.4, 59.8]]] },
  ...over,
});

describe("hazard zones on the map", () => {
  it("colour danger, water and protection zones apart, and the rest grey", () => {
    expect(zoneGroupOf("landslide")).toBe("danger");
    expect(zoneGroupOf("quick_clay")).toBe("danger");
    expect(zoneGroupOf("flood")).toBe("water");
    expect(zoneGroupOf("drinking_water")).toBe("water");
    expect(zoneGroupOf("natural_environment")).toBe("protection");
    expect(zoneGroupOf("noise")).toBe("other");
    expect(new Set(Object.values(zoneColours)).size).toBe(4);
  });

  it("become flat features with the kind's name in the language asked for", () => {
    const features = hazardZonesToFeatures([zone({}), zone({ id: "z2", source: "nve", family: "nve_flood", objectType: "FlomAreal", code: null, name: "", hazard: "flood" })], "nb");
    expect(features.features.map((f) => f.properties)).toEqual([
      expect.objectContaining({ id: "z1", hazard: "landslide", hazardLabel: "Ras- og skredfare", code: 310, group: "danger", colour: zoneColours.danger }),
      expect.objectContaining({ id: "z2", hazardLabel: "Flomfare", code: -1, group: "water" }),
    ]);
    expect(hazardZonesToFeatures([zone({})], "en").features[0]!.properties.hazardLabel).toBe("Landslide hazard");
  });
});
