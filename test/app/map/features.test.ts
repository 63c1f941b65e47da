import { describe, expect, it } from "vitest";
import { categoryColour } from "../../../src/core/zoning/arealformaal";
import {
  projectAreasToFeatures,
  projectBalance,
  projectPointsToFeatures,
  projectsToFeatures,
  projectSpecialMasses,
  sitesToFeatures,
  zoningToFeatures,
} from "../../../src/app/map/features";
import type { ProjectSummary } from "../../../src/core/domain/registry-api";
import { lot, projectSummary as project, site, zoningArea } from "../../support/record-fixtures";

/** The map draws summaries; `project(…)` sums its lots as the server's `lotSums` does. */
const projectTonnes = ({ surplusTonnes, demandTonnes }: ProjectSummary) => ({ surplusTonnes, demandTonnes });

describe("projectBalance", () => {
  const withLots = (surplus: number, demand: number) =>
    project({
      lots: [
        ...(surplus ? [lot({ id: "s", direction: "surplus", tonnes: surplus })] : []),
        ...(demand ? [lot({ id: "d", direction: "demand", tonnes: demand })] : []),
      ],
    });

  it("is none without masses", () => {
    expect(projectBalance(project({ lots: [] }))).toBe("none");
  });

  it("is surplus or demand when one side has at least twice the other", () => {
    expect(projectBalance(withLots(1000, 0))).toBe("surplus");
    expect(projectBalance(withLots(10000, 2000))).toBe("surplus");
    expect(projectBalance(withLots(2000, 4000))).toBe("demand");
    expect(projectBalance(withLots(0, 5))).toBe("demand");
  });

  it("is both when the sides are comparable", () => {
    expect(projectBalance(withLots(3000, 2000))).toBe("both");
    expect(projectBalance(withLots(1000, 1000))).toBe("both");
  });

  it("sums tonnes, not entered quantities", () => {
    const p = project({
      lots: [
        lot({ id: "a", direction: "surplus", quantity: { value: 100, unit: "m3_in_place" }, tonnes: 270 }),
        lot({ id: "b", direction: "demand", quantity: { value: 200, unit: "tonnes" }, tonnes: 200 }),
      ],
    });
    expect(projectTonnes(p)).toEqual({ surplusTonnes: 270, demandTonnes: 200 });
  });

  it("leaves deleted lots out of the tonnes", () => {
    const p = project({ lots: [lot({ id: "a", tonnes: 300 }), lot({ id: "b", tonnes: 900, deletedAt: "2026-01-01T00:00:00Z" })] });
    expect(projectTonnes(p)).toEqual({ surplusTonnes: 300, demandTonnes: 0 });
  });
});

describe("projectSpecialMasses", () => {
  it("codes the special masses of live surplus lots in the flags' order, not those of demand or deleted lots", () => {
    const p = project({
      lots: [
        lot({ id: "a", direction: "surplus", flags: ["invasive_species", "quick_clay"] }),
        lot({ id: "b", direction: "surplus", flags: ["quick_clay"] }),
        lot({ id: "c", direction: "demand", acceptsFlags: ["acid_forming"] }),
        lot({ id: "d", direction: "surplus", flags: ["acid_forming"], deletedAt: "2026-01-01T00:00:00Z" }),
      ],
    });
    expect(projectSpecialMasses(p)).toBe("KL FA");
    expect(projectSpecialMasses(project({ lots: [lot({ direction: "surplus" })] }))).toBe("");
  });
});

describe("projectsToFeatures", () => {
  it("keeps each location geometry and puts only flat scalars in the properties", () => {
    const polygon = site().geometry;
    const fc = projectsToFeatures([
      project({ id: "P1", lots: [lot({ direction: "surplus", tonnes: 500 })] }),
      project({ id: "P2", name: "Polygon project", location: polygon }),
    ]);
    expect(fc.type).toBe("FeatureCollection");
    expect(fc.features.map((f) => f.geometry.type)).toEqual(["Point", "Polygon"]);
    expect(fc.features[0]!.properties).toEqual({
      id: "P1",
      name: "Asker sentrum VA",
      status: "in_progress",
      balance: "surplus",
      surplusTonnes: 500,
      demandTonnes: 0,
    });
    for (const feature of fc.features) {
      for (const value of Object.values(feature.properties)) expect(typeof value).not.toBe("object");
    }
  });

  it("gives an empty collection for no projects", () => {
    expect(projectsToFeatures([])).toEqual({ type: "FeatureCollection", features: [] });
  });
});

describe("projectPointsToFeatures", () => {
  it("gives every project one point: its own, or the middle of its area, with its total tonnes", () => {
    const polygon = site().geometry;
    const fc = projectPointsToFeatures([
      project({ id: "P1", lots: [lot({ direction: "surplus", tonnes: 500 }), lot({ id: "L2", direction: "demand", tonnes: 200 })] }),
      project({ id: "P2", location: polygon }),
    ]);
    expect(fc.features.map((f) => f.geometry.type)).toEqual(["Point", "Point"]);
    expect(fc.features[0]!.geometry.coordinates).toEqual([10.434, 59.833]);
    expect(fc.features[0]!.properties).toMatchObject({ id: "P1", totalTonnes: 700, surplusTonnes: 500, demandTonnes: 200, isArea: false });
    const [lon, lat] = fc.features[1]!.geometry.coordinates;
    expect(lon).toBeCloseTo(10.405, 6);
    expect(lat).toBeCloseTo(59.805, 6);
    expect(fc.features[1]!.properties.isArea).toBe(true);
  });

  it("counts no deleted lot", () => {
    const fc = projectPointsToFeatures([project({ lots: [lot({ tonnes: 500 }), lot({ id: "gone", tonnes: 9000, deletedAt: "2027-01-01T00:00:00Z" })] })]);
    expect(fc.features[0]!.properties.totalTonnes).toBe(500);
  });
});

describe("projectAreasToFeatures", () => {
  it("keeps only the projects located by an area", () => {
    const fc = projectAreasToFeatures([project({ id: "P1" }), project({ id: "P2", location: site().geometry })]);
    expect(fc.features.map((f) => f.properties.id)).toEqual(["P2"]);
  });
});

describe("sitesToFeatures", () => {
  it("keeps only the sites of the asked kind", () => {
    const sites = [site({ id: "a", kind: "storage" }), site({ id: "b", kind: "landfill" }), site({ id: "c", kind: "storage" })];
    expect(sitesToFeatures(sites, "storage").features.map((f) => f.properties.id)).toEqual(["a", "c"]);
    expect(sitesToFeatures(sites, "landfill").features.map((f) => f.properties.kind)).toEqual(["landfill"]);
    expect(sitesToFeatures(sites, "quarry").features).toEqual([]);
  });
});

describe("zoningToFeatures", () => {
  it("colours by category and names the category in the language", () => {
    const [nbFeature] = zoningToFeatures([zoningArea({ code: 1202 })], "nb").features;
    const [enFeature] = zoningToFeatures([zoningArea({ code: 1202 })], "en").features;
    expect(nbFeature!.properties.category).toBe("extraction_mass_handling");
    expect(nbFeature!.properties.colour).toBe(categoryColour("extraction_mass_handling"));
    expect(nbFeature!.properties.codeName).toBe("Massemottak");
    expect(nbFeature!.properties.categoryLabel).toBe("Råstoffutvinning og massehåndtering");
    expect(enFeature!.properties.categoryLabel).toBe("Extraction and mass handling");
  });

  it("still draws a code the list lacks, as its range's category", () => {
    const [feature] = zoningToFeatures([zoningArea({ code: 1119, codeList: "rp" })], "en").features;
    expect(feature!.properties.category).toBe("residential");
    expect(feature!.properties.colour).toMatch(/^#[0-9a-f]{6}$/i);
  });
});
