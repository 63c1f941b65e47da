import { describe, expect, it } from "vitest";
import { fieldsOf } from "../../../src/core/domain/api-error";
import { outdoorLotInputSchema, outdoorLotUpdateSchema, storedOutdoorLotSchema, type OutdoorLotInput } from "../../../src/core/outdoor/model";

const kerb = { direction: "available", typeId: "granite_kerb", quantity: 600, condition: "reusable", availableFrom: "2027-03", notes: "" };
const benches = { direction: "wanted", typeId: "granite_kerb", quantity: 80, condition: "needs_repair", neededBy: "2027-06" };

const problems = (input: unknown) => {
  const parsed = outdoorLotInputSchema.safeParse(input);
  return parsed.success ? [] : fieldsOf(parsed.error).map(({ path, key }) => ({ path, key }));
};

describe("outdoor lot input as a union on direction", () => {
  it("words each direction's problem at its field, with no union error beside it", () => {
    expect(problems({ ...benches, availableFrom: "2027-03" })).toEqual([{ path: "availableFrom", key: "outdoor.availableFromIsForAvailable" }]);
    expect(problems({ ...kerb, availableFrom: undefined })).toEqual([{ path: "availableFrom", key: "outdoor.availableFromRequired" }]);
    expect(problems({ ...kerb, neededBy: "2027-06" })).toEqual([{ path: "neededBy", key: "outdoor.neededByIsForWanted" }]);
    expect(problems({ ...benches, neededBy: undefined })).toEqual([{ path: "neededBy", key: "outdoor.neededByRequired" }]);
  });

  it("parses to the same object, keys in the same order, whichever direction", () => {
    const { notes: _notes, ...kerbFields } = kerb;
    const full = { ...kerbFields, wantedBy: { projectId: "P9", month: "2027-09" }, storageSiteId: "S01", notes: "from Fv165", confirmLarge: true };
    expect(JSON.stringify(outdoorLotInputSchema.parse(full))).toBe(JSON.stringify(full));
    expect(JSON.stringify(outdoorLotInputSchema.parse(benches))).toBe(JSON.stringify({ ...benches, notes: "" }));
    expect(outdoorLotUpdateSchema.parse({ ...benches, version: 3 })).toEqual({ ...benches, notes: "", version: 3 });
  });

  it("gives the parsed lot a type that narrows on direction (checked by tsc)", () => {
    const months = [kerb, benches].map((input) => {
      const lot: OutdoorLotInput = outdoorLotInputSchema.parse(input);
      // @ts-expect-error neededBy is not a field of every lot: narrow on direction first
      void lot.neededBy;
      return lot.direction === "available" ? lot.availableFrom : lot.neededBy;
    });
    expect(months).toEqual(["2027-03", "2027-06"]);
  });

  it("refuses a stored lot that breaks the rule (what the database's check constraint also forbids)", () => {
    const stored = { id: "L1", projectId: "P1", version: 1, illustrative: false, updatedAt: "2027-01-01T00:00:00.000Z", updatedBy: null, deletedAt: null };
    expect(storedOutdoorLotSchema.safeParse({ ...benches, ...stored, notes: "" }).success).toBe(true);
    expect(storedOutdoorLotSchema.safeParse({ ...benches, neededBy: undefined, ...stored, notes: "" }).success).toBe(false);
    expect(storedOutdoorLotSchema.safeParse({ ...kerb, availableFrom: undefined, ...stored }).success).toBe(false);
  });
});
