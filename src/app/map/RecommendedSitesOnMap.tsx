/**
 * The recommended sites of the open scenario's last recommendation (issue 11), outlined on the
 * map in a wide accent line above the sites' own layers, with a ring at each site's middle so a
 * small site still shows at the municipality's zoom. Rendered inside the map component.
 */
import { Layer, Source } from "@vis.gl/react-maplibre";
import { useMemo } from "react";
import { useAllocationStore } from "../state/allocation-store";
import { useAppStore } from "../state/store";
import type { FilterSpecification } from "maplibre-gl";
import { bboxOf } from "../../core/geo/geometry";
import { slotId } from "./style";

const sourceId = "recommended-sites";
const recommendedColour = "#2b8a3e";
const isArea: FilterSpecification = ["in", ["geometry-type"], ["literal", ["Polygon", "MultiPolygon"]]];

export function RecommendedSitesOnMap() {
  const highlighted = useAllocationStore((s) => s.highlighted);
  const sites = useAppStore((s) => s.data.sites);
  const data = useMemo(
    () => ({
      type: "FeatureCollection" as const,
      features: sites
        .filter((site) => highlighted.includes(site.id))
        .flatMap((site) => {
          const box = bboxOf(site.geometry);
          const properties = { id: site.id, name: site.name };
          return [
            { type: "Feature" as const, geometry: site.geometry, properties },
            { type: "Feature" as const, geometry: { type: "Point" as const, coordinates: [(box[0] + box[2]) / 2, (box[1] + box[3]) / 2] }, properties },
          ];
        }),
    }),
    [sites, highlighted],
  );
  if (data.features.length === 0) return null;
  return (
    <Source id={sourceId} type="geojson" data={data}>
      <Layer id={`${sourceId}-fill`} type="fill" source={sourceId} filter={isArea} paint={{ "fill-color": recommendedColour, "fill-opacity": 0.45 }} beforeId={slotId("draft")} />
      <Layer id={`${sourceId}-line`} type="line" source={sourceId} filter={isArea} paint={{ "line-color": recommendedColour, "line-width": 5 }} beforeId={slotId("draft")} />
      <Layer
        id={`${sourceId}-ring`}
        type="circle"
        source={sourceId}
        filter={["==", ["geometry-type"], "Point"]}
        paint={{ "circle-radius": 16, "circle-color": "rgba(0,0,0,0)", "circle-stroke-color": recommendedColour, "circle-stroke-width": 4 }}
        beforeId={slotId("draft")}
      />
    </Source>
  );
}
