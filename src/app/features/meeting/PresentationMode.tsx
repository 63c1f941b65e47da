/**
 * Presentation mode for a land-allocation meeting: full screen (Fullscreen API where the browser
 * allows, else a full-viewport overlay), large type, high contrast, no editing controls. Arrow
 * keys, PageUp/PageDown (clickers), Space, Home/End and the on-screen buttons step through the
 * slides; Escape leaves and gives focus back to the button that opened it.
 */
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from "react";
import { createPortal } from "react-dom";
import { failureMessage } from "../../api/failure-message";
import { localeOf, translateMessage } from "../../i18n/i18n";
import { useT } from "../../i18n/use-t";
import { presentationButtonId } from "./meeting-ids";
import { formatKpi, kpiRows } from "../results/kpi-rows";
import { KpiCompareTable } from "../compare/KpiCompareTable";
import { sharedFlowMaps } from "../compare/map-data";
import { useScenarioViews, type ScenarioData } from "../compare/scenario-data";
import { endpointIndex } from "../export/endpoints";
import { reasonText } from "../sites/suitability-text";
import { buildSlides, materialTotals, slideAfterKey, type Slide } from "./slides";
import { AllocationSlide } from "./AllocationSlide";
import "./meeting.css";

const FlowMiniMap = lazy(() => import("../../map/FlowMiniMap").then((m) => ({ default: m.FlowMiniMap })));

export function PresentationMode() {
  const { t } = useT();
  const data = useScenarioViews((s) => s.data);
  const close = useScenarioViews((s) => s.closePresentation);
  const rootRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [index, setIndex] = useState(0);
  const slides = useMemo(() => (data.status === "loaded" ? buildSlides(data.data.entries.length, data.data.recommendations?.length ?? 0) : []), [data]);
  const count = slides.length;

  // Full screen where allowed; leaving full screen (the browser's own Escape) ends the presentation.
  useEffect(() => {
    const root = rootRef.current;
    let entered = false;
    const onChange = () => {
      if (entered && !document.fullscreenElement) close();
    };
    document.addEventListener("fullscreenchange", onChange);
    if (root?.requestFullscreen && document.fullscreenEnabled) {
      root.requestFullscreen().then(
        () => {
          entered = true;
        },
        () => undefined, // Not allowed here: the overlay already fills the viewport.
      );
    }
    const appRoot = document.getElementById("root");
    appRoot?.setAttribute("inert", "");
    return () => {
      document.removeEventListener("fullscreenchange", onChange);
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
      appRoot?.removeAttribute("inert");
      document.getElementById(presentationButtonId)?.focus();
    };
  }, [close]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === "Escape") {
        event.preventDefault();
        close();
        return;
      }
      // Space and Enter on a focused button press it; let them.
      if ((event.key === " " || event.key === "Enter") && event.target instanceof HTMLButtonElement) return;
      const next = slideAfterKey(index, count, event.key, event.shiftKey);
      if (next === null) return;
      event.preventDefault();
      setIndex(next);
    };
    document.addEventListener("keydown", onKeyDown, true);
    return () => document.removeEventListener("keydown", onKeyDown, true);
  }, [index, count, close]);

  // The new slide's heading takes focus, so a screen reader reads it.
  useEffect(() => {
    headingRef.current?.focus();
  }, [index, count]);

  const slide = slides[Math.min(index, Math.max(0, count - 1))];
  return createPortal(
    <div ref={rootRef} className="meeting" role="dialog" aria-modal="true" aria-label={t("meeting.label")}>
      <div className="meeting-stage">
        {data.status === "loaded" && slide ? (
          <SlideView slide={slide} data={data.data} headingRef={headingRef} />
        ) : data.status === "failed" ? (
          <p role="alert" className="meeting-message">
            {t(failureMessage(data.failure).key, failureMessage(data.failure).params)}
          </p>
        ) : (
          <p role="status" className="meeting-message">
            {t("meeting.loading")}
          </p>
        )}
      </div>
      <nav className="meeting-nav" aria-label={t("meeting.label")}>
        <button type="button" className="meeting-button" onClick={() => setIndex((i) => Math.max(0, i - 1))} disabled={index === 0}>
          <span aria-hidden="true">◀</span> {t("meeting.previous")}
        </button>
        <span className="meeting-position" aria-live="polite">
          {count > 0 ? t("meeting.position", { n: index + 1, total: count }) : ""}
        </span>
        <button type="button" className="meeting-button" onClick={() => setIndex((i) => Math.min(count - 1, i + 1))} disabled={index >= count - 1}>
          {t("meeting.next")} <span aria-hidden="true">▶</span>
        </button>
        <button type="button" className="meeting-button meeting-close" onClick={close}>
          {t("meeting.close")}
        </button>
      </nav>
    </div>,
    document.body,
  );
}

function SlideView({ slide, data, headingRef }: { slide: Slide; data: ScenarioData; headingRef: React.RefObject<HTMLHeadingElement | null> }) {
  const { t } = useT();
  const heading = (text: string) => (
    <h2 ref={headingRef} tabIndex={-1} className="meeting-heading">
      {text}
    </h2>
  );
  switch (slide.kind) {
    case "overview":
      return (
        <section className="meeting-slide" aria-roledescription="slide">
          {heading(t("meeting.overview.title"))}
          <OverviewSlide data={data} />
        </section>
      );
    case "scenario": {
      const entry = data.entries[slide.entryIndex]!;
      return (
        <section className="meeting-slide" aria-roledescription="slide">
          {heading(t("meeting.scenario.title", { name: entry.scenario.name }))}
          {entry.run ? <RanBy run={entry.run} /> : null}
          <ScenarioSlide data={data} entryIndex={slide.entryIndex} />
        </section>
      );
    }
    case "noScenarios":
      return (
        <section className="meeting-slide" aria-roledescription="slide">
          {heading(t("meeting.noScenarios.title"))}
          <p className="meeting-lead">{t("meeting.noScenarios.text")}</p>
        </section>
      );
    case "comparison":
      return (
        <section className="meeting-slide" aria-roledescription="slide">
          {heading(t("meeting.comparison.title"))}
          <KpiCompareTable entries={data.entries.slice(0, 4)} className="meeting-table meeting-compare" />
        </section>
      );
    case "allocation": {
      const recommendation = data.recommendations?.[slide.recommendationIndex];
      if (!recommendation) return null;
      return (
        <section className="meeting-slide" aria-roledescription="slide">
          {heading(t("allocation.title"))}
          <AllocationSlide entry={recommendation} data={data} />
        </section>
      );
    }
    case "sites":
      return (
        <section className="meeting-slide" aria-roledescription="slide">
          {heading(t("meeting.sites.title"))}
          <SitesSlide data={data} />
        </section>
      );
  }
}

function OverviewSlide({ data }: { data: ScenarioData }) {
  const { t, withUnit } = useT();
  const { rows, total } = materialTotals(data.projects);
  if (rows.length === 0) return <p className="meeting-lead">{t("meeting.overview.empty")}</p>;
  const max = Math.max(1, ...rows.flatMap((r) => [r.surplusTonnes, r.demandTonnes]));
  return (
    <>
      <p className="meeting-lead">{t("meeting.overview.lead")}</p>
      <table className="meeting-table meeting-balance">
        <thead>
          <tr>
            <th scope="col">{t("meeting.overview.material")}</th>
            <th scope="col">{t("meeting.overview.surplus")}</th>
            <th scope="col">{t("meeting.overview.demand")}</th>
            <th scope="col">{t("meeting.overview.net")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.material}>
              <th scope="row">{t(`material.${row.material}`)}</th>
              <td>
                <span className="meeting-bar meeting-bar-surplus" style={{ width: `${(row.surplusTonnes / max) * 14}rem` }} aria-hidden="true" />
                {withUnit(row.surplusTonnes, "t")}
              </td>
              <td>
                <span className="meeting-bar meeting-bar-demand" style={{ width: `${(row.demandTonnes / max) * 14}rem` }} aria-hidden="true" />
                {withUnit(row.demandTonnes, "t")}
              </td>
              <td className="meeting-number">{signed(withUnit(Math.abs(row.surplusTonnes - row.demandTonnes), "t"), row.surplusTonnes - row.demandTonnes)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t("meeting.overview.total")}</th>
            <td>{withUnit(total.surplusTonnes, "t")}</td>
            <td>{withUnit(total.demandTonnes, "t")}</td>
            <td className="meeting-number">{signed(withUnit(Math.abs(total.surplusTonnes - total.demandTonnes), "t"), total.surplusTonnes - total.demandTonnes)}</td>
          </tr>
        </tfoot>
      </table>
    </>
  );
}

const signed = (text: string, value: number) => (value > 0.5 ? `+${text}` : value < -0.5 ? `\u2212${text}` : text);

function RanBy({ run }: { run: NonNullable<ScenarioData["entries"][number]["run"]> }) {
  const { t, lang } = useT();
  const date = new Intl.DateTimeFormat(localeOf[lang], { dateStyle: "long", timeStyle: "short" }).format(new Date(run.finishedAt ?? run.startedAt));
  return <p className="meeting-lead meeting-ran-by">{t("compare.ranBy", { date, user: run.startedBy })}</p>;
}

function ScenarioSlide({ data, entryIndex }: { data: ScenarioData; entryIndex: number }) {
  const { t, lang } = useT();
  const entry = data.entries[entryIndex]!;
  const maps = useMemo(() => sharedFlowMaps(data.entries, endpointIndex(data.projects, data.sites)), [data]);
  const rows = kpiRows(entry.result, lang);
  return (
    <div className="meeting-scenario">
      <div className="meeting-map">
        <Suspense fallback={<p role="status">{t("compare.mapsLoading")}</p>}>
          <FlowMiniMap
            key={entry.scenario.id}
            label={t("compare.mapLabel", { scenario: entry.scenario.name })}
            flows={maps.collections[entryIndex]!}
            maxTonnes={maps.maxTonnes}
            bounds={maps.bounds}
            interactive={false}
            className="flow-mini-map meeting-mini-map"
          />
        </Suspense>
      </div>
      <ul className="meeting-kpis">
        {rows.map((row) => {
          const shown = formatKpi(row, lang);
          return (
            <li key={row.key} className="meeting-kpi">
              <span className="meeting-kpi-label">{row.label}</span>
              <span className="meeting-kpi-value">{shown.value}</span>
              <span className="meeting-kpi-baseline">{t("meeting.scenario.baseline", { value: shown.baseline })}</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function SitesSlide({ data }: { data: ScenarioData }) {
  const tr = useT();
  const { t, withUnit } = tr;
  const siteById = new Map(data.sites.map((s) => [s.id, s]));
  const candidates = data.ranking.filter((r) => r.kind === "storage" && r.status !== "closed");
  const shown = candidates.length > 0 ? candidates : data.ranking;
  if (shown.length === 0) return <p className="meeting-lead">{t("meeting.sites.none")}</p>;
  return (
    <table className={`meeting-table meeting-sites${shown.length > 8 ? " meeting-table-dense" : ""}`}>
      <thead>
        <tr>
          <th scope="col">{t("meeting.sites.name")}</th>
          <th scope="col">{t("meeting.sites.verdict")}</th>
          <th scope="col">{t("meeting.sites.area")}</th>
          <th scope="col">{t("meeting.sites.capacity")}</th>
          <th scope="col">{t("meeting.sites.reason")}</th>
        </tr>
      </thead>
      <tbody>
        {shown.map((item) => {
          const verdict = item.report?.verdict;
          const capacity = item.report?.capacityTonnes ?? siteById.get(item.siteId)?.capacityTonnes;
          return (
            <tr key={item.siteId}>
              <th scope="row">{item.name}</th>
              <td>
                <span className={`meeting-verdict meeting-verdict-${verdict ?? "unknown"}`}>{t(verdict ? `meeting.verdict.${verdict}` : "meeting.verdict.unknown")}</span>
              </td>
              <td className="meeting-number">{item.report ? withUnit(item.report.areaM2, "m²") : "–"}</td>
              <td className="meeting-number">{capacity === undefined ? "–" : withUnit(capacity, "t")}</td>
              <td className="meeting-reason">
                {item.report
                  ? item.report.reasonDetails[0]
                    ? reasonText(item.report.reasonDetails[0], tr)
                    : (item.report.reasons[0] ?? "")
                  : item.problemDetail
                    ? translateMessage(tr.lang, item.problemDetail, item.problem)
                    : item.problem}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
