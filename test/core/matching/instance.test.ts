import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatIssuePath, instanceJsonSchema, parseInstance } from "../../../src/core/matching/instance";
import { lot } from "./helpers";

const months = ["2027-01", "2027-02", "2027-03"];
const valid = () => ({
  months,
  lots: [
    { ...lot("L1", "surplus", "rock", 1, 1200, "2027-01", "2027-02"), location: [10.43, 59.83] },
    { ...lot("L2", "demand", "rock", 2, 500, "2027-02"), location: [10.45, 59.84] },
    { ...lot("L3", "demand", "moraine", 1, 10, "2027-03"), location: [10.45, 59.84] },
    { ...lot("L4", "surplus", "clay_silt", 1, 10, "2027-03"), location: [10.45, 59.84] },
  ],
  sites: [
    { id: "S1", kind: "storage", location: [10.4, 59.8], capacityTonnes: 50_000, accepts: { materials: ["rock"], worstClass: 2 }, handlingCostPerTonne: 20 },
    { id: "D1", kind: "landfill", location: [10.3, 59.7], acceptsHazardous: true },
    { id: "Q1", kind: "quarry", location: [10.5, 59.9], materials: ["gravel_sand"], pricePerTonne: 150, kgCO2ePerTonne: 5 },
  ],
});

/** The field errors of `raw`, as "path: message" lines. */
const errorsOf = (raw: unknown): string[] => {
  const parsed = parseInstance(raw);
  if (parsed.ok) return [];
  return parsed.fields.map((f) => (f.path ? `${f.path}: ${f.message}` : f.message));
};
const withLot = (index: number, patch: Record<string, unknown>) => {
  const raw = valid();
  raw.lots[index] = { ...raw.lots[index], ...patch } as (typeof raw.lots)[number];
  return raw;
};

describe("instance schema", () => {
  it("accepts the DESIGN §7 example and fills in the §5 defaults", () => {
    const parsed = parseInstance(valid());
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.instance.parameters).toEqual({
      costPerTonneKm: 1.5,
      loadingCostPerTonne: 20,
      carbonPricePerKg: 0,
      truckPayloadTonnes: 17,
      maxHaulKm: 60,
      distanceMode: "straight",
      circuityFactor: 1.3,
      unplacedPenaltyPerTonne: 100_000,
      objective: "cost",
      acidStorageWeeks: 8,
    });
    expect(parsed.instance.sites[1]).toMatchObject({ kind: "landfill", gateFeePerTonne: 320, acceptsHazardous: true });
    expect(parsed.instance.lots[0]?.hazardous).toBe(false);
  });

  it("formats JSON paths as a planner reads them", () => {
    expect(formatIssuePath(["lots", 3, "window", "from"])).toBe("lots[3].window.from");
    expect(formatIssuePath([])).toBe("");
    expect(formatIssuePath(["months", 0])).toBe("months[0]");
  });

  it("names a bad month by its path and value", () => {
    expect(errorsOf(withLot(3, { window: { from: "2027-13", to: "2027-03" } }))).toEqual([
      'lots[3].window.from: must be a month as YYYY-MM, got "2027-13"',
    ]);
  });

  it("gives unknown material, negative quantity and a bad class each their own message", () => {
    expect(errorsOf(withLot(0, { material: "sand" }))).toEqual([
      'lots[0].material: must be one of rock, gravel_sand, moraine, clay_silt, topsoil, mixed, concrete, asphalt, peat, got "sand"',
    ]);
    expect(errorsOf(withLot(1, { quantity: { value: -5, unit: "tonnes" } }))).toEqual(["lots[1].quantity.value: must not be negative, got -5"]);
    expect(errorsOf(withLot(1, { contaminationClass: 6 }))).toEqual(["lots[1].contaminationClass: must be at most 5, got 6"]);
    expect(errorsOf(withLot(1, { quantity: { value: 5, unit: "kg" } }))).toEqual([
      'lots[1].quantity.unit: must be one of tonnes, m3_in_place, m3_loose, m3_compacted, got "kg"',
    ]);
  });

  it("refuses a window outside the months", () => {
    expect(errorsOf(withLot(2, { window: { from: "2026-12", to: "2027-04" } }))).toEqual([
      'lots[2].window.from: "2026-12" is before the first month "2027-01"',
      'lots[2].window.to: "2027-04" is after the last month "2027-03"',
    ]);
    expect(errorsOf(withLot(2, { window: { from: "2027-03", to: "2027-02" } }))).toEqual(["lots[2].window.to: must not end before it starts"]);
  });

  it("refuses a distance to an unknown id and duplicate ids", () => {
    expect(errorsOf({ ...valid(), distances: [{ from: "L1", to: "X9", km: 3 }] })).toEqual(['distances[0].to: "X9" is not the id of a lot or site']);
    const raw = valid();
    raw.sites[2] = { ...raw.sites[2], id: "L1" } as (typeof raw.sites)[number];
    expect(errorsOf(raw)).toEqual(['sites[2].id: "L1" is used twice (also lots[0].id); ids must be unique across lots and sites']);
  });

  it("requires locations only without distances, and checks profiles and months", () => {
    const raw = withLot(0, { location: undefined });
    expect(errorsOf(raw)).toEqual(["lots[0].location: is required when the instance has no `distances`"]);
    expect(errorsOf({ ...raw, distances: [] })).toEqual([]);
    expect(errorsOf(withLot(0, { monthlyProfile: [1, 2, 3] }))).toEqual(["lots[0].monthlyProfile: has 3 numbers; the window covers 2 month(s) of `months`"]);
    expect(errorsOf({ ...valid(), months: ["2027-01", "2027-03", "2027-02"] })).toContain('months[2]: "2027-02" must come after "2027-03": list each month once, in order');
  });

  it("names every bad field at once, including missing ones and an unknown site kind", () => {
    const raw = valid() as Record<string, unknown> & ReturnType<typeof valid>;
    (raw.sites[0] as Record<string, unknown>).kind = "depot";
    delete (raw.lots[1] as Partial<(typeof raw.lots)[number]>).direction;
    expect(errorsOf(raw)).toEqual(["lots[1].direction: must be one of surplus, demand", "sites[0].kind: must be one of storage, landfill, quarry, got \"depot\""]);
    expect(errorsOf("not an instance")).toEqual(['must be an object, got "not an instance"']);
  });

  it("refuses other materials on a surplus lot and hazardous demand", () => {
    expect(errorsOf(withLot(0, { acceptsMaterials: ["rock"] }))).toEqual(["lots[0].acceptsMaterials: only demand lots take other materials"]);
    expect(errorsOf(withLot(1, { hazardous: true }))).toEqual(["lots[1].hazardous: only surplus lots can be hazardous"]);
  });

  it("never throws, whatever JSON arrives, and names a path for every problem", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const parsed = parseInstance(value);
        expect(parsed.ok).toBe(false);
      }),
      { numRuns: 200 },
    );
    // Every field of a valid instance, replaced by any JSON value.
    const paths: (string | number)[][] = [];
    const walk = (value: unknown, path: (string | number)[]) => {
      if (path.length) paths.push(path);
      if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) walk(v, [...path, Array.isArray(value) ? Number(k) : k]);
    };
    walk(valid(), []);
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.jsonValue(), (path, value) => {
        const raw = valid() as unknown as Record<string | number, unknown>;
        let at = raw;
        for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
        at[path.at(-1) as string | number] = value;
        const parsed = parseInstance(raw);
        if (!parsed.ok) for (const field of parsed.fields) expect(field.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it("publishes a JSON Schema generated from the same schema", () => {
    const schema = instanceJsonSchema() as { $schema: string; required: string[]; properties: Record<string, { items?: unknown }> };
    expect(schema.$schema).toContain("json-schema.org");
    expect(schema.required).toEqual(["months", "lots"]);
    expect(JSON.stringify(schema.properties.sites)).toContain("acceptsHazardous");
    expect(JSON.stringify(schema.properties.lots)).toContain("m3_compacted");
  });
});
