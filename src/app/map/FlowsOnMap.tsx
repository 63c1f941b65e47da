/**
 * The shown result's flows on the map: a GeoJSON source with the layers of `flow-layers.ts`,
 * the month from the month slider, and a fly-to when a flow is picked in the table. Rendered
 * inside the map component (it needs the map's context).
 */
import { Layer, Source, useMap } from "@vis.gl/react-maplibre";
import { useEffect, useMemo } from "react";
import { useAppStore } from "../state/store";
import { flowLayers, flowsToFeatures, flowSourceId, maxLineTonnes } from "./flow-layers";
import { slotId } from "./style";
import { useAfterPaint } from "./use-after-paint";

const emptyFlows = { type: "FeatureCollection" as const, features: [] };

export function FlowsOnMap() {
  const { current: map } = useMap();
  // A new result is drawn once the results panel has painted its key figures (use-after-paint.ts);
  // with the panel closed there is nothing to wait for.
  const figuresFirst = useAppStore((s) => !s.matching.panelOpen || (s.matching.shown !== null && s.matching.figuresShownFor === s.matching.shown.result));
  const shown = useAfterPaint(
    useAppStore((s) => s.matching.shown),
    { ready: figuresFirst },
  );
  const month = useAppStore((s) => s.matching.month);
  const selectedFlow = useAppStore((s) => s.matching.selectedFlow);
  const paths = useAppStore((s) => s.matching.paths);
  const flows = shown && shown.result.status !== "error" ? shown.result.flows : null;
  const places = shown?.places;
  const { locations, names } = useMemo(() => {
    const entries = Object.entries(places ?? {});
    return {
      locations: Object.fromEntries(entries.map(([id, p]) => [id, p.location])),
      names: Object.fromEntries(entries.map(([id, p]) => [id, p.name])),
    };
  }, [places]);
  const data = useMemo(() => (flows ? flowsToFeatures(flows, locations, { month, names, paths }) : emptyFlows), [flows, locations, month, names, paths]);
  // One width scale for every month, so a month's lines compare with the all-months view's.
  const maxTonnes = useMemo(() => (flows ? maxLineTonnes(flowsToFeatures(flows, locations)) : 1), [flows, locations]);

  // Fly to a flow picked in the table.
  useEffect(() => {
    if (!map || selectedFlow === null || !flows) return;
    const flow = flows[selectedFlow];
    const from = flow && locations[flow.from];
    const to = flow && locations[flow.to];
    if (!from || !to) return;
    map.fitBounds(
      [
        [Math.min(from[0], to[0]), Math.min(from[1], to[1])],
        [Math.max(from[0], to[0]), Math.max(from[1], to[1])],
      ],
      { padding: { top: 80, bottom: 80, left: 80, right: 560 }, maxZoom: 13, duration: window.matchMedia?.("(prefers-reduced-motion: reduce)").matches ? 0 : 700 },
    );
  }, [map, selectedFlow, flows, locations]);

  if (!flows) return null;
  return (
    <Source id={flowSourceId} type="geojson" data={data}>
      {flowLayers(flowSourceId, { maxTonnes, selectedIndex: selectedFlow }).map((spec) => (
        <Layer key={spec.id} {...spec} beforeId={slotId("draft")} />
      ))}
    </Source>
  );
}
