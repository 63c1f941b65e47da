/**
 * What the site tools do: save, delete, restore, reload after a conflict, and refresh the map's
 * sites and zoning. The store changes through its pure transitions; the calls go through `sites-api`.
 */
import { fetchSites, fetchZoning } from "../../api/client";
import { failureMessage, type Message } from "../../api/failure-message";
import { withDataLoaded } from "../../state/data-slice";
import { useAppStore } from "../../state/store";
import { bboxOf } from "../../../core/geo/geometry";
import type { Site } from "../../../core/domain/records";
import { firstSiteErrorPath, siteBodyOf, siteErrorsOfServer } from "./site-body";
import { rebaseSiteDraft } from "./site-draft";
import { createSite, deleteSite, fetchSite, restoreSite, updateSite } from "../../api/client";

/** Fetches the sites again and puts them on the map. */
export async function refreshSites(): Promise<void> {
  const result = await fetchSites();
  if (!result.ok) return;
  const { data, setData } = useAppStore.getState();
  setData(withDataLoaded(data, { sites: result.value }, data.failures));
}

/** Fetches the zoning again (after an import) and puts it on the map. */
export async function refreshZoning(): Promise<void> {
  const result = await fetchZoning();
  if (!result.ok) return;
  const { data, setData } = useAppStore.getState();
  setData(withDataLoaded(data, { zoning: result.value }, data.failures));
}

/** Selects a site and flies the map to it. */
export function showSite(site: Pick<Site, "id" | "geometry">): void {
  const store = useAppStore.getState();
  store.select({ kind: "site", id: site.id });
  store.focusMap(bboxOf(site.geometry));
}

/** Opens the form on the site as stored now (fresh from the server, so the version is current). */
export async function openSiteEditorById(siteId: string): Promise<Message | null> {
  const result = await fetchSite(siteId);
  if (!result.ok) return failureMessage(result.failure);
  useAppStore.getState().openSiteEditor(result.value);
  return null;
}

/**
 * Saves the open form: POST for a new site, PUT with the version for a stored one. Field errors
 * and a 409 conflict land in the editor; on success the form closes and the site is selected.
 * @returns the path of the first field in error, for focus
 */
export async function saveSiteEditor(): Promise<string | null> {
  const store = useAppStore.getState();
  const editor = store.sites.editor;
  if (!editor || editor.saving) return null;
  const built = siteBodyOf(editor.draft);
  if (!built.ok) {
    store.updateSiteEditor((e) => ({ ...e, errors: built.errors, message: { key: "sites.form.fixErrors" } }));
    return firstSiteErrorPath(built.errors);
  }
  store.updateSiteEditor((e) => ({ ...e, errors: {}, saving: true, message: null }));
  const { draft } = editor;
  const result =
    draft.id === null || draft.version === null ? await createSite(built.body) : await updateSite(draft.id, { ...built.body, version: draft.version });
  const after = useAppStore.getState();
  if (!result.ok) {
    const failure = result.failure;
    if (failure.status === 409 && failure.current) {
      after.updateSiteEditor((e) => ({ ...e, saving: false, conflict: failure.current as Site }));
      return null;
    }
    const errors = siteErrorsOfServer(failure.fields);
    after.updateSiteEditor((e) => ({ ...e, saving: false, errors, message: failureMessage(failure) }));
    return firstSiteErrorPath(errors);
  }
  const saved = result.value;
  after.closeSiteEditor();
  await refreshSites();
  useAppStore.getState().select({ kind: "site", id: saved.id });
  return null;
}

/** After a 409: the current site becomes the base, with the user's changes laid on top. */
export function reloadAfterSiteConflict(): void {
  useAppStore.getState().updateSiteEditor((e) => {
    if (!e.conflict || !e.base) return e;
    return { ...e, base: e.conflict, draft: rebaseSiteDraft(e.draft, e.base, e.conflict), conflict: null, message: null };
  });
}

/** Deletes the open form's site (soft); the form closes. */
export async function deleteEditedSite(): Promise<Message | null> {
  const editor = useAppStore.getState().sites.editor;
  if (!editor?.draft.id) return null;
  const result = await deleteSite(editor.draft.id);
  if (!result.ok) return failureMessage(result.failure);
  const store = useAppStore.getState();
  store.closeSiteEditor();
  store.select(null);
  await refreshSites();
  return null;
}

/** Restores a deleted site (admins) and shows it. */
export async function restoreDeletedSite(siteId: string): Promise<Message | null> {
  const result = await restoreSite(siteId);
  if (!result.ok) return failureMessage(result.failure);
  await refreshSites();
  showSite(result.value);
  return null;
}
