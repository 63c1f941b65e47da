/**
 * The project form's side effects: saving (the project, then each changed lot, with progress),
 * reloading after a version conflict, deleting. The decisions are pure functions elsewhere
 * (`validateDraft`, `planSave`, `rebaseDraft` …); this file runs them against the API.
 */
import type { Lot, Project } from "../../../core/domain/records";
import { bboxOf } from "../../../core/geo/geometry";
import {
  createLot,
  createProject,
  deleteLot,
  deleteProject,
  fetchProject,
  updateLot,
  updateProject,
  type ApiFailure,
  type ApiResult,
} from "../../api/client";
import { failureMessage, type Message } from "../../api/failure-message";
import type { OpenEditor } from "../../state/editor-slice";
import { materialTable } from "../../state/registry-slice";
import { useAppStore } from "../../state/store";
import { draftFromProject, historyOf, type ProjectDraft } from "./draft";
import { firstErrorPath, lotPrefix, validateDraft } from "./draft-body";
import { fieldErrorsOfServer } from "../../i18n/field-errors";
import { mayEditMembers } from "./permissions";
import { reloadProjects, sessionEnded } from "./project-actions";
import { afterLotDeleted, afterLotSaved, afterProjectSaved, planSave, rebaseDraft, type SaveStep } from "./save-plan";

const me = () => {
  const session = useAppStore.getState().session;
  return session.status === "signedIn" ? session.user : null;
};

/** Closes the form (the caller has asked about unsaved changes). */
export function closeEditor(): void {
  useAppStore.getState().setEditor({ open: false });
}

function editor(): OpenEditor | null {
  const state = useAppStore.getState().editor;
  return state.open ? state : null;
}

async function runStep(step: SaveStep, draft: ProjectDraft): Promise<ApiResult<Project | Lot | void>> {
  switch (step.kind) {
    case "createProject":
      return createProject(step.body);
    case "updateProject":
      return updateProject(step.id, step.body);
    case "createLot":
      return createLot(draft.id!, step.body);
    case "updateLot":
      return updateLot(step.id, step.body);
    case "deleteLot":
      return deleteLot(step.id);
  }
}

function applyStep(current: OpenEditor, step: SaveStep, value: Project | Lot | void): OpenEditor {
  switch (step.kind) {
    case "createProject":
    case "updateProject":
      return { ...current, ...afterProjectSaved(current, value as Project) };
    case "createLot":
    case "updateLot":
      return { ...current, ...afterLotSaved(current, step.key, value as Lot) };
    case "deleteLot":
      return { ...current, ...afterLotDeleted(current, step.id) };
  }
}

/** What a failed step means for the form: a conflict, errors beside fields, or a message. */
function failedStep(current: OpenEditor, step: SaveStep, failure: ApiFailure): OpenEditor {
  const isLot = step.kind === "createLot" || step.kind === "updateLot" || step.kind === "deleteLot";
  if (failure.status === 409 && failure.current && typeof failure.current === "object") {
    return {
      ...current,
      conflict: { entity: isLot ? "lot" : "project", current: failure.current as Project | Lot },
      save: { status: "failed", message: { key: "form.conflict" } },
    };
  }
  if (failure.status === 400 && failure.fields.length > 0) {
    const prefix = step.kind === "createLot" || step.kind === "updateLot" ? lotPrefix(step.key) : "";
    return { ...current, serverErrors: fieldErrorsOfServer(failure.fields, prefix), save: { status: "failed", message: { key: "form.serverRejected" } } };
  }
  if (failure.status === 403) return { ...current, save: { status: "failed", message: { key: "form.forbidden" } } };
  if (failure.status === 404) return { ...current, save: { status: "failed", message: { key: "form.gone" } } };
  return { ...current, save: { status: "failed", message: failureMessage(failure) } };
}

/**
 * Saves the open form: validates it, then sends the project and each changed lot in turn,
 * showing progress. Stops at the first failure with everything typed kept; what was saved by
 * then is recorded, so Save can simply be pressed again. Answers the path of the first field
 * with an error (to move focus there), if any.
 */
export async function saveEditor(): Promise<string | undefined> {
  const start = editor();
  if (!start || start.save.status === "saving") return undefined;
  const store = useAppStore.getState();
  const validated = validateDraft(start.history.draft, {
    table: materialTable(store.registry.materials),
    includeMembers: mayEditMembers(me(), start.base),
  });
  const errorCount = Object.keys(validated.errors).length;
  if (errorCount > 0) {
    store.updateEditor((e) => ({ ...e, showErrors: true, save: { status: "failed", message: { key: "form.fixErrors", params: { count: errorCount } } } }));
    return firstErrorPath(start.history.draft, validated.errors);
  }
  const steps = planSave(start.history.draft, start.base, validated);
  if (steps.length === 0) {
    store.updateEditor((e) => ({ ...e, showErrors: true, save: { status: "saved", changes: 0 } }));
    return undefined;
  }
  store.updateEditor((e) => ({ ...e, showErrors: true, conflict: null, serverErrors: {}, save: { status: "saving", done: 0, total: steps.length }, rebased: false }));

  for (const [index, step] of steps.entries()) {
    const current = editor();
    if (!current) return undefined;
    const result = await runStep(step, current.history.draft);
    if (!result.ok) {
      if (sessionEnded(result.failure)) return undefined;
      useAppStore.getState().updateEditor((e) => failedStep(e, step, result.failure));
      // Whatever was saved before the failure should show on the map too.
      if (index > 0 || step.kind !== "createProject") void reloadProjects();
      const after = editor();
      return after && Object.keys(after.serverErrors).length > 0 ? Object.keys(after.serverErrors)[0] : undefined;
    }
    useAppStore.getState().updateEditor((e) => ({ ...applyStep(e, step, result.value), save: { status: "saving", done: index + 1, total: steps.length } }));
  }

  const saved = editor();
  const projectId = saved?.history.draft.id;
  if (!saved || !projectId) return undefined;
  const fresh = await fetchProject(projectId);
  const crs = saved.history.draft.location.kind === "point" ? saved.history.draft.location.crs : undefined;
  useAppStore.getState().updateEditor((e) => {
    const base = fresh.ok ? fresh.value : e.base;
    const history = base ? historyOf(draftFromProject(base, crs)) : e.history;
    return { ...e, base, history, showErrors: false, serverErrors: {}, conflict: null, save: { status: "saved", changes: steps.length } };
  });
  useAppStore.getState().select({ kind: "project", id: projectId });
  // A new project: show where it landed.
  const savedProject = fresh.ok ? fresh.value : saved.base;
  if (steps[0]?.kind === "createProject" && savedProject) useAppStore.getState().focusMap(bboxOf(savedProject.location));
  await reloadProjects();
  return undefined;
}

/**
 * After a conflict: fetches the project as it is now and lays the user's changes on top of it
 * (`rebaseDraft`), so nothing typed is lost and the next Save goes through.
 */
export async function reloadAfterConflict(): Promise<void> {
  const current = editor();
  if (!current?.base) return;
  const result = await fetchProject(current.base.id);
  if (!result.ok) {
    if (sessionEnded(result.failure)) return;
    useAppStore.getState().updateEditor((e) => ({ ...e, save: { status: "failed", message: failureMessage(result.failure) } }));
    return;
  }
  useAppStore.getState().updateEditor((e) => {
    if (!e.base) return e;
    const rebased = rebaseDraft(e.history.draft, e.base, result.value);
    return { ...e, base: result.value, history: historyOf(rebased), conflict: null, serverErrors: {}, save: { status: "idle" }, rebased: true };
  });
}

/** Deletes the project in the form (soft). Answers a message when it failed. */
export async function deleteEditedProject(): Promise<Message | null> {
  const current = editor();
  const id = current?.history.draft.id;
  if (!current || !id) return null;
  const result = await deleteProject(id);
  if (!result.ok) {
    if (sessionEnded(result.failure)) return null;
    return result.failure.status === 403 ? { key: "form.forbidden" } : failureMessage(result.failure);
  }
  const store = useAppStore.getState();
  store.setEditor({ open: false });
  store.select(null);
  await reloadProjects();
  return null;
}
