/**
 * The project form's unsaved draft and its pure transitions. Inputs keep what the user typed as
 * text (a half-typed "1 2" must survive a re-render); the request bodies are built from it only
 * on save (`draft-body.ts`). Every transition goes through `withEdit`, which keeps the history
 * for Undo: consecutive edits of the same field count as one change, as in a text editor.
 */
import type { Material, QuantityUnit } from "../../../core/domain/materials";
import { type projectStatuses, type Lot, type Project } from "../../../core/domain/records";
import type { AreaGeometry, LonLat } from "../../../core/geo/geometry";
import type { SpecialFlag } from "../../../core/special-masses/flags";
import type { LotPermit } from "../../../core/special-masses/permits";
import { coordinateTexts, type FormCrs } from "./coordinates";

export type ProjectStatus = (typeof projectStatuses)[number];

/** Where the project is: typed coordinates in a CRS, or an area drawn elsewhere (kept as is). */
export type LocationDraft = { kind: "point"; crs: FormCrs; x: string; y: string } | { kind: "area"; geometry: AreaGeometry };

export interface LotDraft {
  /** Stable key of the row in the form ("L12" for a stored lot's id, "new-3" for a new one). */
  key: string;
  /** The stored lot's id and version, null for a lot not yet saved. */
  id: string | null;
  version: number | null;
  direction: "surplus" | "demand";
  /** "" until chosen: material and class are never guessed for the user. */
  material: Material | "";
  contaminationClass: string;
  quantity: string;
  unit: QuantityUnit;
  from: string;
  to: string;
  /** Optional monthly shares as typed, e.g. "1 2 1"; "" = spread evenly. */
  profile: string;
  hazardous: boolean;
  /** Special masses (DESIGN §8): a surplus lot's own flags, or the ones a demand lot takes (acceptsFlags). */
  flags: SpecialFlag[];
  /** The permit or tiltaksplan of a surplus lot: "" = none recorded. */
  permitKind: "" | LotPermit["kind"];
  permitReference: string;
  /** Last valid day, YYYY-MM-DD, or "" for no end. */
  permitValidTo: string;
  notes: string;
  /** The user confirmed a quantity above the large-lot limit is not a typo. */
  confirmLarge: boolean;
}

export interface ProjectDraft {
  /** The stored project's id and version, null while creating. */
  id: string | null;
  version: number | null;
  name: string;
  status: ProjectStatus;
  location: LocationDraft;
  contact: string;
  notes: string;
  members: string[];
  lots: LotDraft[];
  /** Counter for the keys of new lots, so keys stay unique and the transitions stay pure. */
  nextKey: number;
}

export type ProjectField = "name" | "status" | "contact" | "notes";
export type LotField = Exclude<keyof LotDraft, "key" | "id" | "version">;

/** The draft with its undo history. */
export interface DraftHistory {
  draft: ProjectDraft;
  /** Earlier drafts, most recent last. */
  past: ProjectDraft[];
  /** What the last change was, so typing on in the same field does not add an undo step per key. */
  lastChange: string | null;
}

/** How many steps Undo keeps. */
export const undoLimit = 100;

export function emptyLocation(crs: FormCrs = "EPSG:25832"): LocationDraft {
  return { kind: "point", crs, x: "", y: "" };
}

export function emptyDraft(crs: FormCrs = "EPSG:25832"): ProjectDraft {
  return {
    id: null,
    version: null,
    name: "",
    status: "planned",
    location: emptyLocation(crs),
    contact: "",
    notes: "",
    members: [],
    lots: [],
    nextKey: 1,
  };
}

export function lotDraftFromLot(lot: Lot): LotDraft {
  return {
    key: lot.id,
    id: lot.id,
    version: lot.version,
    direction: lot.direction,
    material: lot.material,
    contaminationClass: String(lot.contaminationClass),
    quantity: String(lot.quantity.value),
    unit: lot.quantity.unit,
    from: lot.window.from,
    to: lot.window.to,
    profile: lot.monthlyProfile ? lot.monthlyProfile.join(" ") : "",
    hazardous: lot.hazardous,
    flags: [...((lot.direction === "demand" ? lot.acceptsFlags : lot.flags) ?? [])],
    permitKind: lot.permit?.kind ?? "",
    permitReference: lot.permit?.reference ?? "",
    permitValidTo: lot.permit?.validTo ?? "",
    notes: lot.notes,
    // A stored lot above the limit was confirmed when it was saved.
    confirmLarge: true,
  };
}

/** A stored point shown in `crs`. */
export function pointDraft(crs: FormCrs, lonLat: LonLat): LocationDraft {
  return { kind: "point", crs, ...coordinateTexts(crs, lonLat) };
}

export function draftFromProject(project: Project, crs: FormCrs = "EPSG:25832"): ProjectDraft {
  return {
    id: project.id,
    version: project.version,
    name: project.name,
    status: project.status,
    location: project.location.type === "Point" ? pointDraft(crs, project.location.coordinates) : { kind: "area", geometry: project.location },
    contact: project.contact,
    notes: project.notes,
    members: [...project.members],
    lots: project.lots.filter((lot) => lot.deletedAt === null).map(lotDraftFromLot),
    nextKey: 1,
  };
}

export function historyOf(draft: ProjectDraft): DraftHistory {
  return { draft, past: [], lastChange: null };
}

/**
 * The history after one change. `change` names it: a change with the same name as the one before
 * replaces that step instead of adding one (typing "1500" is one step, not four). A change that
 * leaves the draft as it was adds nothing.
 */
export function withEdit(history: DraftHistory, next: ProjectDraft, change: string | null = null): DraftHistory {
  if (next === history.draft) return history;
  const coalesce = change !== null && change === history.lastChange && history.past.length > 0;
  const past = coalesce ? history.past : [...history.past, history.draft].slice(-undoLimit);
  return { draft: next, past, lastChange: change };
}

export function canUndo(history: DraftHistory): boolean {
  return history.past.length > 0;
}

/** Back to the draft before the last change. */
export function undo(history: DraftHistory): DraftHistory {
  const previous = history.past.at(-1);
  if (!previous) return history;
  return { draft: previous, past: history.past.slice(0, -1), lastChange: null };
}

export function withProjectField(history: DraftHistory, field: ProjectField, value: string): DraftHistory {
  const draft = history.draft;
  if (draft[field] === value) return history;
  return withEdit(history, { ...draft, [field]: value }, `project:${field}`);
}

export function withMembers(history: DraftHistory, members: readonly string[]): DraftHistory {
  return withEdit(history, { ...history.draft, members: [...members] }, null);
}

/**
 * The location after an edit. Typing in one coordinate input coalesces like any field; a
 * location picked on the map or a one-click fix is a step of its own.
 */
export function withLocation(history: DraftHistory, location: LocationDraft, change: string | null = null): DraftHistory {
  return withEdit(history, { ...history.draft, location }, change);
}

/** A picked WGS84 point, shown in the CRS the form is in (an area becomes a point). */
export function withPickedLocation(history: DraftHistory, lonLat: LonLat): DraftHistory {
  const crs = history.draft.location.kind === "point" ? history.draft.location.crs : "EPSG:25832";
  return withLocation(history, pointDraft(crs, lonLat));
}

/** A new lot: the months and direction of the last lot (most lots of a project share them), nothing guessed. */
export function newLot(draft: ProjectDraft): LotDraft {
  const last = draft.lots.at(-1);
  return {
    key: `new-${draft.nextKey}`,
    id: null,
    version: null,
    direction: last?.direction ?? "surplus",
    material: "",
    contaminationClass: "",
    quantity: "",
    unit: "tonnes",
    from: last?.from ?? "",
    to: last?.to ?? "",
    profile: "",
    hazardous: false,
    flags: [],
    permitKind: "",
    permitReference: "",
    permitValidTo: "",
    notes: "",
    confirmLarge: false,
  };
}

export function withLotAdded(history: DraftHistory): DraftHistory {
  const draft = history.draft;
  return withEdit(history, { ...draft, lots: [...draft.lots, newLot(draft)], nextKey: draft.nextKey + 1 });
}

/** A copy of a lot right below it, as a new lot (a second class of the same masses, say). */
export function withLotDuplicated(history: DraftHistory, key: string): DraftHistory {
  const draft = history.draft;
  const index = draft.lots.findIndex((lot) => lot.key === key);
  const original = draft.lots[index];
  if (!original) return history;
  const copy: LotDraft = { ...original, key: `new-${draft.nextKey}`, id: null, version: null };
  const lots = [...draft.lots.slice(0, index + 1), copy, ...draft.lots.slice(index + 1)];
  return withEdit(history, { ...draft, lots, nextKey: draft.nextKey + 1 });
}

export function withLotRemoved(history: DraftHistory, key: string): DraftHistory {
  const draft = history.draft;
  if (!draft.lots.some((lot) => lot.key === key)) return history;
  return withEdit(history, { ...draft, lots: draft.lots.filter((lot) => lot.key !== key) });
}

export function withLotChanged<F extends LotField>(history: DraftHistory, key: string, field: F, value: LotDraft[F]): DraftHistory {
  const draft = history.draft;
  const lot = draft.lots.find((l) => l.key === key);
  if (!lot || lot[field] === value) return history;
  const changed: LotDraft = { ...lot, [field]: value };
  // A changed amount must be confirmed again if it is still above the large-lot limit.
  if (field === "quantity" || field === "unit" || field === "material") changed.confirmLarge = false;
  // Text inputs coalesce; a choice (select, checkbox, month) is a step of its own.
  const typed: readonly LotField[] = ["quantity", "notes", "profile"];
  return withEdit(
    history,
    { ...draft, lots: draft.lots.map((l) => (l.key === key ? changed : l)) },
    typed.includes(field) ? `lot:${key}:${field}` : null,
  );
}

/** Whether the draft differs from what it was opened on (the stored project, or an empty form). */
export function isDirty(draft: ProjectDraft, base: Project | null): boolean {
  const crs = draft.location.kind === "point" ? draft.location.crs : "EPSG:25832";
  const reference = base ? draftFromProject(base, crs) : emptyDraft(crs);
  const comparable = (d: ProjectDraft) => ({
    ...d,
    nextKey: 0,
    lots: d.lots.map(({ confirmLarge: _confirmLarge, ...lot }) => lot),
  });
  return JSON.stringify(comparable(draft)) !== JSON.stringify(comparable(reference));
}
