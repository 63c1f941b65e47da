/**
 * The mass-balance chart (recharts): surplus and demand bars per month, and their difference as
 * a line. Loaded lazily (recharts is large) and hidden from assistive technology: the panel's
 * data table carries the same numbers.
 */
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { Translator } from "../../i18n/use-t";
import { projectColours } from "../../map/palette";
import type { BalanceRow } from "./mass-balance";

export function BalanceChart({ rows, tr }: { rows: readonly BalanceRow[]; tr: Translator }) {
  const { t, withUnit, num } = tr;
  const unit = t("unit.tonnes");
  const order = ["surplusTonnes", "demandTonnes", "netTonnes"];
  const names: Record<string, string> = {
    surplusTonnes: t("direction.surplus"),
    demandTonnes: t("direction.demand"),
    netTonnes: t("balance.net"),
  };
  return (
    <div className="balance-chart" aria-hidden="true">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart accessibilityLayer={false} data={[...rows]} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
          <CartesianGrid stroke="#e3e7eb" vertical={false} />
          <XAxis dataKey="month" tick={{ fontSize: 11 }} minTickGap={12} />
          <YAxis tick={{ fontSize: 11 }} width={76} tickFormatter={(value: number) => `${num(value)} ${unit}`} />
          <Tooltip
            formatter={(value, name) => [withUnit(Number(value), unit), names[String(name)] ?? String(name)]}
            labelFormatter={(label) => String(label)}
          />
          <Legend
            formatter={(value: string) => names[value] ?? value}
            itemSorter={(item) => order.indexOf(String(item.dataKey))}
            wrapperStyle={{ fontSize: 12 }}
          />
          <Bar dataKey="surplusTonnes" fill={projectColours.surplus} isAnimationActive={false} />
          <Bar dataKey="demandTonnes" fill={projectColours.demand} isAnimationActive={false} />
          <Line dataKey="netTonnes" type="linear" stroke="#222" strokeWidth={2} dot={false} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
