/**
 * The flows of a result as a sortable table (from, to, material, month, tonnes, km, and whether it
 * needs a permit not yet recorded — DESIGN §8). A row's
 * button picks the flow, so the map can highlight it and fly to it. Presentational.
 */
import { useMemo, useState } from "react";
import type { Flow } from "../../../core/matching/result";
import { formatWithUnit, localeOf, translate, type Lang } from "../../i18n/i18n";
import { materialColours } from "../../map/flow-layers";
import { nextSort, sortFlows, type FlowColumn, type FlowSort, type Places } from "./result-data";

export interface FlowsTableProps {
  flows: readonly Flow[];
  places: Places;
  lang: Lang;
  /** Index (in `flows`) of the picked flow. */
  selectedIndex?: number | null;
  /** Called with a flow's index when its row is picked; rows are plain when absent. */
  onSelect?: (index: number) => void;
  /** Only this month's flows; all when null. */
  month?: string | null;
  /** Most rows shown (the rest are counted); default 300. */
  limit?: number;
}

const columns: readonly FlowColumn[] = ["from", "to", "material", "month", "tonnes", "km"];

export function FlowsTable({ flows, places, lang, selectedIndex = null, onSelect, month = null, limit = 300 }: FlowsTableProps) {
  const [sort, setSort] = useState<FlowSort>({ column: "tonnes", direction: "descending" });
  const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate(lang, key, params);
  const sorted = useMemo(() => {
    const all = sortFlows(flows, sort, places, localeOf[lang]);
    return month === null ? all : all.filter((f) => f.month === month);
  }, [flows, sort, places, lang, month]);
  const shown = sorted.slice(0, limit);
  const name = (id: string) => places[id]?.name ?? id;
  const tonnes = t("unit.tonnes");
  const km = t("unit.km");
  return (
    <div className="flows-table">
      <div className="table-scroll">
        <table className="lots-table">
          <caption className="visually-hidden">{t("results.flowsCaption")}</caption>
          <thead>
            <tr>
              {columns.map((column) => {
                const label = t(`results.col.${column}`);
                const active = sort.column === column;
                return (
                  <th key={column} scope="col" className={column === "tonnes" || column === "km" ? "numeric" : undefined} aria-sort={active ? sort.direction : undefined}>
                    <button type="button" className="sort-button" title={t("results.sortBy", { column: label })} onClick={() => setSort((s) => nextSort(s, column))}>
                      {label}
                      <span aria-hidden="true">{active ? (sort.direction === "ascending" ? " ▲" : " ▼") : ""}</span>
                    </button>
                  </th>
                );
              })}
              <th scope="col">{t("results.col.permit")}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((flow) => {
              const selected = flow.index === selectedIndex;
              return (
                <tr key={flow.index} className={selected ? "flow-row selected" : "flow-row"} aria-selected={onSelect ? selected : undefined} onClick={onSelect ? () => onSelect(flow.index) : undefined}>
                  <td>
                    {onSelect ? (
                      <button type="button" className="link-button" aria-pressed={selected} title={t("results.showOnMap")} onClick={(e) => { e.stopPropagation(); onSelect(flow.index); }}>
                        {name(flow.from)}
                      </button>
                    ) : (
                      name(flow.from)
                    )}
                  </td>
                  <td>{name(flow.to)}</td>
                  <td>
                    <span className="material-dot" style={{ background: materialColours[flow.material] }} aria-hidden="true" />
                    {t(`material.${flow.material}`)}
                  </td>
                  <td>{flow.month}</td>
                  <td className="numeric">{formatWithUnit(lang, flow.tonnes, tonnes)}</td>
                  <td className="numeric">{formatWithUnit(lang, flow.km, km)}</td>
                  <td>
                    {flow.needsPermit ? (
                      <span className="badge badge-permit" title={t("results.needsPermitTitle")}>
                        {t("results.needsPermit")}
                      </span>
                    ) : (
                      <span aria-hidden="true">–</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="muted flows-count">
        {t("results.flowsCount", { count: sorted.length })}
        {sorted.length > shown.length ? ` ${t("results.flowsMore", { shown: shown.length, count: sorted.length })}` : ""}
      </p>
    </div>
  );
}
