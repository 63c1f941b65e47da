import { useT } from "../../i18n/use-t";
import { massBarColours, massBarKeys, type MassBars } from "./mass-bars";

/**
 * One scenario's tonnes reused, to landfill, virgin and through storage as horizontal bars on a
 * given axis maximum (shared across the scenarios shown together). Plain SVG: small, printable,
 * and the numbers are written beside the bars, so colour is never the only cue.
 */
export function MassBarsChart({ title, bars, maxTonnes, large = false }: { title: string; bars: MassBars; maxTonnes: number; large?: boolean }) {
  const { t, withUnit } = useT();
  const rowHeight = large ? 44 : 26;
  const labelWidth = large ? 260 : 130;
  const valueWidth = large ? 200 : 100;
  const barWidth = large ? 560 : 260;
  const fontSize = large ? 26 : 13;
  const width = labelWidth + barWidth + valueWidth;
  const height = massBarKeys.length * rowHeight + fontSize + 8;
  return (
    <figure className="mass-bars">
      <svg role="img" aria-label={title} viewBox={`0 0 ${width} ${height}`} width="100%" style={{ maxWidth: width }}>
        {massBarKeys.map((key, i) => {
          const y = i * rowHeight;
          const w = (Math.max(0, bars[key]) / Math.max(1, maxTonnes)) * barWidth;
          return (
            <g key={key}>
              <text x={0} y={y + rowHeight * 0.65} fontSize={fontSize} fill="currentColor">
                {t(`compare.bar.${key}`)}
              </text>
              <rect x={labelWidth} y={y + rowHeight * 0.15} width={w} height={rowHeight * 0.7} fill={massBarColours[key]} />
              <text x={labelWidth + w + 8} y={y + rowHeight * 0.65} fontSize={fontSize} fill="currentColor">
                {withUnit(bars[key], "t")}
              </text>
            </g>
          );
        })}
        <line x1={labelWidth} x2={labelWidth + barWidth} y1={massBarKeys.length * rowHeight + 2} y2={massBarKeys.length * rowHeight + 2} stroke="currentColor" />
        <text x={labelWidth + barWidth} y={height - 2} fontSize={fontSize * 0.8} textAnchor="end" fill="currentColor">
          {withUnit(maxTonnes, "t")}
        </text>
        <text x={labelWidth} y={height - 2} fontSize={fontSize * 0.8} fill="currentColor">
          0
        </text>
      </svg>
      <figcaption className="visually-hidden">{title}</figcaption>
    </figure>
  );
}
