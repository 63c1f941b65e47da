import type { StateCreator } from "zustand";
import type { Lot, Project } from "../../core/domain/records";
import type { Message } from "../api/failure-message";
import type { DraftHistory } from "../features/projects/draft";
import type { FieldErrors } from "../i18n/field-errors";
import type { EditSession } from "../features/projects/save-plan";
import type { AppState } from "./store";

/** How the last Save went, shown under the form's buttons. */
export type SaveStatus =
  | { status: "idle" }
  | { status: "saving"; done: number; total: number }
  | { status: "saved"; changes: number }
  | { status: "failed"; message: Message };

/** Someone else saved the record first: who, when, and the record as it is now. */
export interface Conflict {
  entity: "project" | "lot";
  current: Project | Lot;
}

/** The project form. The draft and everything about saving it; the form itself is a view of this. */
export interface OpenEditor extends EditSession {
  open: true;
  /** Show the draft's own validation errors (from the first Save on, so a fresh form is not all red). */
  showErrors: boolean;
  /** Errors the server answered, by field path; cleared by the next edit. */
  serverErrors: FieldErrors;
  save: SaveStatus;
  conflict: Conflict | null;
  /** Waiting for a click on the map to place the project. */
  picking: boolean;
  /** The draft was laid over a newer version after a conflict: say so until the next save. */
  rebased: boolean;
}

export type EditorState = { open: false } | OpenEditor;

export const closedEditor: EditorState = { open: false };

/** A fresh editor over `history`, editing `base` (null: a new project). */
export function openEditor(base: Project | null, history: DraftHistory): OpenEditor {
  return { open: true, base, history, showErrors: false, serverErrors: {}, save: { status: "idle" }, conflict: null, picking: false, rebased: false };
}

/** The editor after a draft transition: server errors and a finished save's message no longer apply. */
export function withDraft(editor: OpenEditor, history: DraftHistory): OpenEditor {
  if (history === editor.history) return editor;
  const save = editor.save.status === "saving" ? editor.save : { status: "idle" as const };
  return { ...editor, history, serverErrors: {}, save };
}

export interface EditorSlice {
  editor: EditorState;
  setEditor: (editor: EditorState) => void;
  /** Applies a pure draft transition (`withLotAdded`, `undo` …) to the open editor. */
  editDraft: (transition: (history: DraftHistory) => DraftHistory) => void;
  /** Changes the open editor (no-op when closed). */
  updateEditor: (change: (editor: OpenEditor) => OpenEditor) => void;
}

export const createEditorSlice: StateCreator<AppState, [], [], EditorSlice> = (set) => ({
  editor: closedEditor,
  setEditor: (editor) => set({ editor }),
  editDraft: (transition) =>
    set((s) => (s.editor.open ? { editor: withDraft(s.editor, transition(s.editor.history)) } : {})),
  updateEditor: (change) => set((s) => (s.editor.open ? { editor: change(s.editor) } : {})),
});
