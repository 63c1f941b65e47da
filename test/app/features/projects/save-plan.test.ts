import { describe, expect, it } from "vitest";
import type { Project } from "../../../../src/core/domain/records";
import {
  draftFromProject,
  emptyDraft,
  historyOf,
  undo,
  withLotAdded,
  withLotChanged,
  withLotRemoved,
  withProjectField,
  type ProjectDraft,
} from "../../../../src/app/features/projects/draft";
import { validateDraft } from "../../../../src/app/features/projects/draft-body";
import {
  afterLotDeleted,
  afterLotSaved,
  afterProjectSaved,
  planSave,
  rebaseDraft,
  sameLocation,
  type EditSession,
} from "../../../../src/app/features/projects/save-plan";
import { lot, project } from "../../../support/record-fixtures";

const stored = (overrides: Partial<Project> = {}): Project =>
  project({
    id: "P1",
    version: 3,
    owner: "engineer",
    location: { type: "Point", coordinates: [10.434, 59.833] },
    lots: [
      lot({ id: "L1", version: 1, quantity: { value: 1000, unit: "tonnes" } }),
      lot({ id: "L2", version: 5, direction: "demand", material: "gravel_sand", quantity: { value: 300, unit: "tonnes" } }),
    ],
    ...overrides,
  });

const plan = (draft: ProjectDraft, base: Project | null) => planSave(draft, base, validateDraft(draft));
const kinds = (steps: ReturnType<typeof planSave>) => steps.map((s) => s.kind);

const filledLot = (draft: ProjectDraft, key: string): ProjectDraft => {
  let h = historyOf(draft);
  h = withLotChanged(h, key, "material", "rock");
  h = withLotChanged(h, key, "contaminationClass", "1");
  h = withLotChanged(h, key, "quantity", "500");
  h = withLotChanged(h, key, "from", "2027-01");
  h = withLotChanged(h, key, "to", "2027-02");
  return h.draft;
};

describe("planSave", () => {
  it("sends nothing when nothing changed — not even the location, rounded through the text inputs", () => {
    const base = stored();
    expect(sameLocation(draftFromProject(base).location, base.location)).toBe(true);
    expect(plan(draftFromProject(base), base)).toEqual([]);
  });

  it("creates a new project, then each of its lots", () => {
    let h = historyOf({ ...emptyDraft(), name: "Ny", location: { kind: "point", crs: "EPSG:25832", x: "580167", y: "6633344" } });
    h = withLotAdded(withLotAdded(h));
    const draft = filledLot(filledLot(h.draft, "new-1"), "new-2");
    const steps = plan(draft, null);
    expect(kinds(steps)).toEqual(["createProject", "createLot", "createLot"]);
    expect(steps[1]).toMatchObject({ key: "new-1", body: { material: "rock", quantity: { value: 500, unit: "tonnes" } } });
  });

  it("updates the project only when a field of it changed, and only the lots that changed", () => {
    const base = stored();
    let h = historyOf(draftFromProject(base));
    h = withLotChanged(h, "L2", "quantity", "450");
    expect(plan(h.draft, base)).toEqual([
      { kind: "updateLot", key: "L2", id: "L2", body: expect.objectContaining({ version: 5, quantity: { value: 450, unit: "tonnes" } }) },
    ]);
    h = withProjectField(h, "name", "Nytt navn");
    const steps = plan(h.draft, base);
    expect(kinds(steps)).toEqual(["updateProject", "updateLot"]);
    // The untouched location goes back exactly as stored.
    expect(steps[0]).toMatchObject({ id: "P1", body: { version: 3, name: "Nytt navn", location: base.location } });
  });

  it("deletes the lots removed from the draft, and creates duplicates as new lots", () => {
    const base = stored();
    let h = historyOf(draftFromProject(base));
    h = withLotRemoved(h, "L1");
    h = withLotAdded(h);
    const steps = plan(filledLot(h.draft, "new-1"), base);
    expect(steps).toEqual([
      { kind: "createLot", key: "new-1", body: expect.not.objectContaining({ version: expect.anything() }) },
      { kind: "deleteLot", id: "L1" },
    ]);
  });
});

describe("following the server's answers", () => {
  it("records a created project's id and version in the draft and every earlier draft", () => {
    let h = historyOf({ ...emptyDraft(), name: "Ny" });
    h = withLotAdded(h);
    const session: EditSession = { base: null, history: h };
    const created = project({ id: "P9", version: 1, lots: [] });
    const after = afterProjectSaved(session, created);
    expect(after.base?.id).toBe("P9");
    expect(after.history.draft).toMatchObject({ id: "P9", version: 1 });
    expect(after.history.past.every((d) => d.id === "P9")).toBe(true);
  });

  it("gives a saved lot its id, so Undo never brings it back as a second new lot", () => {
    const h = withLotChanged(withLotAdded(historyOf(draftFromProject(stored()))), "new-1", "quantity", "7");
    const session: EditSession = { base: stored(), history: h };
    const saved = lot({ id: "L3", version: 1, projectId: "P1" });
    const after = afterLotSaved(session, "new-1", saved);
    expect(after.base!.lots.map((l) => l.id)).toEqual(["L1", "L2", "L3"]);
    expect(after.history.draft.lots.find((l) => l.key === "new-1")).toMatchObject({ id: "L3", version: 1 });
    expect(undo(after.history).draft.lots.find((l) => l.key === "new-1")).toMatchObject({ id: "L3" });
    const updated = afterLotSaved(after, "L2", lot({ ...stored().lots[1]!, version: 6 }));
    expect(updated.base!.lots.find((l) => l.id === "L2")!.version).toBe(6);
    expect(updated.history.draft.lots.find((l) => l.key === "L2")!.version).toBe(6);
  });

  it("forgets a deleted lot; an earlier draft that still had it would create it anew", () => {
    const removed = withLotRemoved(historyOf(draftFromProject(stored())), "L1");
    const after = afterLotDeleted({ base: stored(), history: removed }, "L1");
    expect(after.base!.lots.map((l) => l.id)).toEqual(["L2"]);
    expect(undo(after.history).draft.lots.find((l) => l.key === "L1")).toMatchObject({ id: null, version: null });
  });
});

describe("rebaseDraft (after a version conflict)", () => {
  const oldBase = stored();
  const current = stored({
    version: 4,
    status: "in_progress",
    notes: "Byggestart flyttet",
    updatedBy: "planner",
    lots: [
      lot({ id: "L1", version: 2, quantity: { value: 1100, unit: "tonnes" } }),
      lot({ id: "L2", version: 6, direction: "demand", material: "gravel_sand", quantity: { value: 300, unit: "tonnes" }, notes: "theirs" }),
      lot({ id: "L4", version: 1, material: "moraine" }),
    ],
  });

  it("keeps every field the user changed and takes the rest from the current version", () => {
    let h = historyOf(draftFromProject(oldBase));
    h = withProjectField(h, "contact", "Kari, 900 00 000");
    h = withLotChanged(h, "L2", "quantity", "450");
    const rebased = rebaseDraft(h.draft, oldBase, current);
    expect(rebased).toMatchObject({ version: 4, status: "in_progress", notes: "Byggestart flyttet", contact: "Kari, 900 00 000" });
    // L1 untouched by the user: theirs. L2 changed by the user: the user's values, their version.
    expect(rebased.lots.find((l) => l.id === "L1")).toMatchObject({ quantity: "1100", version: 2 });
    expect(rebased.lots.find((l) => l.id === "L2")).toMatchObject({ quantity: "450", version: 6, notes: "" });
    // A lot they added appears.
    expect(rebased.lots.map((l) => l.id)).toEqual(["L1", "L2", "L4"]);
    // Saving now sends only what the user changed, at the current versions.
    const steps = planSave(rebased, current, validateDraft(rebased));
    expect(steps).toEqual([
      expect.objectContaining({ kind: "updateProject", body: expect.objectContaining({ version: 4, contact: "Kari, 900 00 000", status: "in_progress" }) }),
      expect.objectContaining({ kind: "updateLot", id: "L2", body: expect.objectContaining({ version: 6 }) }),
    ]);
  });

  it("keeps a lot the user deleted deleted, and a lot they deleted but the user edited, as new", () => {
    let h = historyOf(draftFromProject(oldBase));
    h = withLotRemoved(h, "L1");
    h = withLotChanged(h, "L2", "quantity", "999");
    const theyDeletedL2 = { ...current, lots: current.lots.filter((l) => l.id !== "L2") };
    const rebased = rebaseDraft(h.draft, oldBase, theyDeletedL2);
    expect(rebased.lots.map((l) => [l.key, l.id])).toEqual([
      ["L2", null],
      ["L4", "L4"],
    ]);
    expect(rebased.lots[0]!.quantity).toBe("999");
  });

  it("keeps the user's new lots and location", () => {
    let h = historyOf(draftFromProject(oldBase));
    h = withLotAdded(h);
    const moved: ProjectDraft = { ...h.draft, location: { kind: "point", crs: "EPSG:25832", x: "581000", y: "6634000" } };
    const rebased = rebaseDraft(moved, oldBase, current);
    expect(rebased.location).toEqual(moved.location);
    expect(rebased.lots.some((l) => l.key === "new-1" && l.id === null)).toBe(true);
  });
});
