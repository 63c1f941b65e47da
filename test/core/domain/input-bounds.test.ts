import { describe, expect, it } from "vitest";
import { controlCharacterProblem, firstControlCharacter, jsonNestingDepth, parseBoundedJson, vertexCount } from "../../../src/core/domain/input-bounds";
import { lotInputSchema, monthSchema } from "../../../src/core/domain/records";
import { instanceFromRegistry } from "../../../src/core/matching/from-registry";
import { parseInstance } from "../../../src/core/matching/instance";
import { outdoorLotInputSchema } from "../../../src/core/outdoor/api";
import type { Project } from "../../../src/core/domain/records";

describe("input bounds (issue 12)", () => {
  it.each([["1990-01", true], ["2100-12", true], ["1989-12", false], ["2101-01", false], ["0001-01", false], ["9999-12", false], ["20270-01", false], ["27-01", false]])(
    "month %s is accepted: %s",
    (month, ok) => expect(monthSchema.safeParse(month).success).toBe(ok),
  );

  it("bounds outdoor lot months too", () => {
    const result = outdoorLotInputSchema.safeParse({ direction: "wanted", typeId: "granite_kerb", quantity: 5, condition: "reusable", neededBy: "9999-01" });
    expect(result.success).toBe(false);
  });

  it("refuses lot quantities that are not finite or over 50 million", () => {
    const lot = (value: number) => ({ direction: "surplus", material: "rock", contaminationClass: 1, quantity: { value, unit: "tonnes" }, window: { from: "2027-01", to: "2027-02" } });
    expect(lotInputSchema.safeParse(lot(50_000_000)).success).toBe(true);
    expect(lotInputSchema.safeParse(lot(50_000_001)).success).toBe(false);
    expect(lotInputSchema.safeParse(lot(Infinity)).success).toBe(false);
    expect(lotInputSchema.safeParse(lot(Number.NaN)).success).toBe(false);
  });

  it("names control characters and where they are", () => {
    expect(controlCharacterProblem("ab\u0000")).toBe("must not contain control characters (U+0000 at character 3)");
    expect(controlCharacterProblem("a\nb")).toMatch(/U\+000A/);
    expect(controlCharacterProblem("a\nb", { multiline: true })).toBeUndefined();
    expect(firstControlCharacter({ lots: [{ notes: "ok" }, { notes: "x\u001b[31m" }] })?.path).toBe("lots.1.notes");
    expect(firstControlCharacter({ ["k\u0000"]: 1 })?.path).toBe("k\u0000");
  });

  it("measures JSON nesting without recursing and refuses deep documents", () => {
    expect(jsonNestingDepth('{"a":[1,{"b":"[[[[["}]}')).toBe(3);
    expect(jsonNestingDepth('["\\"[[["]')).toBe(1);
    const deep = parseBoundedJson("[".repeat(1_000_000) + "]".repeat(1_000_000));
    expect(deep).toMatchObject({ ok: false, code: "too_deep" });
    expect(parseBoundedJson("{")).toMatchObject({ ok: false, code: "invalid_json" });
    expect(parseBoundedJson('{"a":[1]}')).toEqual({ ok: true, value: { a: [1] } });
  });

  it("counts positions of polygons and multipolygons", () => {
    expect(vertexCount([[[0, 0], [1, 0], [1, 1], [0, 0]]])).toBe(4);
    expect(vertexCount([[[[0, 0], [1, 0], [1, 1], [0, 0]]], [[[0, 0], [1, 0], [1, 1], [0, 0]]]])).toBe(8);
  });

  it("refuses an instance lot in year 9999 with the JSON path", () => {
    const parsed = parseInstance({ months: ["2027-01"], lots: [{ id: "L1", direction: "surplus", material: "rock", contaminationClass: 1, quantity: { value: 5, unit: "tonnes" }, window: { from: "2027-01", to: "9999-01" }, location: [10.4, 59.8] }] });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.fields.map((f) => f.path)).toContain("lots[0].window.to");
  });

  it("leaves a lot stored out of bounds out of a run, with a note, instead of failing the run", () => {
    const lot = (id: string, window: { from: string; to: string }) => ({
      id, projectId: "P", direction: "surplus" as const, material: "rock" as const, contaminationClass: 1 as const, hazardous: false,
      quantity: { value: 100, unit: "tonnes" as const }, tonnes: 100, window, notes: "", version: 1, illustrative: false, updatedAt: "", updatedBy: null, deletedAt: null,
    });
    const project = {
      id: "P", name: "P", status: "planned", location: { type: "Point", coordinates: [10.4, 59.8] }, contact: "", notes: "", version: 1, illustrative: false,
      updatedAt: "", updatedBy: null, deletedAt: null, owner: null, members: [],
      lots: [lot("good", { from: "2027-01", to: "2027-03" }), lot("legacy", { from: "2027-01", to: "9999-12" })],
    } as unknown as Project;
    const built = instanceFromRegistry([project], []);
    expect(built.instance.lots.map((l) => l.id)).toEqual(["good"]);
    expect(built.instance.months).toEqual(["2027-01", "2027-02", "2027-03"]);
    expect(built.notes.join("\n")).toMatch(/lot legacy .* left out: its window 2027-01…9999-12/);
  });
});
