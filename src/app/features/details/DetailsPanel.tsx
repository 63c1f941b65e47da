/**
 * The details panel: the attributes of the selected project, site, zoning area or hazard zone. Every value is
 * rendered as React text, never as HTML, because names and notes are typed by users.
 */
import { useEffect, useRef, useState, type ReactNode } from "react";
import type { Message } from "../../api/failure-message";
import type { Lot, Project, Site, ZoningArea } from "../../../core/domain/records";
import { categoryColour, describeArealformaal, categoryOfCode } from "../../../core/zoning/arealformaal";
import { zoneCodeName, type HazardZone } from "../../../core/zoning/hazard-zones";
import { zoneColours, zoneGroupOf } from "../../map/palette";
import type { Translator } from "../../i18n/use-t";
import { useT } from "../../i18n/use-t";
import { lotSums, type ProjectSummary } from "../../../core/domain/registry-api";
import type { Selection } from "../../state/selection-slice";
import { useAppStore, type AppState } from "../../state/store";
import { Swatch } from "../../ui/Swatch";
import { formatAuditTime } from "../history/audit-diff";
import { HistorySection } from "../history/HistorySection";
import { mayEditProject } from "../projects/permissions";
import { openProjectEditor } from "../projects/project-actions";
import { SiteCard } from "../sites/SiteCard";
import { ProjectOutdoorLots } from "../outdoor/ProjectOutdoorLots";
import { SiteMaterialArea } from "../outdoor/SiteMaterialArea";
import { PlanActualSection } from "../loads/PlanActualSection";
import { useProjectRecord } from "./use-project-record";

type Found =
  | { kind: "project"; record: ProjectSummary }
  | { kind: "site"; record: Site }
  | { kind: "zoning"; record: ZoningArea }
  | { kind: "zone"; record: HazardZone };

/** The loaded record a selection points at, or null if it is gone. */
export function selectedRecord(state: Pick<AppState, "data">, selection: Selection): Found | null {
  switch (selection.kind) {
    case "project": {
      const record = state.data.projects.find((p) => p.id === selection.id);
      return record ? { kind: "project", record } : null;
    }
    case "site": {
      const record = state.data.sites.find((s) => s.id === selection.id);
      return record ? { kind: "site", record } : null;
    }
    case "zoning": {
      const record = state.data.zoning.find((z) => z.id === selection.id);
      return record ? { kind: "zoning", record } : null;
    }
    case "zone": {
      const record = state.data.zones.find((z) => z.id === selection.id);
      return record ? { kind: "zone", record } : null;
    }
  }
}

interface Row {
  label: string;
  value: ReactNode;
}

function Fields({ rows }: { rows: Row[] }) {
  return (
    <dl className="fields">
      {rows.map((row) => (
        <div key={row.label} className="field-row">
          <dt>{row.label}</dt>
          <dd>{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}

function text(value: string | null | undefined, tr: Translator): ReactNode {
  return value && value.trim() !== "" ? value : <span className="not-given">{tr.t("details.notGiven")}</span>;
}

/** "2027-01 – 2027-06"; each month kept whole, since browsers may break a line at its hyphen. */
function months(window: { from: string; to: string } | undefined, tr: Translator): ReactNode {
  if (!window) return text(null, tr);
  return (
    <>
      <span className="nowrap">{window.from}</span> – <span className="nowrap">{window.to}</span>
    </>
  );
}

function LotsTable({ project, tr }: { project: Project; tr: Translator }) {
  const { t, withUnit } = tr;
  const lots = project.lots.filter((lot) => lot.deletedAt === null);
  if (lots.length === 0) return <p className="muted">{t("lots.empty")}</p>;
  const quantity = (lot: Lot) => withUnit(lot.quantity.value, t(`unit.${lot.quantity.unit}`));
  return (
    <div className="table-scroll">
      <table className="lots-table">
        <caption>{t("lots.caption", { project: project.name })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("lots.direction")}</th>
            <th scope="col">{t("lots.material")}</th>
            <th scope="col">{t("lots.class")}</th>
            <th scope="col" className="numeric">{t("lots.quantity")}</th>
            <th scope="col" className="numeric">{t("lots.tonnes")}</th>
            <th scope="col">{t("lots.months")}</th>
          </tr>
        </thead>
        <tbody>
          {lots.map((lot) => (
            <tr key={lot.id}>
              <td>
                <span className={`direction direction-${lot.direction}`}>{t(`direction.${lot.direction}`)}</span>
              </td>
              <td>{t(`material.${lot.material}`)}</td>
              <td>
                {lot.contaminationClass}
                {lot.hazardous && <span className="flag"> ({t("lots.hazardous")})</span>}
                {(lot.flags ?? []).map((flag) => (
                  <span key={flag} className="flag">
                    {" "}
                    ({t(`flag.${flag}`)})
                  </span>
                ))}
              </td>
              <td className="numeric">{quantity(lot)}</td>
              <td className="numeric">{withUnit(lot.tonnes, t("unit.tonnes"))}</td>
              <td>{months(lot.window, tr)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** "Edit" for those who may change the project; viewers and other engineers see no edit control. */
function ProjectActions({ project, tr }: { project: Project; tr: Translator }) {
  const me = useAppStore((s) => (s.session.status === "signedIn" ? s.session.user : null));
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  if (!mayEditProject(me, project)) return null;
  return (
    <div className="details-actions">
      <button
        type="button"
        className="button button-accent"
        disabled={busy}
        aria-busy={busy}
        onClick={async () => {
          setBusy(true);
          setMessage(await openProjectEditor(project.id));
          setBusy(false);
        }}
      >
        {tr.t("details.edit")}
      </button>
      {message && <p className="field-error">{tr.t(message.key, message.params)}</p>}
    </div>
  );
}

/** The project's fields, lots and history, once its whole record has come. */
function ProjectDetails({ summary, tr }: { summary: ProjectSummary; tr: Translator }) {
  const record = useProjectRecord(summary);
  if (record.status === "loading") return <p className="muted" role="status">{tr.t("details.loadingProject")}</p>;
  if (record.status === "error") return <p className="field-error" role="alert">{tr.t(record.message.key, record.message.params)}</p>;
  return <ProjectRecordDetails project={record.project} tr={tr} />;
}

function ProjectRecordDetails({ project, tr }: { project: Project; tr: Translator }) {
  const { t, withUnit } = tr;
  // From the record, not the summary: the totals then always agree with the lots listed below them.
  const { surplusTonnes, demandTonnes } = lotSums(project.lots);
  const rows: Row[] = [
    { label: t("field.status"), value: t(`projectStatus.${project.status}`) },
    ...(project.owner ? [{ label: t("field.owner"), value: project.owner }] : []),
    ...(project.members.length > 0 ? [{ label: t("form.members"), value: project.members.join(", ") }] : []),
    { label: t("field.contact"), value: text(project.contact, tr) },
    {
      label: t("field.totals"),
      value: t("totals.value", {
        surplus: withUnit(surplusTonnes, t("unit.tonnes")),
        demand: withUnit(demandTonnes, t("unit.tonnes")),
      }),
    },
    { label: t("field.notes"), value: <span className="notes">{text(project.notes, tr)}</span> },
    ...(project.updatedBy
      ? [{ label: t("field.lastChanged"), value: t("details.changedBy", { who: project.updatedBy, when: formatAuditTime(project.updatedAt) }) }]
      : []),
  ];
  return (
    <>
      <ProjectActions project={project} tr={tr} />
      <Fields rows={rows} />
      <h3 className="section-title">{t("lots.title")}</h3>
      <LotsTable project={project} tr={tr} />
      <ProjectOutdoorLots project={project} />
      <PlanActualSection tr={tr} target={{ kind: "project", id: project.id, lotIds: project.lots.map((lot) => lot.id) }} />
      <HistorySection projectId={project.id} version={`${project.version}-${project.updatedAt}-${project.lots.map((lot) => lot.version).join(".")}`} tr={tr} />
    </>
  );
}

function SiteDetails({ site, tr }: { site: Site; tr: Translator }) {
  const { t, withUnit } = tr;
  const perTonne = (value: number) => withUnit(value, t("unit.nokPerTonne"), 2);
  const materials = (list: readonly Lot["material"][]) => list.map((m) => t(`material.${m}`)).join(", ");
  // A term shows when it is set, or "not given" when the site's kind normally has it
  // (a storage site without a handling cost is worth noticing; a quarry's gate fee is not).
  const terms: { label: string; value: ReactNode | undefined; kinds: readonly Site["kind"][] }[] = [
    {
      label: t("field.capacity"),
      value: site.capacityTonnes === undefined ? undefined : withUnit(site.capacityTonnes, t("unit.tonnes")),
      kinds: ["storage", "landfill"],
    },
    { label: t("field.accepts"), value: site.accepts && materials(site.accepts.materials), kinds: ["storage", "landfill"] },
    {
      label: t("field.worstClass"),
      value: site.accepts && String(site.accepts.worstClass),
      kinds: ["storage", "landfill"],
    },
    {
      label: t("field.handlingCost"),
      value: site.handlingCostPerTonne === undefined ? undefined : perTonne(site.handlingCostPerTonne),
      kinds: ["storage"],
    },
    {
      label: t("field.gateFee"),
      value: site.gateFeePerTonne === undefined ? undefined : perTonne(site.gateFeePerTonne),
      kinds: ["landfill"],
    },
    {
      label: t("field.materialsOffered"),
      value: site.materials && site.materials.length > 0 ? materials(site.materials) : undefined,
      kinds: ["quarry"],
    },
    {
      label: t("field.price"),
      value: site.pricePerTonne === undefined ? undefined : perTonne(site.pricePerTonne),
      kinds: ["quarry"],
    },
    {
      label: t("field.co2e"),
      value: site.kgCO2ePerTonne === undefined ? undefined : withUnit(site.kgCO2ePerTonne, t("unit.kgCO2ePerTonne"), 2),
      kinds: ["quarry"],
    },
  ];
  const rows: Row[] = [
    { label: t("field.kind"), value: t(`siteKind.${site.kind}`) },
    { label: t("field.status"), value: t(`siteStatus.${site.status}`) },
    ...terms
      .filter((term) => term.value !== undefined || term.kinds.includes(site.kind))
      .map((term) => ({ label: term.label, value: term.value ?? text(null, tr) })),
    { label: t("field.openMonths"), value: months(site.window, tr) },
    { label: t("field.notes"), value: <span className="notes">{text(site.notes, tr)}</span> },
  ];
  return (
    <>
      <Fields rows={rows} />
      <SiteMaterialArea site={site} />
      <PlanActualSection tr={tr} target={{ kind: "site", id: site.id }} />
      <SiteCard site={site} />
    </>
  );
}

function ZoningDetails({ area, tr }: { area: ZoningArea; tr: Translator }) {
  const { t } = tr;
  const category = describeArealformaal(area.codeList, area.code)?.category ?? categoryOfCode(area.code);
  const rows: Row[] = [
    {
      label: t("field.category"),
      value: (
        <span className="with-swatch">
          <Swatch shape="fill" colour={categoryColour(category)} outline="#8a8a8a" />
          {t(`zoningCategory.${category}`)}
        </span>
      ),
    },
    { label: t("field.codeList"), value: t(`codeList.${area.codeList}`) },
    { label: t("field.planId"), value: area.planId },
    { label: t("field.planName"), value: text(area.planName, tr) },
    { label: t("field.status"), value: t(`zoningStatus.${area.status}`) },
  ];
  return <Fields rows={rows} />;
}

/** A hazard or protection zone: what it means for storage, its code, plan and what the file says about it. */
function ZoneDetails({ zone, tr }: { zone: HazardZone; tr: Translator }) {
  const { t } = tr;
  const rows: Row[] = [
    {
      label: t("zone.hazard"),
      value: (
        <span className="with-swatch">
          <Swatch shape="fill" colour={zoneColours[zoneGroupOf(zone.hazard)]} outline="#8a8a8a" />
          {t(`hazard.${zone.hazard}`)}: {t(`hazardWhy.${zone.hazard}`)}
        </span>
      ),
    },
    { label: t("zone.objectType"), value: zone.objectType },
    ...(zone.code !== null ? [{ label: t("zone.code"), value: `${zone.code} ${zoneCodeName(zone)}` }] : []),
    { label: t("zone.plan"), value: zone.planName ? `${zone.planId} – ${zone.planName}` : zone.planId },
    { label: t("field.status"), value: t(`zoningStatus.${zone.status}`) },
    ...Object.entries(zone.details).map(([key, value]) => ({ label: key, value: text(value, tr) })),
  ];
  return <Fields rows={rows} />;
}

/** The heading of a record: its kind above, its name (zoning: code and name) as the title. */
function titleOf(found: Found, tr: Translator): { kicker: string; title: string } {
  switch (found.kind) {
    case "project":
      return { kicker: tr.t("details.kind.project"), title: found.record.name };
    case "site":
      return { kicker: tr.t(`siteKind.${found.record.kind}`), title: found.record.name };
    case "zoning": {
      const info = describeArealformaal(found.record.codeList, found.record.code);
      return {
        kicker: tr.t("details.kind.zoning"),
        title: info ? `${found.record.code} ${info.name}` : String(found.record.code),
      };
    }
    case "zone":
      return {
        kicker: tr.t(found.record.source === "nve" ? "details.kind.zoneNve" : "details.kind.zone"),
        title: [found.record.name, tr.t(`hazard.${found.record.hazard}`)].filter(Boolean).join(" – "),
      };
  }
}

/** The details `<aside>` ("Detaljer" / "Details"); closes with its button, Escape, or a click on empty map. */
export function DetailsPanel() {
  const tr = useT();
  const { t } = tr;
  const selection = useAppStore((s) => s.selection);
  const data = useAppStore((s) => s.data);
  // Derived here, not in the selector: a selector must not build a new object on every call.
  const found = selection ? selectedRecord({ data }, selection) : null;
  const select = useAppStore((s) => s.select);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (!selection) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === "Escape") select(null);
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [selection, select]);

  // Screen-reader and keyboard users land on what they just opened.
  useEffect(() => {
    if (selection) headingRef.current?.focus({ preventScroll: true });
  }, [selection]);

  if (!selection) return null;
  const heading = found ? titleOf(found, tr) : null;
  return (
    <aside className="details-panel panel" aria-label={t("details.label")}>
      <div className="details-header">
        <div>
          {heading && <p className="details-kicker">{heading.kicker}</p>}
          <h2 className="details-title" ref={headingRef} tabIndex={-1}>
            {heading ? heading.title : t("details.label")}
          </h2>
          {found && "illustrative" in found.record && found.record.illustrative && <span className="badge">{t("details.illustrative")}</span>}
        </div>
        <button type="button" className="button button-close" onClick={() => select(null)}>
          {t("details.close")}
        </button>
      </div>
      <div className="details-body">
        {!found && <p className="muted">{t("details.notFound")}</p>}
        {found?.kind === "project" && <ProjectDetails summary={found.record} tr={tr} />}
        {found?.kind === "site" && <SiteDetails site={found.record} tr={tr} />}
        {found?.kind === "zoning" && <ZoningDetails area={found.record} tr={tr} />}
        {found?.kind === "zone" && <ZoneDetails zone={found.record} tr={tr} />}
      </div>
    </aside>
  );
}
