/**
 * Stock on each storage site at the end of every month (recharts lines), with the month shown
 * on the map marked. The same numbers are in a table for screen readers (visible on request).
 * Presentational and heavy (recharts): import it lazily.
 */
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { InventoryPoint } from "../../../core/matching/result";
import { formatNumber, formatWithUnit, translate, type Lang } from "../../i18n/i18n";
import { inventoryRows, storageSitesInUse, type Places } from "./result-data";

/** Line colours for storage sites, in order (distinct from the material colours' greys). */
const siteLineColours = ["#1b7f6b", "#d9480f", "#5f3dc4", "#c2255c", "#1864ab", "#5c940d", "#e67700", "#495057"];

export interface InventoryChartProps {
  inventory: readonly InventoryPoint[];
  months: readonly string[];
  places: Places;
  lang: Lang;
  /** Month marked on the chart (the map's month); none by default. */
  month?: string | null;
  /** Show the table instead of the chart. */
  showTable?: boolean;
  /** Chart height in px; default 180. Shared scales in a comparison: pass `maxTonnes`. */
  heightPx?: number;
  maxTonnes?: number;
}

export function InventoryChart({ inventory, months, places, lang, month = null, showTable = false, heightPx = 180, maxTonnes }: InventoryChartProps) {
  const sites = storageSitesInUse(inventory);
  const rows = inventoryRows(inventory, months);
  const unit = translate(lang, "unit.tonnes");
  const name = (id: string) => places[id]?.name ?? id;
  if (sites.length === 0) return <p className="muted">{translate(lang, "results.inventoryNone")}</p>;
  return (
    <div className="inventory-chart">
      {!showTable && (
        <div style={{ height: heightPx }} aria-hidden="true">
          <ResponsiveContainer width="100%" height="100%">
            <LineChart accessibilityLayer={false} data={rows} margin={{ top: 8, right: 12, bottom: 0, left: 4 }}>
              <CartesianGrid stroke="#e3e7eb" vertical={false} />
              <XAxis dataKey="month" tick={{ fontSize: 11 }} minTickGap={12} />
              <YAxis
                tick={{ fontSize: 11 }}
                width={72}
                domain={[0, maxTonnes ?? "auto"]}
                tickFormatter={(value: number) => `${formatNumber(lang, value)} ${unit}`}
              />
              <Tooltip formatter={(value, key) => [formatWithUnit(lang, Number(value), unit), name(String(key))]} />
              <Legend formatter={(value: string) => name(value)} wrapperStyle={{ fontSize: 12 }} />
              {month && <ReferenceLine x={month} stroke="#111" strokeDasharray="4 3" />}
              {sites.map((id, i) => (
                <Line key={id} dataKey={id} type="stepAfter" stroke={siteLineColours[i % siteLineColours.length]} strokeWidth={2} dot={false} isAnimationActive={false} />
              ))}
            </LineChart>
          </ResponsiveContainer>
        </div>
      )}
      <div className={showTable ? "table-scroll" : "visually-hidden"}>
        <table className="lots-table">
          <caption>{translate(lang, "results.inventoryCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{translate(lang, "results.month")}</th>
              {sites.map((id) => (
                <th key={id} scope="col" className="numeric">
                  {name(id)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.month}>
                <th scope="row">{row.month}</th>
                {sites.map((id) => (
                  <td key={id} className="numeric">
                    {formatWithUnit(lang, Number(row[id] ?? 0), unit)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
