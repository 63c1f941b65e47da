import { describe, expect, it } from "vitest";
import catalogueJson from "../../../data/outdoor-materials/catalogue.json";
import {
  catalogueInForce,
  footprintM2PerUnit,
  outdoorCatalogueSchema,
  outdoorMaterialTypeFieldsSchema,
  shippedOutdoorCatalogue,
  storageAreaM2,
  weightTonnes,
} from "../../../src/core/outdoor/catalogue";

const typeOf = (id: string) => shippedOutdoorCatalogue.types.find((type) => type.id === id)!;

describe("outdoor material catalogue", () => {
  it("ships the types the issue names, each with a unit, weight, footprint, cover, handling and CO2e", () => {
    const ids = shippedOutdoorCatalogue.types.map((type) => type.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        "granite_kerb", "concrete_kerb", "concrete_paving", "granite_slabs", "granite_setts", "granite_blocks",
        "concrete_pipe_300", "concrete_pipe_600", "concrete_pipe_1000", "steel_culvert_800", "manhole_ring_1000",
        "park_bench", "fencing", "play_equipment", "sawn_timber",
      ]),
    );
    expect(new Set(shippedOutdoorCatalogue.types.map((type) => type.unit))).toEqual(new Set(["m", "m2", "tonnes", "pieces", "m3"]));
    for (const type of shippedOutdoorCatalogue.types) {
      expect(type.names.nb.length, type.id).toBeGreaterThan(0);
      expect(type.storage.stacking, type.id).toMatch(/\w/);
      expect(type.newMaterial.kgCO2ePerUnit, type.id).toBeGreaterThan(0);
    }
  });

  it("names a listed reference or says 'estimate' for every figure", () => {
    const keys = Object.keys(shippedOutdoorCatalogue.references);
    for (const type of shippedOutdoorCatalogue.types) {
      for (const [field, note] of Object.entries(type.sources)) {
        const match = /^(?:estimate\b|by definition\b|ref:([a-z0-9-]+))/.exec(note);
        expect(match, `${type.id}.${field}: ${note}`).not.toBeNull();
        if (match![1]) expect(keys).toContain(match![1]);
      }
    }
  });

  it("refuses duplicate ids, unknown references and unsourced figures, naming the path", () => {
    const broken = structuredClone(catalogueJson);
    broken.types[1]!.id = "granite_kerb";
    broken.types[2]!.sources.weight = "ref:nowhere — made up";
    broken.types[3]!.sources.kgCO2e = "I think so";
    const parsed = outdoorCatalogueSchema.safeParse(broken);
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((issue) => issue.path.join("."))).toEqual([
      "types.1.id",
      "types.2.sources.weight",
      "types.3.sources.kgCO2e",
    ]);
  });

  it("validates an admin's type: positive weight, whole layers, bounded minutes", () => {
    const parsed = outdoorMaterialTypeFieldsSchema.safeParse({
      ...typeOf("park_bench"),
      weightTonnesPerUnit: 0,
      storage: { m2PerUnitOneLayer: 1.3, layers: 1.5, stacking: "" },
      handling: { receivePersonMinutesPerUnit: -1, issuePersonMinutesPerUnit: 601 },
    });
    expect(parsed.error!.issues.map((issue) => issue.path.join("."))).toEqual([
      "weightTonnesPerUnit",
      "storage.layers",
      "storage.stacking",
      "handling.receivePersonMinutesPerUnit",
      "handling.issuePersonMinutesPerUnit",
    ]);
  });

  it("works the issue's example: 600 m of granite kerb at 0.1 m² per metre, stacked three high, need 20 m²", () => {
    const kerb = typeOf("granite_kerb");
    expect(kerb.storage).toMatchObject({ m2PerUnitOneLayer: 0.1, layers: 3 });
    expect(footprintM2PerUnit(kerb)).toBeCloseTo(0.1 / 3, 12);
    // 600 × 0.1 = 60 m² in one layer; three layers high take a third of the ground.
    expect(storageAreaM2(kerb, 600)).toBe(20);
    expect(weightTonnes(kerb, 600)).toBeCloseTo(60, 9);
  });

  it("lays admins' types over the shipped list: edits replace, additions follow, versions and origin say which", () => {
    const bench = typeOf("park_bench");
    const { id: _id, ...benchFields } = bench;
    const inForce = catalogueInForce([
      { id: "park_bench", fields: { ...benchFields, weightTonnesPerUnit: 0.1 }, version: 3, updatedAt: "2027-01-01T00:00:00.000Z", updatedBy: "admin" },
      { id: "bollard", fields: { ...benchFields, names: { nb: "Pullert", en: "Bollard" } }, version: 1, updatedAt: "2027-01-02T00:00:00.000Z", updatedBy: "admin" },
    ]);
    expect(inForce.length).toBe(shippedOutdoorCatalogue.types.length + 1);
    expect(inForce.at(-1)).toMatchObject({ id: "bollard", origin: "added", version: 1 });
    expect(inForce.find((type) => type.id === "park_bench")).toMatchObject({ origin: "edited", version: 3, weightTonnesPerUnit: 0.1, updatedBy: "admin" });
    expect(inForce[0]).toMatchObject({ id: "granite_kerb", origin: "catalogue", version: 1, updatedAt: null, footprintM2PerUnit: 0.1 / 3 });
  });
});
