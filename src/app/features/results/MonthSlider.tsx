/**
 * Month on the map: a slider from "all months" through each month of the plan, and a play
 * button that steps through the months (the flows on the map animate by month). Presentational.
 */
import { useEffect, useId, useState } from "react";
import { translate, type Lang } from "../../i18n/i18n";

export interface MonthSliderProps {
  months: readonly string[];
  month: string | null;
  onChange: (month: string | null) => void;
  lang: Lang;
  /** Milliseconds per month when playing; default 900. */
  stepMs?: number;
}

export function MonthSlider({ months, month, onChange, lang, stepMs = 900 }: MonthSliderProps) {
  const id = useId();
  const [playing, setPlaying] = useState(false);
  const position = month === null ? 0 : months.indexOf(month) + 1;
  useEffect(() => {
    if (!playing) return;
    const timer = window.setInterval(() => {
      const next = position >= months.length ? 1 : position + 1;
      onChange(months[next - 1] ?? null);
    }, stepMs);
    return () => window.clearInterval(timer);
  }, [playing, position, months, onChange, stepMs]);
  if (months.length === 0) return null;
  const label = month ?? translate(lang, "results.allMonths");
  return (
    <div className="month-slider">
      <label htmlFor={id}>{translate(lang, "results.monthSlider")}</label>
      <input
        id={id}
        type="range"
        min={0}
        max={months.length}
        step={1}
        value={position}
        aria-valuetext={label}
        onChange={(e) => {
          const i = Number(e.target.value);
          onChange(i === 0 ? null : (months[i - 1] ?? null));
        }}
      />
      <output htmlFor={id} className="month-value">
        {label}
      </output>
      <button type="button" className="button button-small" aria-pressed={playing} onClick={() => setPlaying((p) => !p)}>
        {translate(lang, playing ? "results.pause" : "results.play")}
      </button>
    </div>
  );
}
