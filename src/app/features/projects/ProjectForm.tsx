/**
 * The project form (create and edit) on the right of the map: name, status, location, contact,
 * notes, members and the lots table, with Undo, Delete and Save. Every value is React text,
 * never HTML. Errors show beside their fields in the user's language; a conflict shows who
 * changed the record and offers to reload without losing what was typed.
 */
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from "react";
import { projectStatuses } from "../../../core/domain/records";
import type { Message } from "../../api/failure-message";
import { useT, type Translator } from "../../i18n/use-t";
import type { OpenEditor, SaveStatus } from "../../state/editor-slice";
import { materialTable } from "../../state/registry-slice";
import { useAppStore } from "../../state/store";
import { Field, fieldDomId } from "../../ui/Field";
import { ConflictNotice } from "./ConflictNotice";
import { canUndo, isDirty, undo, withLotAdded, withProjectField, type ProjectStatus } from "./draft";
import { locationOf, validateDraft } from "./draft-body";
import type { FieldErrors } from "../../i18n/field-errors";
import { LocationFields } from "./LocationFields";
import { LotFields } from "./LotFields";
import { MembersField } from "./MembersField";
import { mayEditMembers, mayEditProject } from "./permissions";
import { closeEditor, deleteEditedProject, saveEditor } from "./editor-actions";
import { ConfirmBar } from "../../ui/ConfirmBar";

function saveText(save: SaveStatus, rebased: boolean, tr: Translator): string {
  const { t } = tr;
  switch (save.status) {
    case "saving":
      return t("form.saving", { done: save.done, total: save.total });
    case "saved":
      return save.changes === 0 ? t("form.nothingToSave") : t(save.changes === 1 ? "form.saved.one" : "form.saved.other", { changes: save.changes });
    case "failed":
      return t(save.message.key, save.message.params);
    case "idle":
      return rebased ? t("form.rebased") : "";
  }
}

/** Moves focus to the control of a field path (a location-level error goes to the first coordinate). */
function focusField(path: string): boolean {
  const target = path === "location" || path.startsWith("location.coordinates") ? "location.x" : path;
  const element = document.getElementById(fieldDomId(target));
  if (!element) return false;
  element.focus();
  return true;
}

type Confirming = null | "delete" | "discard";

export function ProjectForm({ editor }: { editor: OpenEditor }) {
  const tr = useT();
  const { t } = tr;
  const me = useAppStore((s) => (s.session.status === "signedIn" ? s.session.user : null));
  const rows = useAppStore((s) => s.registry.materials);
  const users = useAppStore((s) => s.registry.users);
  const editDraft = useAppStore((s) => s.editDraft);
  const updateEditor = useAppStore((s) => s.updateEditor);
  const [confirming, setConfirming] = useState<Confirming>(null);
  const [actionError, setActionError] = useState<Message | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);
  const titleId = useId();

  const { base, history, save, conflict, picking } = editor;
  const draft = history.draft;
  const table = useMemo(() => materialTable(rows), [rows]);
  const membersEditable = mayEditMembers(me, base);
  const deletable = base !== null && mayEditProject(me, base);
  const saving = save.status === "saving";

  const validated = useMemo(() => validateDraft(draft, { table, includeMembers: membersEditable }), [draft, table, membersEditable]);
  const location = useMemo(() => locationOf(draft), [draft]);
  // Before the first Save only the location speaks up, and only once both numbers are in: a
  // swapped or UTM-as-degrees pair is worth saying at once; an empty form is not an error.
  const typedBoth = draft.location.kind === "point" && draft.location.x.trim() !== "" && draft.location.y.trim() !== "";
  const errors: FieldErrors = {
    ...(editor.showErrors ? validated.errors : typedBoth ? location.errors : {}),
    ...editor.serverErrors,
  };
  const error = (path: string) => (errors[path] ? t(errors[path].key, errors[path].params) : undefined);

  useEffect(() => {
    headingRef.current?.focus({ preventScroll: true });
  }, []);

  // Escape: stop picking first, then leave a confirmation, then close (asking if there are changes).
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape" || event.defaultPrevented) return;
      if (document.querySelector("[aria-modal='true']")) return;
      event.preventDefault();
      if (picking) updateEditor((e) => ({ ...e, picking: false }));
      else if (confirming) setConfirming(null);
      else if (isDirty(draft, base)) setConfirming("discard");
      else closeEditor();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [picking, confirming, draft, base, updateEditor]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setActionError(null);
    const path = await saveEditor();
    if (path && !focusField(path)) statusRef.current?.focus();
  };

  const requestClose = () => (isDirty(draft, base) ? setConfirming("discard") : closeEditor());
  const status = saveText(save, editor.rebased, tr);
  const failed = save.status === "failed";

  return (
    <section className="editor-panel panel" aria-labelledby={titleId}>
      <div className="details-header">
        <div>
          <p className="details-kicker">{t(base ? "form.editKicker" : "form.newKicker")}</p>
          <h2 id={titleId} className="details-title" ref={headingRef} tabIndex={-1}>
            {draft.name.trim() || t("form.untitled")}
          </h2>
        </div>
        <button type="button" className="button button-close" onClick={requestClose}>
          {t("details.close")}
        </button>
      </div>
      <form className="project-form" onSubmit={onSubmit} noValidate aria-labelledby={titleId}>
        <div className="form-body">
        <fieldset className="form-fields" disabled={saving}>
          {conflict && <ConflictNotice conflict={conflict} base={base} tr={tr} />}
          <Field path="name" label={t("form.name")} error={error("name")}>
            {(control) => (
              <input {...control} autoComplete="off" value={draft.name} onChange={(e) => editDraft((h) => withProjectField(h, "name", e.target.value))} />
            )}
          </Field>
          <Field path="status" label={t("field.status")} error={error("status")}>
            {(control) => (
              <select {...control} value={draft.status} onChange={(e) => editDraft((h) => withProjectField(h, "status", e.target.value as ProjectStatus))}>
                {projectStatuses.map((s) => (
                  <option key={s} value={s}>
                    {t(`projectStatus.${s}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <LocationFields location={draft.location} errors={errors} hint={location.hint} picking={picking} tr={tr} />
          <Field path="contact" label={t("field.contact")} error={error("contact")}>
            {(control) => (
              <input {...control} autoComplete="off" value={draft.contact} onChange={(e) => editDraft((h) => withProjectField(h, "contact", e.target.value))} />
            )}
          </Field>
          <Field path="notes" label={t("field.notes")} error={error("notes")}>
            {(control) => (
              <textarea {...control} rows={2} value={draft.notes} onChange={(e) => editDraft((h) => withProjectField(h, "notes", e.target.value))} />
            )}
          </Field>
          {membersEditable && <MembersField members={draft.members} owner={base?.owner ?? me?.username ?? null} users={users} tr={tr} />}

          <h3 className="section-title">{t("lots.title")}</h3>
          {draft.lots.length === 0 && <p className="muted">{t("form.noLots")}</p>}
          {draft.lots.map((lot, i) => (
            <LotFields key={lot.key} lot={lot} index={i + 1} errors={errors} table={table} tr={tr} />
          ))}
          <button type="button" className="button" onClick={() => editDraft(withLotAdded)}>
            <span aria-hidden="true">+</span>
            {t("form.addLot")}
          </button>
        </fieldset>
        </div>

        <div className="form-footer">
          {confirming ? (
            <ConfirmBar
              message={t(confirming === "delete" ? "form.confirmDelete" : "form.confirmDiscard", { name: draft.name.trim() || t("form.untitled") })}
              confirmLabel={t(confirming === "delete" ? "form.confirmDeleteYes" : "form.discard")}
              onConfirm={
                confirming === "delete"
                  ? async () => {
                      const failure = await deleteEditedProject();
                      setConfirming(null);
                      setActionError(failure);
                    }
                  : closeEditor
              }
              cancelLabel={t(confirming === "delete" ? "form.cancel" : "form.keepEditing")}
              onCancel={() => setConfirming(null)}
            />
          ) : (
            <div className="button-row">
              <button type="button" className="button" disabled={!canUndo(history) || saving} onClick={() => editDraft(undo)}>
                <span aria-hidden="true">↶</span>
                {t("form.undo")}
              </button>
              {deletable && (
                <button type="button" className="button button-danger" disabled={saving} onClick={() => setConfirming("delete")}>
                  {t("form.delete")}
                </button>
              )}
              <span className="header-spacer" />
              <button type="submit" className="button button-save" disabled={saving} aria-busy={saving}>
                {saving && <span className="spinner" aria-hidden="true" />}
                {t("form.save")}
              </button>
            </div>
          )}
          {saving && <progress className="save-progress" max={save.total} value={save.done} aria-label={t("form.progress")} />}
          <p ref={statusRef} tabIndex={-1} className={`save-status${failed ? " save-status-error" : ""}`} role="status">
            {actionError ? t(actionError.key, actionError.params) : status}
          </p>
        </div>
      </form>
    </section>
  );
}
