/**
 * The site card in the details panel: "Edit" for planners, and the suitability report — verdict,
 * reasons in the user's language, area, capacity, zoning shares, conflicts, hazard and protection
 * zones, road and haul —
 * printable on its own ("Print site card": the print stylesheet shows only the card).
 */
import { useEffect, useId, useState } from "react";
import { planningWriters } from "../../../core/domain/accounts";
import type { Site } from "../../../core/domain/records";
import type { SuitabilityReport } from "../../../core/suitability/report";
import { failureMessage, type Message } from "../../api/failure-message";
import { useT, type Translator } from "../../i18n/use-t";
import { useAppStore } from "../../state/store";
import { openSiteEditorById } from "./site-actions";
import { fetchSuitability } from "../../api/client";
import { conflictKindLabel, distanceLabel, percentLabel, reasonText, verdictLabel, zoneLabel } from "./suitability-text";

/** Planners and admins may edit, delete and draw sites. */
export function useMaySiteWrite(): boolean {
  return useAppStore((s) => s.session.status === "signedIn" && planningWriters.includes(s.session.user.role));
}

type Loaded = { status: "loading" } | { status: "ready"; report: SuitabilityReport } | { status: "failed"; message: Message };

/** Prints only the card: a class on <body> lets the print stylesheet hide everything else. */
function printCard(): void {
  document.body.classList.add("printing-site-card");
  const done = () => {
    document.body.classList.remove("printing-site-card");
    window.removeEventListener("afterprint", done);
  };
  window.addEventListener("afterprint", done);
  window.print();
}

export function SuitabilityCard({ report, site, tr }: { report: SuitabilityReport; site: Site; tr: Translator }) {
  const { t, withUnit } = tr;
  const headingId = useId();
  const rows: { label: string; value: string }[] = [
    { label: t("suitability.area"), value: withUnit(report.areaM2, "m²", 0) },
    {
      label: t("suitability.capacity"),
      value: t("suitability.capacityValue", { tonnes: withUnit(report.capacityTonnes, t("unit.tonnes"), 0), m3: withUnit(report.capacityM3, "m³", 0) }),
    },
    { label: t("suitability.nearestRoad"), value: report.nearestRoadM === null ? t("suitability.unknown") : distanceLabel(report.nearestRoadM, tr) },
    { label: t("suitability.meanHaul"), value: report.meanHaulKm === null ? t("suitability.unknown") : withUnit(report.meanHaulKm, t("unit.km"), 1) },
    { label: t("suitability.tonneKm"), value: withUnit(report.haul.tonneKm, "tkm", 0) },
  ];
  return (
    <section className="suitability-card" aria-labelledby={headingId}>
      <h3 className="section-title" id={headingId}>
        {t("suitability.card")}{" "}
        <span className={`verdict-badge verdict-${report.verdict}`}>{verdictLabel(report.verdict, tr)}</span>
      </h3>
      <dl className="fields">
        {rows.map((row) => (
          <div key={row.label} className="field-row">
            <dt>{row.label}</dt>
            <dd>{row.value}</dd>
          </div>
        ))}
      </dl>
      <h4 className="subsection-title">{t("suitability.reasons")}</h4>
      <ul className="reasons">
        {report.reasonDetails.map((reason, i) => (
          <li key={i} className={`reason reason-${reason.effect}`}>
            {reasonText(reason, tr)}
          </li>
        ))}
      </ul>
      <h4 className="subsection-title">{t("suitability.zoning")}</h4>
      {report.zoning.length === 0 ? (
        <p className="muted">{t("suitability.noZoning")}</p>
      ) : (
        <div className="table-scroll">
          <table className="lots-table">
            <caption className="visually-hidden">{t("suitability.zoningCaption", { site: site.name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("suitability.code")}</th>
                <th scope="col">{t("suitability.name")}</th>
                <th scope="col" className="numeric">{t("suitability.zoningArea")}</th>
                <th scope="col" className="numeric">{t("suitability.share")}</th>
                <th scope="col">{t("suitability.rule")}</th>
              </tr>
            </thead>
            <tbody>
              {report.zoning.map((z) => (
                <tr key={`${z.codeList}-${z.code}`}>
                  <td>{z.code}</td>
                  <td>{z.name}</td>
                  <td className="numeric">{withUnit(z.areaM2, "m²", 0)}</td>
                  <td className="numeric">{percentLabel(z.share, tr)}</td>
                  <td>{t(`suitability.rule.${z.rule}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h4 className="subsection-title">{t("suitability.conflicts")}</h4>
      {report.conflicts.length === 0 ? (
        <p className="muted">{t("suitability.noConflicts")}</p>
      ) : (
        <div className="table-scroll">
          <table className="lots-table">
            <caption className="visually-hidden">{t("suitability.conflictsCaption", { site: site.name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("suitability.conflictKind")}</th>
                <th scope="col">{t("suitability.name")}</th>
                <th scope="col" className="numeric">{t("suitability.distance")}</th>
                <th scope="col" className="numeric">{t("suitability.buffer")}</th>
              </tr>
            </thead>
            <tbody>
              {report.conflicts.map((c) => (
                <tr key={`${c.kind}-${c.codeList}-${c.code}`}>
                  <td>{conflictKindLabel(c.kind, tr)}</td>
                  <td>
                    {c.code} {c.name}
                  </td>
                  <td className="numeric">{distanceLabel(c.distanceM, tr)}</td>
                  <td className="numeric">{distanceLabel(c.bufferM, tr)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h4 className="subsection-title">{t("suitability.zones")}</h4>
      {report.zones.length === 0 ? (
        <p className="muted">{t("suitability.noZones")}</p>
      ) : (
        <div className="table-scroll">
          <table className="lots-table">
            <caption className="visually-hidden">{t("suitability.zonesCaption", { site: site.name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("zone.name")}</th>
                <th scope="col">{t("zone.hazard")}</th>
                <th scope="col" className="numeric">{t("suitability.zoningArea")}</th>
                <th scope="col" className="numeric">{t("suitability.share")}</th>
                <th scope="col">{t("zone.effect")}</th>
              </tr>
            </thead>
            <tbody>
              {report.zones.map((z, i) => (
                <tr key={z.id ?? i} className={`zone-${z.effect}`}>
                  <td>{zoneLabel(z, tr)}</td>
                  <td>{t(`hazard.${z.hazard}`)}</td>
                  <td className="numeric">{withUnit(z.areaM2, "m²", 0)}</td>
                  <td className="numeric">{percentLabel(z.share, tr)}</td>
                  <td>{t(`zone.effect.${z.effect}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="print-only print-footer">{t("suitability.printedFrom", { date: new Date().toISOString().slice(0, 10) })}</p>
    </section>
  );
}

/** Edit (planners) and the suitability card of a selected site, fetched again when the site changes. */
export function SiteCard({ site }: { site: Site }) {
  const tr = useT();
  const { t } = tr;
  const mayWrite = useMaySiteWrite();
  // The answer for one version of the site; a newer version shows "loading" until its answer comes.
  const key = `${site.id}:${site.version}`;
  const [answer, setAnswer] = useState<{ key: string; loaded: Loaded } | null>(null);
  const loaded: Loaded = answer?.key === key ? answer.loaded : { status: "loading" };
  const [editError, setEditError] = useState<Message | null>(null);
  const [opening, setOpening] = useState(false);

  useEffect(() => {
    let cancelled = false;
    void fetchSuitability(site.id).then((result) => {
      if (cancelled) return;
      setAnswer({ key, loaded: result.ok ? { status: "ready", report: result.value } : { status: "failed", message: failureMessage(result.failure) } });
    });
    return () => {
      cancelled = true;
    };
  }, [site.id, key]);

  return (
    <div className="site-card">
      <div className="details-actions no-print">
        {mayWrite && (
          <button
            type="button"
            className="button button-accent"
            disabled={opening}
            aria-busy={opening}
            onClick={async () => {
              setOpening(true);
              setEditError(await openSiteEditorById(site.id));
              setOpening(false);
            }}
          >
            {t("sites.edit")}
          </button>
        )}
        <button type="button" className="button" onClick={printCard} disabled={loaded.status !== "ready"}>
          {t("suitability.print")}
        </button>
      </div>
      {editError && <p className="field-error">{t(editError.key, editError.params)}</p>}
      {loaded.status === "loading" && (
        <p className="muted" role="status">
          {t("suitability.loading")}
        </p>
      )}
      {loaded.status === "failed" && <p className="field-error">{t("suitability.failed", { message: t(loaded.message.key, loaded.message.params) })}</p>}
      {loaded.status === "ready" && <SuitabilityCard report={loaded.report} site={site} tr={tr} />}
    </div>
  );
}
