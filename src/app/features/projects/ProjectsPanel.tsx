/**
 * The project list on the left of the map: text search and filters (status, material, class,
 * direction, months) that drive the map too, the matching projects, and the registry's actions
 * (New project, Import CSV, Export CSV with the same filters).
 */
import { lazy, Suspense, useEffect, useId, useRef, useState } from "react";
import { materials } from "../../../core/domain/materials";
import { lotDirections, projectStatuses } from "../../../core/domain/records";
import type { ProjectSummary } from "../../../core/domain/registry-api";
import { lotsExportUrl, lotsWorkbookUrl } from "../../api/client";
import { MapExportMenu } from "../export/MapExportMenu";
import { failureMessage, type Message } from "../../api/failure-message";
import { useT, type Translator } from "../../i18n/use-t";
import { shownProjects } from "../../state/registry-slice";
import { useAppStore } from "../../state/store";
import { SheetClose } from "../../ui/SheetClose";
import { isAdmin, mayCreateProject } from "./permissions";
import { loadFiltered, openNewProject, restoreDeletedProject, showProject } from "./project-actions";
import {
  contaminationClasses,
  countActiveFilters,
  filtersActive,
  monthRangeReversed,
  noFilters,
  projectQueryString,
  type ProjectFilters,
} from "./project-query";

// The dialogs load when first opened: most visits to the list never use them.
const ImportDialog = lazy(() => import("../csv/ImportDialog").then((module) => ({ default: module.ImportDialog })));
const MaterialsDialog = lazy(() => import("./MaterialsDialog").then((module) => ({ default: module.MaterialsDialog })));

/** Id of the project list, for the Projects button's aria-controls. */
export const projectsPanelId = "projects-panel";

/**
 * On a narrow screen the list and the panel on the right would cover each other (and the map):
 * there, choosing a project or opening the form closes the list.
 */
function closeListIfNarrow(): void {
  if (window.matchMedia?.("(max-width: 1100px)").matches) useAppStore.getState().setProjectsPanelOpen(false);
}

/** How long typing in the search box waits before asking the server, ms. */
const searchDelayMs = 250;

/** "Surplus 12 000 t · demand 3 000 t · 2 lots" */
export function projectSummary(project: ProjectSummary, tr: Translator): string {
  const { t, withUnit } = tr;
  const { surplusTonnes, demandTonnes, lotCount: lots } = project;
  const parts: string[] = [];
  if (surplusTonnes > 0) parts.push(`${t("direction.surplus")} ${withUnit(surplusTonnes, t("unit.tonnes"))}`);
  if (demandTonnes > 0) parts.push(`${t("direction.demand")} ${withUnit(demandTonnes, t("unit.tonnes"))}`);
  parts.push(t(lots === 1 ? "projects.lotCount.one" : "projects.lotCount.other", { count: lots }));
  return parts.join(" · ");
}

function FilterSelect<V extends string>({
  label,
  anyLabel,
  value,
  options,
  onChange,
}: {
  label: string;
  /** The first option, meaning no filter on this field. */
  anyLabel: string;
  value: V | "";
  options: readonly { value: V; label: string }[];
  onChange: (value: V | "") => void;
}) {
  const id = useId();
  return (
    <div className="form-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as V | "")}>
        <option value="">{anyLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function ProjectItem({ project, selected, tr, admin }: { project: ProjectSummary; selected: boolean; tr: Translator; admin: boolean }) {
  const { t } = tr;
  const [message, setMessage] = useState<Message | null>(null);
  const deleted = project.deletedAt !== null;
  return (
    <li className={`project-item${selected ? " is-selected" : ""}${deleted ? " is-deleted" : ""}`}>
      <button
        type="button"
        className="project-item-button"
        aria-current={selected || undefined}
        onClick={() => {
          showProject(project);
          closeListIfNarrow();
        }}
      >
        <span className="project-item-name">{project.name}</span>
        <span className="project-item-meta">
          {t(`projectStatus.${project.status}`)}
          {deleted && <span className="badge badge-deleted">{t("projects.deleted")}</span>}
        </span>
        <span className="project-item-meta">{projectSummary(project, tr)}</span>
      </button>
      {deleted && admin && (
        <button
          type="button"
          className="button button-small"
          onClick={async () => setMessage(await restoreDeletedProject(project.id))}
        >
          {t("projects.restore", { name: project.name })}
        </button>
      )}
      {message && <p className="field-error">{t(message.key, message.params)}</p>}
    </li>
  );
}

export function ProjectsPanel() {
  const tr = useT();
  const { t } = tr;
  const open = useAppStore((s) => s.layout.projectsPanelOpen);
  const me = useAppStore((s) => (s.session.status === "signedIn" ? s.session.user : null));
  const filters = useAppStore((s) => s.registry.filters);
  const filtered = useAppStore((s) => s.registry.filtered);
  const all = useAppStore((s) => s.data.projects);
  const selection = useAppStore((s) => s.selection);
  const setFilters = useAppStore((s) => s.setFilters);
  // One form at a time: a new project while another is open would throw its changes away.
  const editorOpen = useAppStore((s) => s.editor.open);
  const [importOpen, setImportOpen] = useState(false);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [materialsOpen, setMaterialsOpen] = useState(false);
  const materialsButtonRef = useRef<HTMLButtonElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const importButtonRef = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(open);
  const searchId = useId();

  useEffect(() => {
    if (open && !wasOpen.current) headingRef.current?.focus({ preventScroll: true });
    wasOpen.current = open;
  }, [open]);

  // Ask the server whenever the filters change; typing waits a moment so each key is not a request.
  useEffect(() => {
    const timer = setTimeout(() => void loadFiltered(filters), searchDelayMs);
    return () => clearTimeout(timer);
  }, [filters]);

  const set = <K extends keyof ProjectFilters>(key: K, value: ProjectFilters[K]) => setFilters({ ...filters, [key]: value });
  const active = filtersActive(filters);
  const activeCount = countActiveFilters(filters);
  const reversed = monthRangeReversed(filters);
  const projects = [...shownProjects(all, filtered)].sort((a, b) => a.name.localeCompare(b.name, tr.lang));
  const admin = isAdmin(me);
  const loading = filtered.status === "loading";
  const failure = filtered.status === "error" && filtered.failure ? failureMessage(filtered.failure) : null;

  return (
    <section id={projectsPanelId} className="projects-panel panel" aria-labelledby={`${projectsPanelId}-title`} hidden={!open}>
      <div className="projects-head">
        <h2 id={`${projectsPanelId}-title`} className="panel-title" ref={headingRef} tabIndex={-1}>
          {t("projects.title")}
        </h2>
        <SheetClose onClose={() => useAppStore.getState().setProjectsPanelOpen(false)} />
        {mayCreateProject(me) && (
          <div className="projects-actions">
            <button
              type="button"
              className="button button-accent button-wide"
              disabled={editorOpen}
              onClick={() => {
                void openNewProject();
                closeListIfNarrow();
              }}
            >
              <span aria-hidden="true">+</span>
              {t("projects.new")}
            </button>
          </div>
        )}
      </div>
      <div className="projects-filters" role="search" aria-label={t("projects.filters")}>
        <div className="form-field">
          <label htmlFor={searchId}>{t("projects.search")}</label>
          <input id={searchId} type="search" autoComplete="off" value={filters.q} onChange={(e) => set("q", e.target.value)} />
        </div>
        <div className="button-row filter-toggle-row">
          <button
            type="button"
            className="disclosure"
            aria-expanded={filtersOpen}
            aria-controls={`${projectsPanelId}-filters`}
            onClick={() => setFiltersOpen((o) => !o)}
          >
            <span className="disclosure-icon" aria-hidden="true" />
            {t("projects.moreFilters")}
            {activeCount > 0 && <span className="badge badge-count">{t("projects.activeFilters", { count: activeCount })}</span>}
          </button>
          <span className="header-spacer" />
          <button type="button" className="button button-small" disabled={!active} onClick={() => setFilters(noFilters)}>
            {t("projects.clearFilters")}
          </button>
        </div>
        <div id={`${projectsPanelId}-filters`} className="form-grid form-grid-2" hidden={!filtersOpen}>
          <FilterSelect
            anyLabel={t("projects.any")}
            label={t("field.status")}
            value={filters.status}
            options={projectStatuses.map((s) => ({ value: s, label: t(`projectStatus.${s}`) }))}
            onChange={(v) => set("status", v)}
          />
          <FilterSelect
            anyLabel={t("projects.any")}
            label={t("lots.material")}
            value={filters.material}
            options={materials.map((m) => ({ value: m, label: t(`material.${m}`) }))}
            onChange={(v) => set("material", v)}
          />
          <FilterSelect
            anyLabel={t("projects.any")}
            label={t("lot.class")}
            value={filters.contaminationClass as (typeof contaminationClasses)[number] | ""}
            options={contaminationClasses.map((c) => ({ value: c, label: t(`class.${c}`) }))}
            onChange={(v) => set("contaminationClass", v)}
          />
          <FilterSelect
            anyLabel={t("projects.any")}
            label={t("lots.direction")}
            value={filters.direction}
            options={lotDirections.map((d) => ({ value: d, label: t(`direction.${d}`) }))}
            onChange={(v) => set("direction", v)}
          />
          <MonthFilter label={t("lot.from")} value={filters.from} onChange={(v) => set("from", v)} invalid={reversed} />
          <MonthFilter label={t("lot.to")} value={filters.to} onChange={(v) => set("to", v)} invalid={reversed} />
        </div>
        {reversed && <p className="field-error">{t("validation.monthOrder")}</p>}
        {admin && filtersOpen && (
          <label className="check-field filter-footer">
            <input type="checkbox" checked={filters.includeDeleted} onChange={(e) => set("includeDeleted", e.target.checked)} />
            {t("projects.includeDeleted")}
          </label>
        )}
      </div>
      <p className="projects-count" role="status">
        {loading && <span className="spinner" aria-hidden="true" />}
        {failure
          ? t(failure.key, failure.params)
          : t(`${active ? "projects.countFiltered" : "projects.count"}.${projects.length === 1 ? "one" : "other"}`, { count: projects.length })}
      </p>
      <ul className="project-list" aria-label={t("projects.title")}>
        {projects.map((project) => (
          <ProjectItem
            key={project.id}
            project={project}
            selected={selection?.kind === "project" && selection.id === project.id}
            tr={tr}
            admin={admin}
          />
        ))}
      </ul>
      <div className="button-row projects-footer">
        {mayCreateProject(me) && (
          <button type="button" className="button button-small" ref={importButtonRef} onClick={() => setImportOpen(true)}>
            {t("projects.import")}
          </button>
        )}
        <a className="button button-small" href={lotsExportUrl(projectQueryString(filters))} download>
          {t("projects.export")}
        </a>
        <a className="button button-small" href={lotsWorkbookUrl(projectQueryString(filters), tr.lang)} download aria-label={t("projects.exportXlsxLabel")}>
          {t("projects.exportXlsx")}
        </a>
        <MapExportMenu what="projects" projectQuery={projectQueryString(filters)} />
        {admin && (
          <button type="button" className="button button-small" ref={materialsButtonRef} onClick={() => setMaterialsOpen(true)}>
            {t("materials.open")}
          </button>
        )}
      </div>
      {materialsOpen && (
        <Suspense fallback={null}>
          <MaterialsDialog
            onClose={() => {
              setMaterialsOpen(false);
              materialsButtonRef.current?.focus();
            }}
          />
        </Suspense>
      )}
      {importOpen && (
        <Suspense fallback={null}>
          <ImportDialog
            onClose={() => {
              setImportOpen(false);
              importButtonRef.current?.focus();
            }}
          />
        </Suspense>
      )}
    </section>
  );
}

function MonthFilter({ label, value, onChange, invalid }: { label: string; value: string; onChange: (value: string) => void; invalid: boolean }) {
  const id = useId();
  return (
    <div className="form-field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="month" value={value} aria-invalid={invalid || undefined} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}
