/**
 * What "Save" sends, and how the editor follows the server's answers — pure. A save is a list
 * of steps (the project, then each lot that changed); each answer patches the base record and
 * the draft (ids and versions), so a save that stops half-way can simply be run again.
 * A version conflict is resolved by `rebaseDraft`: the current record with the user's own
 * changes on top, so nothing typed is lost.
 */
import type { LotUpdate, ProjectCreate, ProjectUpdate } from "../../../core/domain/registry-api";
import type { Lot, LotInput, Project } from "../../../core/domain/records";
import { coordinateTexts } from "./coordinates";
import { draftFromProject, lotDraftFromLot, type DraftHistory, type LocationDraft, type LotDraft, type ProjectDraft } from "./draft";
import type { LotBody, ValidatedDraft } from "./draft-body";

export type SaveStep =
  | { kind: "createProject"; body: ProjectCreate }
  | { kind: "updateProject"; id: string; body: ProjectUpdate }
  /** The project id is known only once the project exists: the runner takes it from the draft. */
  | { kind: "createLot"; key: string; body: LotBody }
  | { kind: "updateLot"; key: string; id: string; body: LotUpdate }
  | { kind: "deleteLot"; id: string };

/** Whether the typed location is still the stored one (compared as the form shows it, so rounding is no change). */
export function sameLocation(location: LocationDraft, stored: Project["location"]): boolean {
  if (location.kind === "area") return JSON.stringify(location.geometry) === JSON.stringify(stored);
  if (stored.type !== "Point") return false;
  const texts = coordinateTexts(location.crs, stored.coordinates);
  return texts.x === location.x.trim() && texts.y === location.y.trim();
}

const sorted = (list: readonly string[]) => [...list].sort();

function projectChanged(body: ProjectCreate | ProjectUpdate, base: Project): boolean {
  return (
    body.name !== base.name ||
    body.status !== base.status ||
    body.contact !== base.contact ||
    body.notes !== base.notes ||
    JSON.stringify(body.location) !== JSON.stringify(base.location) ||
    (body.members !== undefined && JSON.stringify(sorted(body.members)) !== JSON.stringify(sorted(base.members)))
  );
}

/** The stored fields of a lot that a user edits, for comparing. */
function lotFields(lot: LotInput): unknown {
  return [
    lot.direction,
    lot.material,
    lot.contaminationClass,
    lot.quantity.value,
    lot.quantity.unit,
    lot.window.from,
    lot.window.to,
    lot.monthlyProfile && lot.monthlyProfile.length > 0 ? lot.monthlyProfile : null,
    lot.hazardous,
    lot.flags ?? [],
    lot.acceptsFlags ?? [],
    lot.permit ?? null,
    lot.notes,
  ];
}

export function lotChanged(body: LotInput, base: Lot): boolean {
  return JSON.stringify(lotFields(body)) !== JSON.stringify(lotFields(base));
}

/**
 * The steps that bring the server to the draft: create or update the project (only if it
 * changed), update changed lots, create new ones, delete removed ones. Call with a draft that
 * validated (every body present).
 */
export function planSave(draft: ProjectDraft, base: Project | null, validated: ValidatedDraft): SaveStep[] {
  const steps: SaveStep[] = [];
  const projectBody = validated.project;
  if (!projectBody) return steps;
  if (draft.id === null || !base) {
    steps.push({ kind: "createProject", body: projectBody as ProjectCreate });
  } else {
    // An untouched location is sent exactly as stored, not as it came back from the text inputs.
    const body = { ...(projectBody as ProjectUpdate), ...(sameLocation(draft.location, base.location) ? { location: base.location } : {}) };
    if (projectChanged(body, base)) steps.push({ kind: "updateProject", id: draft.id, body });
  }
  const baseLots = new Map((base?.lots ?? []).filter((lot) => lot.deletedAt === null).map((lot) => [lot.id, lot]));
  for (const lot of draft.lots) {
    const body = validated.lots.get(lot.key);
    if (!body) continue;
    const stored = lot.id === null ? undefined : baseLots.get(lot.id);
    if (lot.id === null || !stored) steps.push({ kind: "createLot", key: lot.key, body: withoutVersion(body) });
    else if (lotChanged(body, stored)) steps.push({ kind: "updateLot", key: lot.key, id: lot.id, body: body as LotUpdate });
  }
  const kept = new Set(draft.lots.map((lot) => lot.id).filter((id): id is string => id !== null));
  for (const id of baseLots.keys()) if (!kept.has(id)) steps.push({ kind: "deleteLot", id });
  return steps;
}

function withoutVersion(body: LotBody | LotUpdate): LotBody {
  if (!("version" in body)) return body;
  const { version: _version, ...rest } = body;
  return rest;
}

/** The editor's record of the server: the base it edits and the draft with its history. */
export interface EditSession {
  base: Project | null;
  history: DraftHistory;
}

/** Applies `patch` to the draft and every earlier draft, so Undo never brings back a stale id or version. */
function patchDrafts(history: DraftHistory, patch: (draft: ProjectDraft) => ProjectDraft): DraftHistory {
  return { ...history, draft: patch(history.draft), past: history.past.map(patch) };
}

/** After the project was created or updated: it is the new base; the drafts carry its id and version. */
export function afterProjectSaved(session: EditSession, project: Project): EditSession {
  const lots = session.base?.lots ?? project.lots;
  return {
    base: { ...project, lots },
    history: patchDrafts(session.history, (draft) => ({ ...draft, id: project.id, version: project.version })),
  };
}

/** After a lot was created or updated: the base holds it; the draft row (by key) carries its id and version. */
export function afterLotSaved(session: EditSession, key: string, lot: Lot): EditSession {
  const base = session.base && {
    ...session.base,
    lots: session.base.lots.some((l) => l.id === lot.id) ? session.base.lots.map((l) => (l.id === lot.id ? lot : l)) : [...session.base.lots, lot],
  };
  return {
    base,
    history: patchDrafts(session.history, (draft) => ({
      ...draft,
      lots: draft.lots.map((l) => (l.key === key ? { ...l, id: lot.id, version: lot.version } : l)),
    })),
  };
}

/** After a lot was deleted: gone from the base (and from any earlier draft that still had it, as a new lot). */
export function afterLotDeleted(session: EditSession, id: string): EditSession {
  const base = session.base && { ...session.base, lots: session.base.lots.filter((lot) => lot.id !== id) };
  return {
    base,
    history: patchDrafts(session.history, (draft) => ({
      ...draft,
      lots: draft.lots.map((l) => (l.id === id ? { ...l, id: null, version: null } : l)),
    })),
  };
}

const projectFields = ["name", "status", "contact", "notes"] as const;

function sameLot(a: LotDraft, b: LotDraft): boolean {
  const strip = ({ key: _k, id: _i, version: _v, confirmLarge: _c, ...rest }: LotDraft) => rest;
  return JSON.stringify(strip(a)) === JSON.stringify(strip(b));
}

/**
 * The draft rebased on the record as it is now, after a version conflict: every field and lot the
 * user changed since `oldBase` keeps the user's value; everything else takes the current value;
 * lots someone else added appear; a lot someone else deleted stays only if the user changed it
 * (then as a new lot, so saving brings it back). Versions become the current ones, so the next
 * save goes through — and overwrites only what the user deliberately changed.
 */
export function rebaseDraft(draft: ProjectDraft, oldBase: Project, current: Project): ProjectDraft {
  const crs = draft.location.kind === "point" ? draft.location.crs : "EPSG:25832";
  const before = draftFromProject(oldBase, crs);
  const now = draftFromProject(current, crs);
  const mine = <K extends keyof ProjectDraft>(key: K) => JSON.stringify(draft[key]) !== JSON.stringify(before[key]);

  const rebased: ProjectDraft = { ...now, id: current.id, version: current.version, lots: [], nextKey: draft.nextKey };
  for (const field of projectFields) if (mine(field)) Object.assign(rebased, { [field]: draft[field] });
  if (!sameLocation(draft.location, oldBase.location)) rebased.location = draft.location;
  if (mine("members")) rebased.members = draft.members;

  const oldLots = new Map(before.lots.map((lot) => [lot.id, lot]));
  const currentLots = new Map(current.lots.filter((lot) => lot.deletedAt === null).map((lot) => [lot.id, lot]));
  const lots: LotDraft[] = [];
  for (const lot of draft.lots) {
    if (lot.id === null) {
      lots.push(lot);
      continue;
    }
    const old = oldLots.get(lot.id);
    const changedByMe = !old || !sameLot(lot, old);
    const now = currentLots.get(lot.id);
    if (!now) {
      if (changedByMe) lots.push({ ...lot, id: null, version: null });
      continue;
    }
    lots.push(changedByMe ? { ...lot, version: now.version } : { ...lotDraftFromLot(now), key: lot.key });
  }
  const inDraftOrDeletedByMe = new Set([...draft.lots.map((l) => l.id), ...oldLots.keys()]);
  for (const lot of currentLots.values()) if (!inDraftOrDeletedByMe.has(lot.id)) lots.push(lotDraftFromLot(lot));
  rebased.lots = lots;
  return rebased;
}
