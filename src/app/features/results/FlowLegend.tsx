/** What the flow lines mean: width by tonnes, colour by material (only the materials that move), a dashed halo for a permit still needed. Presentational. */
import type { Flow } from "../../../core/matching/result";
import { translate, type Lang } from "../../i18n/i18n";
import { materialColours, permitColour } from "../../map/flow-layers";
import { materialsInFlows } from "./result-data";

export function FlowLegend({ flows, lang }: { flows: readonly Flow[]; lang: Lang }) {
  const present = materialsInFlows(flows);
  if (present.length === 0) return null;
  const permits = flows.some((flow) => flow.needsPermit === true);
  return (
    <div className="flow-legend">
      <p className="muted small">{translate(lang, "results.legend")}</p>
      <ul className="flow-legend-list">
        {present.map((m) => (
          <li key={m}>
            <span className="flow-swatch" style={{ background: materialColours[m] }} aria-hidden="true" />
            {translate(lang, `material.${m}`)}
          </li>
        ))}
        {permits && (
          <li>
            <span className="flow-swatch flow-swatch-permit" style={{ borderColor: permitColour }} aria-hidden="true" />
            {translate(lang, "results.needsPermit")}
          </li>
        )}
      </ul>
    </div>
  );
}
