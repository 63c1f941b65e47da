/**
 * The recommended sites of the open scenario's last recommendation (issue 11), outlined on the
 * map in a wide accent line above the sites' own layers. Rendered inside the map component.
 */
import { Layer, Source } from "@vis.gl/react-maplibre";
import { useMemo } from "react";
import { useAllocationStore } from "../state/allocation-store";
import { useAppStore } from "../state/store";
import { slotId } from "./style";

const sourceId = "recommended-sites";
const recommendedColour = "#2b8a3e";

export function RecommendedSitesOnMap() {
  const highlighted = useAllocationStore((s) => s.highlighted);
  const sites = useAppStore((s) => s.data.sites);
  const data = useMemo(
    () => ({
      type: "FeatureCollection" as const,
      features: sites
        .filter((site) => highlighted.includes(site.id))
        .map((site) => ({ type: "Feature" as const, geometry: site.geometry, properties: { id: site.id, name: site.name } })),
    }),
    [sites, highlighted],
  );
  if (data.features.length === 0) return null;
  return (
    <Source id={sourceId} type="geojson" data={data}>
      <Layer id={`${sourceId}-fill`} type="fill" source={sourceId} paint={{ "fill-color": recommendedColour, "fill-opacity": 0.45 }} beforeId={slotId("draft")} />
      <Layer id={`${sourceId}-line`} type="line" source={sourceId} paint={{ "line-color": recommendedColour, "line-width": 5 }} beforeId={slotId("draft")} />
    </Source>
  );
}
