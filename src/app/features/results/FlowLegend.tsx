/**
 * What the flow lines mean: width by tonnes, colour by material (only the materials that move), a
 * dashed halo for a permit still needed; with the delivered flows shown, solid for planned and
 * dashed for delivered. Presentational.
 */
import type { Flow } from "../../../core/matching/result";
import { translate, type Lang } from "../../i18n/i18n";
import { materialColours, permitColour } from "../../map/flow-layers";
import { materialsInFlows } from "./result-data";
import { DeliveredSwatch, PlannedSwatch } from "../delivered/DeliveredFlowsToggle";

export function FlowLegend({ flows, lang, delivered = false }: { flows: readonly Flow[]; lang: Lang; delivered?: boolean }) {
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
        {delivered && (
          <>
            <li>
              <PlannedSwatch />
              {translate(lang, "deliveredFlows.planned")}
            </li>
            <li>
              <DeliveredSwatch />
              {translate(lang, "deliveredFlows.delivered")}
            </li>
          </>
        )}
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
