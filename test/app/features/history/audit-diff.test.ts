import { describe, expect, it } from "vitest";
import type { AuditEntry } from "../../../../src/core/domain/registry-api";
import {
  formatAuditTime,
  historyLine,
  historySentence,
  lotChanges,
  projectChanges,
} from "../../../../src/app/features/history/audit-diff";
import { makeTranslator } from "../../../../src/app/i18n/use-t";
import { lot, project } from "../../../support/record-fixtures";

const en = makeTranslator("en");
const nb = makeTranslator("nb");
const plain = (text: string) => text.replace(/\u00a0/g, " ");

const entry = (overrides: Partial<AuditEntry>): AuditEntry => ({
  id: 1,
  entity: "lot",
  entityId: "L1",
  projectId: "P1",
  action: "update",
  actor: "engineer",
  // 09:12 UTC is 10:12 in Oslo in March (CET, UTC+1).
  at: "2027-03-04T09:12:00.000Z",
  before: null,
  after: null,
  ...overrides,
});

describe("formatAuditTime", () => {
  it("shows Norwegian local time, summer and winter", () => {
    expect(formatAuditTime("2027-03-04T09:12:00.000Z")).toBe("2027-03-04 10:12");
    expect(formatAuditTime("2027-07-01T22:30:00.000Z")).toBe("2027-07-02 00:30");
    expect(formatAuditTime("not a time")).toBe("not a time");
  });
});

describe("history sentences", () => {
  it("say who changed a lot's quantity, when, with the unit, in both languages", () => {
    const e = entry({
      before: lot({ quantity: { value: 1200, unit: "tonnes" }, tonnes: 1200 }),
      after: lot({ quantity: { value: 1500, unit: "tonnes" }, tonnes: 1500, version: 2 }),
    });
    expect(plain(historySentence(historyLine(e, en), en))).toBe("lot changed by engineer, 2027-03-04 10:12 (surplus, rock): quantity 1,200 → 1,500 t");
    expect(plain(historySentence(historyLine(e, nb), nb))).toBe(
      "lott endret av engineer, 2027-03-04 10:12 (overskudd, sprengstein / fjell): mengde 1 200 → 1 500 t",
    );
  });

  it("say a project's changes in the form's words", () => {
    const e = entry({
      entity: "project",
      entityId: "P1",
      before: project({ name: "Asker VA", status: "planned", members: [] }),
      after: project({ name: "Asker VA og vei", status: "in_progress", members: ["ola"] }),
    });
    expect(historySentence(historyLine(e, en), en)).toBe(
      "changed by engineer, 2027-03-04 10:12: project name “Asker VA” → “Asker VA og vei”; status Planned → In progress; members none → ola",
    );
    expect(historySentence(historyLine(e, nb), nb)).toBe(
      "endret av engineer, 2027-03-04 10:12: prosjektnavn «Asker VA» → «Asker VA og vei»; status Planlagt → Pågår; medlemmer ingen → ola",
    );
  });

  it("describe a lot added or deleted as a whole", () => {
    const added = lot({ direction: "demand", material: "gravel_sand", contaminationClass: 2, quantity: { value: 300, unit: "m3_loose" }, window: { from: "2027-02", to: "2027-04" } });
    expect(plain(historySentence(historyLine(entry({ action: "create", after: added }), en), en))).toBe(
      "lot added by engineer, 2027-03-04 10:12 (demand, gravel and sand, class 2, 300 ulm³, 2027-02–2027-04)",
    );
    expect(plain(historySentence(historyLine(entry({ action: "delete", before: added, after: null }), en), en))).toContain("lot deleted by engineer");
    expect(historySentence(historyLine(entry({ entity: "project", action: "create", after: project() }), en), en)).toBe(
      "created by engineer, 2027-03-04 10:12",
    );
  });

  it("say when an update changed no field the panel shows", () => {
    const same = project();
    expect(historySentence(historyLine(entry({ entity: "project", before: same, after: { ...same, version: 2 } }), en), en)).toBe(
      "changed by engineer, 2027-03-04 10:12: no field changed",
    );
  });
});

describe("field diffs", () => {
  it("show both units when the unit changed, and the months, class, flag and profile", () => {
    const changes = lotChanges(
      lot({ quantity: { value: 1200, unit: "m3_in_place" }, contaminationClass: 1, hazardous: false }),
      lot({ quantity: { value: 3000, unit: "tonnes" }, contaminationClass: 3, hazardous: true, window: { from: "2027-02", to: "2027-05" }, monthlyProfile: [1, 2, 2, 1] }),
      en,
    );
    expect(changes.map((c) => [c.field, plain(c.before), plain(c.after)])).toEqual([
      ["lots.class", "1", "3"],
      ["lots.hazardous", "no", "yes"],
      ["lots.quantity", "1,200 pfm³", "3,000 t"],
      ["lots.months", "2027-01–2027-03", "2027-02–2027-05"],
      ["lots.profile", "spread evenly", "1 2 2 1"],
    ]);
  });

  it("tell how far a project moved", () => {
    const [change] = projectChanges(
      project({ location: { type: "Point", coordinates: [10.43, 59.83] } }),
      project({ location: { type: "Point", coordinates: [10.43, 59.831] } }),
      en,
    );
    expect(plain(change!.after)).toBe("moved 111 m");
  });
});
