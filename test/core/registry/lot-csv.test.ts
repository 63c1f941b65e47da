import { describe, expect, it } from "vitest";
import { lotCsvColumns, readLotRow } from "../../../src/core/registry/lot-csv";

const row = (material: string) => ({
  project: "Kirkeveien",
  direction: "overskudd",
  material,
  contaminationClass: "1",
  quantity: "100",
  unit: "pfm3",
  from: "2027-01",
  to: "2027-03",
  hazardous: "nei",
});

describe("lot CSV materials", () => {
  it.each([
    ["betong", "concrete"],
    ["Knust betong", "concrete"],
    ["asfalt", "asphalt"],
    ["Returasfalt", "asphalt"],
    ["fresasfalt", "asphalt"],
    ["torv", "peat"],
    ["concrete", "concrete"],
    ["peat", "peat"],
  ])("reads %s as %s", (written, material) => {
    const read = readLotRow(2, row(written));
    expect(read.ok && read.value.lot.material).toBe(material);
  });

  it("names the known materials when a cell is not one of them", () => {
    const read = readLotRow(2, row("gips"));
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.errors[0]).toMatchObject({ row: 2, column: "material", message: expect.stringContaining("concrete, asphalt, peat") });
  });

  it("describes the hazardous column as the separate farlig-avfall decision, not a class above 5", () => {
    const column = lotCsvColumns.find((c) => c.name === "hazardous")!;
    for (const text of [column.en, column.nb]) {
      expect(text).toMatch(/avfallsforskriften kap\. 11/);
      expect(text).not.toMatch(/class 5|klasse 5/);
    }
  });
});
