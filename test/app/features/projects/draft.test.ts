import { describe, expect, it } from "vitest";
import {
  canUndo,
  draftFromProject,
  emptyDraft,
  historyOf,
  isDirty,
  undo,
  undoLimit,
  withLocation,
  withLotAdded,
  withLotChanged,
  withLotDuplicated,
  withLotRemoved,
  withPickedLocation,
  withProjectField,
  type DraftHistory,
} from "../../../../src/app/features/projects/draft";
import { lot, project } from "../../../support/record-fixtures";

const fresh = () => historyOf(emptyDraft());
const keys = (h: DraftHistory) => h.draft.lots.map((l) => l.key);

describe("draft from a stored project", () => {
  it("keeps every value as text the inputs show, and the point in the chosen CRS", () => {
    const draft = draftFromProject(
      project({
        id: "P1",
        version: 4,
        location: { type: "Point", coordinates: [10.43, 59.83] },
        lots: [lot({ id: "L1", version: 2, quantity: { value: 1200, unit: "m3_loose" }, monthlyProfile: [1, 2, 1] })],
      }),
    );
    expect(draft.id).toBe("P1");
    expect(draft.version).toBe(4);
    expect(draft.location).toEqual({ kind: "point", crs: "EPSG:25832", x: "580167", y: "6633344" });
    expect(draft.lots[0]).toMatchObject({ key: "L1", id: "L1", version: 2, quantity: "1200", unit: "m3_loose", contaminationClass: "1", profile: "1 2 1" });
  });

  it("keeps an area location as it is, and leaves deleted lots out", () => {
    const area = { type: "Polygon" as const, coordinates: [[[10, 59], [10.1, 59], [10.1, 59.1], [10, 59]]] as [number, number][][] };
    const draft = draftFromProject(project({ location: area, lots: [lot({ id: "A" }), lot({ id: "B", deletedAt: "2027-01-02T00:00:00Z" })] }));
    expect(draft.location).toEqual({ kind: "area", geometry: area });
    expect(draft.lots.map((l) => l.id)).toEqual(["A"]);
  });
});

describe("lot transitions", () => {
  it("add a lot with nothing guessed, but the months and direction of the lot before", () => {
    let h = withLotAdded(fresh());
    expect(h.draft.lots[0]).toMatchObject({ key: "new-1", id: null, material: "", contaminationClass: "", quantity: "", from: "", to: "" });
    h = withLotChanged(h, "new-1", "direction", "demand");
    h = withLotChanged(h, "new-1", "from", "2027-03");
    h = withLotChanged(h, "new-1", "to", "2027-06");
    h = withLotAdded(h);
    expect(h.draft.lots[1]).toMatchObject({ key: "new-2", direction: "demand", from: "2027-03", to: "2027-06", material: "" });
  });

  it("duplicate a lot right below it as a new lot", () => {
    const stored = historyOf(draftFromProject(project({ lots: [lot({ id: "L1", material: "clay_silt" }), lot({ id: "L2" })] })));
    const h = withLotDuplicated(stored, "L1");
    expect(keys(h)).toEqual(["L1", "new-1", "L2"]);
    expect(h.draft.lots[1]).toMatchObject({ id: null, version: null, material: "clay_silt" });
    expect(h.draft.nextKey).toBe(2);
  });

  it("remove a lot, and ignore a key that is not there", () => {
    const h = withLotAdded(withLotAdded(fresh()));
    expect(keys(withLotRemoved(h, "new-1"))).toEqual(["new-2"]);
    expect(withLotRemoved(h, "nope")).toBe(h);
    expect(withLotDuplicated(h, "nope")).toBe(h);
    expect(withLotChanged(h, "nope", "quantity", "1")).toBe(h);
  });

  it("ask again for the large-lot confirmation when the amount changes", () => {
    let h = withLotAdded(fresh());
    h = withLotChanged(h, "new-1", "confirmLarge", true);
    expect(h.draft.lots[0]!.confirmLarge).toBe(true);
    h = withLotChanged(h, "new-1", "quantity", "20000000");
    expect(h.draft.lots[0]!.confirmLarge).toBe(false);
  });
});

describe("undo", () => {
  it("reverts the last change, step by step, back to the start", () => {
    const start = fresh();
    const added = withLotAdded(start);
    const removed = withLotRemoved(added, "new-1");
    expect(canUndo(start)).toBe(false);
    expect(undo(removed).draft).toBe(added.draft);
    expect(undo(undo(removed)).draft).toBe(start.draft);
    expect(canUndo(undo(undo(removed)))).toBe(false);
    expect(undo(start)).toBe(start);
  });

  it("counts typing on in one field as one change, a new field as another", () => {
    let h = withProjectField(fresh(), "name", "A");
    h = withProjectField(h, "name", "As");
    h = withProjectField(h, "name", "Asker");
    h = withProjectField(h, "contact", "Kari");
    expect(h.past).toHaveLength(2);
    expect(undo(h).draft.name).toBe("Asker");
    expect(undo(undo(h)).draft.name).toBe("");
  });

  it("keeps a typed quantity as one step, and a choice as its own", () => {
    let h = withLotAdded(fresh());
    h = withLotChanged(h, "new-1", "quantity", "1");
    h = withLotChanged(h, "new-1", "quantity", "15");
    h = withLotChanged(h, "new-1", "unit", "m3_loose");
    h = withLotChanged(h, "new-1", "unit", "m3_in_place");
    expect(undo(h).draft.lots[0]).toMatchObject({ unit: "m3_loose", quantity: "15" });
    expect(undo(undo(undo(h))).draft.lots[0]!.quantity).toBe("");
  });

  it("does not record a change that changes nothing", () => {
    const start = fresh();
    expect(withProjectField(start, "name", "")).toBe(start);
    const added = withLotAdded(start);
    expect(withLotChanged(added, "new-1", "direction", "surplus")).toBe(added);
  });

  it(`keeps at most ${undoLimit} steps`, () => {
    let h = fresh();
    for (let i = 0; i < undoLimit + 20; i += 1) h = withLotAdded(h);
    expect(h.past).toHaveLength(undoLimit);
  });
});

describe("location", () => {
  it("takes a point picked on the map in the form's CRS, as its own undo step", () => {
    let h = withLocation(fresh(), { kind: "point", crs: "EPSG:4326", x: "1", y: "2" }, "location:x");
    h = withPickedLocation(h, [10.43, 59.83]);
    expect(h.draft.location).toEqual({ kind: "point", crs: "EPSG:4326", x: "10.430000", y: "59.830000" });
    expect(undo(h).draft.location).toMatchObject({ x: "1", y: "2" });
  });
});

describe("isDirty", () => {
  it("is false for an untouched form and after undoing every change", () => {
    const base = project({ lots: [lot()] });
    const h = historyOf(draftFromProject(base));
    expect(isDirty(h.draft, base)).toBe(false);
    const changed = withLotChanged(h, "L1", "quantity", "5");
    expect(isDirty(changed.draft, base)).toBe(true);
    expect(isDirty(undo(changed).draft, base)).toBe(false);
    expect(isDirty(fresh().draft, null)).toBe(false);
    expect(isDirty(withProjectField(fresh(), "name", "x").draft, null)).toBe(true);
  });
});
