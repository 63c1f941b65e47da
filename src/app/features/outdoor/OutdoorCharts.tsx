/**
 * The outdoor-materials charts (recharts, loaded lazily): area needed vs area available at one
 * storage site per month with the shortfall in red, and the staff effort per month (person-hours,
 * with full-time equivalents on the right axis). Hidden from assistive technology: the view's
 * data tables carry the same numbers.
 */
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { Translator } from "../../i18n/use-t";
import type { AreaChartRow } from "./outdoor-model";

const colours = { needed: "#2f6db5", available: "#222", shortfall: "#c0392b", hours: "#4a8c5a", fte: "#8a5a00" };

export function AreaChart({ rows, tr }: { rows: readonly AreaChartRow[]; tr: Translator }) {
  const { t, withUnit, num } = tr;
  const names: Record<string, string> = {
    areaNeededM2: t("outdoor.areaNeeded"),
    areaAvailableM2: t("outdoor.areaAvailable"),
    shortfallM2: t("outdoor.shortfall"),
  };
  return (
    <div className="outdoor-chart" aria-hidden="true">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={[...rows]} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
          <CartesianGrid stroke="#e3e7eb" vertical={false} />
          <XAxis dataKey="month" tick={{ fontSize: 11 }} minTickGap={12} />
          <YAxis tick={{ fontSize: 11 }} width={80} tickFormatter={(value: number) => `${num(value)} m²`} />
          <Tooltip formatter={(value, name) => [withUnit(Number(value), "m²", 1), names[String(name)] ?? String(name)]} />
          <Legend formatter={(value: string) => names[value] ?? value} wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="areaNeededM2" fill={colours.needed} isAnimationActive={false} />
          <Bar dataKey="shortfallM2" fill={colours.shortfall} isAnimationActive={false} />
          <Line dataKey="areaAvailableM2" type="stepAfter" stroke={colours.available} strokeWidth={2} strokeDasharray="6 3" dot={false} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}

export function StaffChart({ rows, tr }: { rows: readonly { month: string; personHours: number; fte: number }[]; tr: Translator }) {
  const { t, withUnit, num } = tr;
  const hours = t("outdoor.unit.h");
  const names: Record<string, string> = { personHours: t("outdoor.personHours"), fte: t("outdoor.fte") };
  return (
    <div className="outdoor-chart" aria-hidden="true">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={[...rows]} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
          <CartesianGrid stroke="#e3e7eb" vertical={false} />
          <XAxis dataKey="month" tick={{ fontSize: 11 }} minTickGap={12} />
          <YAxis yAxisId="hours" tick={{ fontSize: 11 }} width={70} tickFormatter={(value: number) => `${num(value)} ${hours}`} />
          <YAxis yAxisId="fte" orientation="right" tick={{ fontSize: 11 }} width={70} tickFormatter={(value: number) => `${num(value, 2)} ${t("outdoor.unit.fte")}`} />
          <Tooltip
            formatter={(value, name) =>
              String(name) === "fte" ? [withUnit(Number(value), t("outdoor.unit.fte"), 2), names.fte] : [withUnit(Number(value), hours, 1), names.personHours]
            }
          />
          <Legend formatter={(value: string) => names[value] ?? value} wrapperStyle={{ fontSize: 12 }} />
          <Bar yAxisId="hours" dataKey="personHours" fill={colours.hours} isAnimationActive={false} />
          <Line yAxisId="fte" dataKey="fte" type="linear" stroke={colours.fte} strokeWidth={2} dot={false} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
