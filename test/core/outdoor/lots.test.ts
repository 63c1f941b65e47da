import { describe, expect, it } from "vitest";
import { fieldsOf } from "../../../src/core/domain/api-error";
import { outdoorLotInputSchema, type OutdoorLotInput } from "../../../src/core/outdoor/api";
import { shippedOutdoorCatalogue } from "../../../src/core/outdoor/catalogue";
import { assignStorage, outdoorLotProblems, storagePeriod, type MaterialStorageSite } from "../../../src/core/outdoor/lots";

const types = new Map(shippedOutdoorCatalogue.types.map((type) => [type.id, type]));
const open: MaterialStorageSite = { id: "open", name: "Åpent lager", location: [10.44, 59.83], materialAreaM2: 300, materialAreaCovered: false, closed: false };
const roofed: MaterialStorageSite = { id: "roofed", name: "Lager under tak", location: [10.6, 59.9], materialAreaM2: 100, materialAreaCovered: true, closed: false };
const kerb: OutdoorLotInput = { direction: "available", typeId: "granite_kerb", quantity: 600, condition: "reusable", availableFrom: "2027-03", notes: "" };

const paths = (input: unknown) => {
  const parsed = outdoorLotInputSchema.safeParse(input);
  return parsed.success ? [] : fieldsOf(parsed.error).map((f) => f.path);
};

describe("outdoor lot input", () => {
  it("asks an available lot for availableFrom and a wanted lot for neededBy, and keeps their fields apart", () => {
    expect(paths(kerb)).toEqual([]);
    expect(paths({ ...kerb, availableFrom: undefined })).toEqual(["availableFrom"]);
    expect(paths({ ...kerb, wantedBy: { month: "2027-01" } })).toEqual(["wantedBy.month"]);
    expect(paths({ ...kerb, direction: "wanted", storageSiteId: "x", wantedBy: { month: "2027-05" } })).toEqual([
      "neededBy",
      "availableFrom",
      "wantedBy",
      "storageSiteId",
    ]);
    expect(paths({ ...kerb, quantity: -600, condition: "broken", typeId: "Granite Kerb" })).toEqual(["typeId", "quantity", "condition"]);
    expect(paths({ ...kerb, quantity: 2e9 })).toEqual(["quantity"]);
  });
});

describe("storage period", () => {
  it("runs from availableFrom to the receiver's month, both included, or 12 months by default", () => {
    expect(storagePeriod(kerb)).toEqual({ from: "2027-03", to: "2028-02", months: 12, endKnown: false });
    expect(storagePeriod({ ...kerb, wantedBy: { month: "2027-03" } })).toEqual({ from: "2027-03", to: "2027-03", months: 1, endKnown: true });
    expect(storagePeriod(kerb, { defaultMonths: 6 })).toMatchObject({ to: "2027-08", months: 6 });
    expect(storagePeriod({ availableFrom: undefined })).toBeUndefined();
  });
});

describe("storage site assignment", () => {
  it("keeps a chosen site, else takes the nearest suitable one, and none for wanted lots", () => {
    const at: [number, number] = [10.43, 59.83];
    const choices = assignStorage(
      [
        { id: "a", direction: "available", typeId: "granite_kerb", location: at },
        { id: "b", direction: "available", typeId: "sawn_timber", location: at },
        { id: "c", direction: "available", typeId: "granite_kerb", storageSiteId: "roofed", location: at },
        { id: "d", direction: "wanted", typeId: "granite_kerb", location: at },
        { id: "e", direction: "available", typeId: "granite_kerb", storageSiteId: "deleted-site", location: at },
      ],
      [open, roofed, { ...open, id: "closed", closed: true, location: at }],
      types,
    );
    expect(Object.fromEntries(choices)).toEqual({
      a: { siteId: "open", chosen: "nearest" },
      b: { siteId: "roofed", chosen: "nearest" },
      c: { siteId: "roofed", chosen: "explicit" },
      d: { siteId: null, chosen: "none" },
      e: { siteId: "open", chosen: "nearest" },
    });
  });
});

describe("checks before saving", () => {
  const problems = (lot: OutdoorLotInput, sites = [open, roofed]) =>
    outdoorLotProblems(lot, { type: types.get(lot.typeId), sites }).map((p) => `${p.code}:${p.path}`);

  it("names an unknown type and fractional pieces", () => {
    expect(problems({ ...kerb, typeId: "moon_rock" })).toEqual(["invalid_input:typeId"]);
    expect(problems({ ...kerb, typeId: "park_bench", quantity: 2.5 })).toEqual(["invalid_input:quantity"]);
  });

  it("asks to confirm more than 100 000 t, and then accepts it", () => {
    // 120 000 t of granite blocks need 60 000 m² at 1 m² per tonne in two layers: give the sites room.
    const big = { ...kerb, typeId: "granite_blocks", quantity: 120_000 };
    const sites = [{ ...open, materialAreaM2: 100_000 }];
    expect(problems(big, sites)).toEqual(["confirm_large_quantity:quantity"]);
    expect(problems({ ...big, confirmLarge: true }, sites)).toEqual([]);
  });

  it("refuses a lot that alone needs more area than all suitable sites reserve, with the numbers", () => {
    // 30 000 m of kerb = 1 000 m² > 300 + 100 m².
    const [problem] = outdoorLotProblems({ ...kerb, quantity: 30_000 }, { type: types.get("granite_kerb"), sites: [open, roofed] });
    expect(problem).toEqual({
      code: "exceeds_storage_area",
      path: "quantity",
      message: expect.stringMatching(/30,000 m of Granite kerb need 1,000 m² .*all storage sites together \(400 m²\)/),
      key: "outdoor.exceedsArea",
      params: expect.objectContaining({ quantity: 30_000, unit: "m", needM2: 1000, suitableM2: 400 }),
    });
    // Timber needs cover: only the 100 m² under roof count. 100 m³ × 1.05 ÷ 2 = 52.5 m² fits, 200 m³ = 105 m² does not.
    expect(problems({ ...kerb, typeId: "sawn_timber", quantity: 100 })).toEqual([]);
    expect(problems({ ...kerb, typeId: "sawn_timber", quantity: 200 })).toEqual(["exceeds_storage_area:quantity"]);
    // Wanted lots are not stored; and before any site reserves material area the check waits.
    expect(problems({ direction: "wanted", typeId: "granite_kerb", quantity: 30_000, condition: "reusable", neededBy: "2027-05", notes: "" })).toEqual([]);
    expect(problems({ ...kerb, quantity: 30_000 }, [{ ...open, materialAreaM2: 0 }])).toEqual([]);
  });

  it("refuses a chosen site that cannot take the type", () => {
    expect(outdoorLotProblems({ ...kerb, typeId: "park_bench", quantity: 4, storageSiteId: "open" }, { type: types.get("park_bench"), sites: [open, roofed] })).toEqual([
      {
        code: "invalid_input",
        path: "storageSiteId",
        message: "Åpent lager has no covered material area, and Park bench needs cover",
        key: "outdoor.siteWithoutCover",
        params: { site: "Åpent lager", type: { nb: "Parkbenk", en: "Park bench" } },
      },
    ]);
    expect(problems({ ...kerb, storageSiteId: "nowhere" })).toEqual(["invalid_input:storageSiteId"]);
  });
});
