/**
 * The charts of a recommendation (recharts): the k-curve (cost and CO2e of the best plan with at
 * most 0, 1, 2 … sites) and the storage area needed per month (short- and long-term). Each has its
 * numbers in a table for screen readers. Presentational; the editor and Presentation mode share it.
 */
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { CurvePoint } from "../../../core/allocation/result";
import type { AreaNeedPoint } from "../../../core/allocation/area-need";
import type { Translator } from "../../i18n/use-t";

const costColour = "#1864ab";
const co2Colour = "#d9480f";

/** Colours of the curve on the editor's white panel and on Presentation mode's dark slides. */
const curveThemes = {
  light: { cost: costColour, co2: co2Colour, grid: "#e3e7eb", text: "#5b6570", fontPx: 11 },
  dark: { cost: "#6cc4ff", co2: "#ff9e4a", grid: "#3b4b5a", text: "#e6edf3", fontPx: 18 },
} as const;

export function CurveChart({
  curve,
  names,
  tr,
  heightPx = 200,
  theme = "light",
  chosenSites,
}: {
  curve: readonly CurvePoint[];
  names: (id: string) => string;
  tr: Translator;
  heightPx?: number;
  theme?: keyof typeof curveThemes;
  /** The number of sites the recommendation allocates, marked on the curve. */
  chosenSites?: number;
}) {
  const { t, num } = tr;
  const look = curveThemes[theme];
  const tick = { fontSize: look.fontPx, fill: look.text };
  const rows = curve.map((point) => ({ sites: point.sites, costMNok: point.cost / 1e6, tonnesCO2e: point.kgCO2e / 1000 }));
  return (
    <figure className="allocation-chart" aria-label={t("allocation.curveLabel")}>
      {/* Hidden from screen readers, who get the table beside it; so no focusable parts inside (accessibilityLayer off). */}
      <div style={{ height: heightPx }} aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart accessibilityLayer={false} data={rows} margin={{ top: 8, right: 8, bottom: look.fontPx + 6, left: 4 }}>
            <CartesianGrid stroke={look.grid} vertical={false} />
            <XAxis
              dataKey="sites"
              tick={tick}
              stroke={look.text}
              tickFormatter={(v: number) => (v === chosenSites ? `${v} (${t("allocation.curve.chosen")})` : String(v))}
              label={{ value: t("allocation.curve.sites"), position: "insideBottom", offset: -look.fontPx + 2, fontSize: look.fontPx, fill: look.text }}
            />
            <YAxis yAxisId="cost" tick={tick} stroke={look.text} width={look.fontPx * 5} tickFormatter={(v: number) => num(v, 1)} domain={["auto", "auto"]} />
            <YAxis yAxisId="co2" orientation="right" tick={tick} stroke={look.text} width={look.fontPx * 5} tickFormatter={(v: number) => num(v, 0)} domain={["auto", "auto"]} />
            <Tooltip formatter={(value, key) => [num(Number(value), key === "costMNok" ? 2 : 0), key === "costMNok" ? t("allocation.curve.cost") : t("allocation.curve.co2")]} />
            <Legend formatter={(key: string) => (key === "costMNok" ? t("allocation.curve.cost") : t("allocation.curve.co2"))} verticalAlign="top" wrapperStyle={{ fontSize: look.fontPx + 1, color: look.text, paddingBottom: 4 }} />
            {chosenSites !== undefined && <ReferenceLine yAxisId="cost" x={chosenSites} stroke={look.text} strokeWidth={2} strokeDasharray="2 4" />}
            <Line yAxisId="cost" dataKey="costMNok" stroke={look.cost} strokeWidth={theme === "dark" ? 4 : 2} dot={{ r: theme === "dark" ? 6 : 3 }} isAnimationActive={false} />
            <Line yAxisId="co2" dataKey="tonnesCO2e" stroke={look.co2} strokeWidth={theme === "dark" ? 4 : 2} dot={{ r: theme === "dark" ? 6 : 3 }} strokeDasharray="5 3" isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <div className="visually-hidden">
        <table>
          <caption>{t("allocation.curveTable")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("allocation.curve.sites")}</th>
              <th scope="col">{t("allocation.curve.cost")}</th>
              <th scope="col">{t("allocation.curve.co2")}</th>
              <th scope="col">{t("allocation.curve.reuse")}</th>
              <th scope="col">{t("allocation.curve.which")}</th>
            </tr>
          </thead>
          <tbody>
            {curve.map((point) => (
              <tr key={point.sites}>
                <th scope="row">{point.sites}</th>
                <td>{num(point.cost / 1e6, 2)}</td>
                <td>{num(point.kgCO2e / 1000, 0)}</td>
                <td>{num(point.reuseRate * 100, 1)}</td>
                <td>{point.allocated.map(names).join(", ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

export function AreaNeedChart({ areaNeed, tr, heightPx = 160 }: { areaNeed: readonly AreaNeedPoint[]; tr: Translator; heightPx?: number }) {
  const { t, num, withUnit } = tr;
  const peak = areaNeed.reduce<AreaNeedPoint | null>((max, point) => (!max || point.m2 > max.m2 ? point : max), null);
  return (
    <figure className="allocation-chart" aria-label={t("allocation.areaLabel")}>
      {peak && <figcaption className="small">{t("allocation.area.peak", { m2: withUnit(peak.m2, "m²", 0), month: peak.month })}</figcaption>}
      <div style={{ height: heightPx }} aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart accessibilityLayer={false} data={areaNeed.map((p) => ({ month: p.month, short: p.shortTermM2, long: p.longTermM2 }))} margin={{ top: 8, right: 8, bottom: 0, left: 4 }}>
            <CartesianGrid stroke="#e3e7eb" vertical={false} />
            <XAxis dataKey="month" tick={{ fontSize: 11 }} minTickGap={12} />
            <YAxis tick={{ fontSize: 11 }} width={72} tickFormatter={(v: number) => `${num(v, 0)} m²`} />
            <Tooltip formatter={(value, key) => [withUnit(Number(value), "m²", 0), key === "short" ? t("allocation.area.short") : t("allocation.area.long")]} />
            <Legend formatter={(key: string) => (key === "short" ? t("allocation.area.short") : t("allocation.area.long"))} wrapperStyle={{ fontSize: 12 }} />
            <Bar dataKey="short" stackId="area" fill="#74c0fc" isAnimationActive={false} />
            <Bar dataKey="long" stackId="area" fill="#1864ab" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <div className="visually-hidden">
        <table>
          <caption>{t("allocation.areaLabel")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("results.month")}</th>
              <th scope="col">{t("allocation.area.short")}</th>
              <th scope="col">{t("allocation.area.long")}</th>
            </tr>
          </thead>
          <tbody>
            {areaNeed.map((p) => (
              <tr key={p.month}>
                <th scope="row">{p.month}</th>
                <td>{num(p.shortTermM2, 0)}</td>
                <td>{num(p.longTermM2, 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
