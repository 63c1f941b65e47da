import { describe, expect, it } from "vitest";
import { materials, referenceMaterialProperties } from "../../../../src/core/domain/materials";
import {
  firstErrorPath,
  lotBody,
  lotTonnes,
  parseProfile,
  projectBody,
  validateDraft,
} from "../../../../src/app/features/projects/draft-body";
import { draftFromProject, emptyDraft, newLot, type LotDraft, type ProjectDraft } from "../../../../src/app/features/projects/draft";
import { lot, project } from "../../../support/record-fixtures";

const goodLot = (overrides: Partial<LotDraft> = {}): LotDraft => ({
  ...newLot(emptyDraft()),
  material: "rock",
  contaminationClass: "1",
  quantity: "1 200",
  from: "2027-01",
  to: "2027-03",
  ...overrides,
});

const goodDraft = (overrides: Partial<ProjectDraft> = {}): ProjectDraft => ({
  ...emptyDraft(),
  name: "Testveien 12",
  location: { kind: "point", crs: "EPSG:25832", x: "580167", y: "6633344" },
  lots: [goodLot()],
  ...overrides,
});

describe("lotTonnes (the tonnes beside the typed quantity)", () => {
  it("converts with the table in force: the worked example of DESIGN §5", () => {
    // Hamar VA project: mixed masses observed at 2.10 t/m³: 23 057 m³ → 48 420 t.
    const table = { ...referenceMaterialProperties, mixed: { ...referenceMaterialProperties.mixed, densityTonnesPerM3InPlace: 2.1 } };
    expect(lotTonnes({ quantity: "23 057", unit: "m3_in_place", material: "mixed" }, table)).toBeCloseTo(48419.7, 1);
  });

  it("uses the reference values by default, and each unit's conversion", () => {
    expect(lotTonnes({ quantity: "100", unit: "m3_in_place", material: "rock" })).toBeCloseTo(270);
    expect(lotTonnes({ quantity: "165", unit: "m3_loose", material: "rock" })).toBeCloseTo(270);
    expect(lotTonnes({ quantity: "130", unit: "m3_compacted", material: "rock" })).toBeCloseTo(270);
    expect(lotTonnes({ quantity: "1200,5", unit: "tonnes", material: "clay_silt" })).toBe(1200.5);
  });

  it("is null while the quantity or the material is missing or unusable", () => {
    expect(lotTonnes({ quantity: "", unit: "tonnes", material: "rock" })).toBeNull();
    expect(lotTonnes({ quantity: "12", unit: "tonnes", material: "" })).toBeNull();
    expect(lotTonnes({ quantity: "-5", unit: "tonnes", material: "rock" })).toBeNull();
  });
});

describe("parseProfile", () => {
  it("reads shares separated by spaces, bars or semicolons; empty means evenly", () => {
    expect(parseProfile("1 2 1")).toEqual([1, 2, 1]);
    expect(parseProfile("1|2,5|1")).toEqual([1, 2.5, 1]);
    expect(parseProfile("  ")).toBeUndefined();
    expect(parseProfile("1 x 1")).toBe("bad");
  });
});

describe("projectBody", () => {
  it("builds the create body with a WGS84 point from typed UTM", () => {
    const { body, errors } = projectBody(goodDraft());
    expect(errors).toEqual({});
    expect(body).toMatchObject({ name: "Testveien 12", status: "planned", contact: "", notes: "", members: [] });
    expect(body!.location.type).toBe("Point");
    expect("version" in body!).toBe(false);
  });

  it("carries the version for an update, and leaves members out when the user may not set them", () => {
    const stored = draftFromProject(project({ id: "P1", version: 7, members: ["kari"] }));
    const { body } = projectBody(stored, { includeMembers: false });
    expect(body).toMatchObject({ version: 7 });
    expect("members" in body!).toBe(false);
  });

  it("names every problem by its field path", () => {
    const { body, errors } = projectBody({ ...emptyDraft(), name: "   " });
    expect(body).toBeNull();
    expect(errors).toEqual({
      name: { key: "validation.required", params: {} },
      "location.x": { key: "coords.required" },
      "location.y": { key: "coords.required" },
    });
  });
});

describe("lotBody", () => {
  it("builds a new lot's body from the typed text", () => {
    const { body, errors, tonnes } = lotBody(goodLot({ hazardous: true, notes: "sprengstein" }));
    expect(errors).toEqual({});
    expect(tonnes).toBe(1200);
    expect(body).toEqual({
      direction: "surplus",
      material: "rock",
      contaminationClass: 1,
      quantity: { value: 1200, unit: "tonnes" },
      window: { from: "2027-01", to: "2027-03" },
      hazardous: true,
      notes: "sprengstein",
    });
  });

  it("keeps the version of a stored lot for its PUT", () => {
    const stored = draftFromProject(project({ lots: [lot({ id: "L1", version: 3 })] })).lots[0]!;
    expect(lotBody(stored).body).toMatchObject({ version: 3 });
  });

  it("puts every problem under the lot's key, in the schema's own words turned into message keys", () => {
    const { body, errors } = lotBody(goodLot({ key: "new-4", material: "", contaminationClass: "", quantity: "-5", from: "2027-05", to: "2027-02", profile: "1 x" }));
    expect(body).toBeNull();
    expect(errors).toEqual({
      "lots.new-4.material": { key: "validation.oneOf", params: { values: [...materials] } },
      "lots.new-4.contaminationClass": { key: "validation.required", params: {} },
      "lots.new-4.quantity.value": { key: "validation.positive", params: {} },
      "lots.new-4.window.to": { key: "validation.monthOrder", params: {} },
      "lots.new-4.monthlyProfile": { key: "validation.profileNumbers" },
    });
  });

  it("says a quantity that is not a number is not a number", () => {
    expect(lotBody(goodLot({ key: "k", quantity: "tolv" })).errors).toEqual({ "lots.k.quantity.value": { key: "validation.number" } });
    expect(lotBody(goodLot({ key: "k", quantity: "" })).errors).toEqual({ "lots.k.quantity.value": { key: "validation.required" } });
  });

  it("checks the monthly profile against the window with the shared schema", () => {
    expect(lotBody(goodLot({ key: "k", profile: "1 2" })).errors).toEqual({
      "lots.k.monthlyProfile": { key: "validation.profileLength", params: { months: 3, given: 2 } },
    });
    expect(lotBody(goodLot({ profile: "1 2 1" })).body).toMatchObject({ monthlyProfile: [1, 2, 1] });
  });

  it("asks for confirmation above 10 million tonnes, and sends confirmLarge once given", () => {
    const huge = goodLot({ key: "k", quantity: "12 000 000" });
    expect(lotBody(huge).errors).toEqual({ "lots.k.quantity.value": { key: "validation.confirmLarge", params: { tonnes: 12_000_000, limit: 10_000_000 } } });
    expect(lotBody({ ...huge, confirmLarge: true }).body).toMatchObject({ confirmLarge: true, quantity: { value: 12_000_000 } });
    // 4 million pfm³ of rock is 10.8 million tonnes: the limit is on tonnes, not on the typed number.
    expect(lotBody(goodLot({ key: "k", quantity: "4000000", unit: "m3_in_place" })).errors).toHaveProperty(["lots.k.quantity.value"]);
    expect(lotBody(goodLot({ quantity: "9 000 000" })).body).not.toHaveProperty("confirmLarge");
  });
});

describe("validateDraft", () => {
  it("answers every body when the draft is good", () => {
    const result = validateDraft(goodDraft({ lots: [goodLot({ key: "a" }), goodLot({ key: "b", direction: "demand" })] }));
    expect(result.errors).toEqual({});
    expect(result.project).not.toBeNull();
    expect([...result.lots.keys()]).toEqual(["a", "b"]);
  });

  it("collects the project's and every lot's errors, and finds the first in form order", () => {
    const draft = goodDraft({ name: "", lots: [goodLot({ key: "a" }), goodLot({ key: "b", quantity: "0" })] });
    const { errors } = validateDraft(draft);
    expect(Object.keys(errors)).toEqual(["name", "lots.b.quantity.value"]);
    expect(firstErrorPath(draft, errors)).toBe("name");
    expect(firstErrorPath(draft, { "lots.b.quantity.value": { key: "validation.positive" }, "location.y": { key: "coords.required" } })).toBe("location.y");
  });
});
