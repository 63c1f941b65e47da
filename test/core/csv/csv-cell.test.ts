import { describe, expect, it } from "vitest";
import { csvField, neutraliseFormula, restoreFormulaText } from "../../../src/core/csv/csv-cell";
import { readCsv, writeCsv } from "../../../src/io/csv/csv-table";
import { flowsToCsv } from "../../../src/app/features/export/flows-csv";

describe("CSV cells a spreadsheet reads as text (issue 12)", () => {
  it.each(["=HYPERLINK(\"http://x\",\"y\")", "+1+2", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "=cmd|' /C calc'!A0"])("prefixes %j with '", (text) => {
    expect(neutraliseFormula(text)).toBe(`'${text}`);
  });

  it.each(["-12.5", "+3", "1e6", "-0.001", "42", ".5"])("leaves the number %j alone", (text) => {
    expect(neutraliseFormula(text)).toBe(text);
  });

  it("leaves numbers and ordinary text alone", () => {
    expect(neutraliseFormula(-7)).toBe("-7");
    expect(neutraliseFormula("Rock from Asker")).toBe("Rock from Asker");
    expect(neutraliseFormula("2027-03")).toBe("2027-03");
  });

  it("quotes after neutralising", () => {
    expect(csvField('=a,"b"')).toBe(`"'=a,""b"""`);
  });

  it("round-trips through writeCsv and readCsv", () => {
    const csv = writeCsv(["name", "value"], [{ name: "=1+2", value: "-5" }, { name: "@x", value: "3" }]);
    expect(csv).toBe("name,value\n'=1+2,-5\n'@x,3");
    expect(readCsv(csv).rows).toEqual([["=1+2", "-5"], ["@x", "3"]]);
    expect(restoreFormulaText("'hello")).toBe("'hello");
  });

  it("neutralises names in the flows export", () => {
    const csv = flowsToCsv(
      [{ from: "L1", to: "S1", kind: "direct", material: "rock", contaminationClass: 1, month: "2027-01", tonnes: 5, km: 1 } as never],
      new Map([["L1", { name: "=2+3" }], ["S1", { name: "-site" }]]) as never,
    );
    expect(csv.split("\r\n")[1]).toBe("L1,'=2+3,S1,'-site,direct,rock,1,2027-01,5,1,false");
  });
});
