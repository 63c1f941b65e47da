/**
 * Delivered flows on the map (issue 16 item 2): the live loads summed per (from, to), dashed and
 * beside the planned flows, with a popup naming the route, the tonnes and the number of loads.
 * Fetched only while switched on; while a matching result shows one month, only that month's loads.
 * Rendered inside the map component (it needs the map's context).
 */
import { Layer, Popup, Source, useMap, type MapLayerMouseEvent } from "@vis.gl/react-maplibre";
import type { MapMouseEvent } from "maplibre-gl";
import { useEffect, useMemo, useState } from "react";
import { refreshDeliveredFlows } from "../features/delivered/delivered-flows-actions";
import { useT } from "../i18n/use-t";
import { useDeliveredFlows, useDeliveredMonth } from "../state/delivered-flows-store";
import { useProjectsWithLots } from "../features/map-data/projects-with-lots";
import { useAppStore } from "../state/store";
import { deliveredFlowLayerIds, deliveredFlowLayers, deliveredFlowSourceId, deliveredFlowsToFeatures, deliveredPlaces, type DeliveredFlowProperties } from "./delivered-flow-layers";
import { flowsToFeatures, maxLineTonnes } from "./flow-layers";
import { slotId } from "./style";

interface Picked {
  lngLat: [number, number];
  props: DeliveredFlowProperties;
}

export function DeliveredFlowsOnMap() {
  const { current: map } = useMap();
  const { t, withUnit } = useT();
  const visible = useDeliveredFlows((s) => s.visible);
  const revision = useDeliveredFlows((s) => s.revision);
  const data = useDeliveredFlows((s) => s.data);
  const month = useDeliveredMonth();
  // Loads name lots, so the places need the lots: fetched when the layer is first switched on.
  const { projects } = useProjectsWithLots(visible);
  const sites = useAppStore((s) => s.data.sites);
  const shown = useAppStore((s) => s.matching.shown);
  const [picked, setPicked] = useState<Picked | null>(null);

  useEffect(() => {
    if (visible) void refreshDeliveredFlows(month);
  }, [visible, month, revision]);

  const places = useMemo(() => deliveredPlaces(projects, sites, (m) => t(`material.${m}`)), [projects, sites, t]);
  const features = useMemo(() => deliveredFlowsToFeatures(data.status === "ready" ? data.items : [], places), [data, places]);
  // One width scale with the planned flows when a result is shown, so the two widths compare.
  const plannedMax = useMemo(() => {
    if (!shown || shown.result.status === "error") return 1;
    const locations = Object.fromEntries(Object.entries(shown.places).map(([id, p]) => [id, p.location]));
    return maxLineTonnes(flowsToFeatures(shown.result.flows, locations));
  }, [shown]);
  const maxTonnes = Math.max(plannedMax, maxLineTonnes(features.collection));

  // A popup over the line under the pointer (or the one tapped).
  useEffect(() => {
    if (!map || !visible) return;
    const layer = deliveredFlowLayerIds.line;
    const pick = (event: MapLayerMouseEvent) => {
      const props = event.features?.[0]?.properties as DeliveredFlowProperties | undefined;
      if (props) setPicked({ lngLat: [event.lngLat.lng, event.lngLat.lat], props });
    };
    const enter = () => (map.getCanvas().style.cursor = "pointer");
    const leave = () => {
      map.getCanvas().style.cursor = "";
      setPicked(null);
    };
    // On a touch screen no pointer leaves the line: a tap beside it closes the popup.
    const tap = (event: MapMouseEvent) => {
      if (map.getLayer(layer) && map.queryRenderedFeatures(event.point, { layers: [layer] }).length === 0) setPicked(null);
    };
    map.on("mousemove", layer, pick);
    map.on("click", layer, pick);
    map.on("click", tap);
    map.on("mouseenter", layer, enter);
    map.on("mouseleave", layer, leave);
    return () => {
      map.off("mousemove", layer, pick);
      map.off("click", layer, pick);
      map.off("click", tap);
      map.off("mouseenter", layer, enter);
      map.off("mouseleave", layer, leave);
      setPicked(null);
    };
  }, [map, visible]);

  if (!visible) return null;
  return (
    <>
      <Source id={deliveredFlowSourceId} type="geojson" data={features.collection}>
        {deliveredFlowLayers(deliveredFlowSourceId, { maxTonnes }).map((spec) => (
          <Layer key={spec.id} {...spec} beforeId={slotId("draft")} />
        ))}
      </Source>
      {picked && (
        <Popup longitude={picked.lngLat[0]} latitude={picked.lngLat[1]} closeButton={false} closeOnClick={false} anchor="bottom" offset={10} className="delivered-popup" maxWidth="18rem">
          <p className="delivered-popup-kicker">{t("deliveredFlows.popupTitle")}</p>
          <p className="delivered-popup-route">
            {picked.props.fromName} → {picked.props.toName}
          </p>
          <p>
            {withUnit(picked.props.tonnes, t("unit.tonnes"), 1)} · {t("deliveredFlows.loads", { count: picked.props.loads })}
          </p>
          <p className="muted small">
            {picked.props.material === "" ? t("deliveredFlows.noMaterial") : t(`material.${picked.props.material}`)} ·{" "}
            {t("deliveredFlows.period", { first: picked.props.firstTime.slice(0, 10), last: picked.props.lastTime.slice(0, 10) })}
          </p>
        </Popup>
      )}
    </>
  );
}
