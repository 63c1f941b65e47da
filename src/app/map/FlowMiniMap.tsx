/**
 * A small, non-interactive-by-default map of one scenario's flows for Compare and Presentation
 * mode: the app's offline base style (Asker's land, roads, boundary) with the results view's flow
 * layers on top. Several maps share a `ViewSync`, so panning or zooming one moves the others.
 * `preserveDrawingBuffer` keeps the canvas readable for the PDF export (`toDataURL`).
 */
import * as maplibregl from "maplibre-gl";
import "maplibre-gl/dist/maplibre-gl.css";
import workerUrl from "maplibre-gl/dist/maplibre-gl-worker.mjs?url";
import type { FeatureCollection, LineString, MultiPolygon, Point, Polygon } from "geojson";
import { useEffect, useRef } from "react";
import type { Bbox } from "../../core/geo/geometry";
import { wgs84 } from "../../core/geo/projections";
import { flowLayers, flowSourceId, type FlowFeatureProperties } from "./flow-layers";
import { askerLandLayers, boundaryLayers, neighbourLayers, roadLayers } from "./layers";
import { askerBbox, basemapSource, baseStyle, sourceIds } from "./style";
import type { ViewSync } from "./view-sync";
import { allocationSiteLayers, allocationSourceId, type AllocationSiteProperties } from "./allocation-layers";

maplibregl.setWorkerUrl(workerUrl);

/** A PNG of the map as drawn, for the PDF. */
export interface MapSnapshot {
  dataUrl: string;
  widthPx: number;
  heightPx: number;
}

export interface FlowMiniMapProps {
  /** Accessible name of the map (the canvas's label). */
  label: string;
  flows: FeatureCollection<LineString, FlowFeatureProperties>;
  /** Tonnes of the heaviest line over every map shown together, so widths compare. */
  maxTonnes: number;
  /** What to show first (the flows of all maps together); Asker's extent when absent. */
  bounds?: Bbox | null;
  sync?: ViewSync;
  /** Called with a snapshot function once the map has drawn, and with null when it goes. */
  onSnapshot?: (snapshot: (() => MapSnapshot) | null) => void;
  interactive?: boolean;
  className?: string;
  /** Candidate sites of a recommendation, drawn above the flows (issue 11); fixed for the map's life. */
  sites?: FeatureCollection<Polygon | MultiPolygon | Point, AllocationSiteProperties>;
}

export function FlowMiniMap({ label, flows, maxTonnes, bounds, sync, onSnapshot, interactive = true, className, sites }: FlowMiniMapProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<maplibregl.Map | null>(null);
  const latest = useRef({ flows, maxTonnes, onSnapshot });
  useEffect(() => {
    latest.current = { flows, maxTonnes, onSnapshot };
  });

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const origin = window.location.origin;
    const box = bounds ?? askerBbox;
    const map = new maplibregl.Map({
      container,
      style: baseStyle(),
      bounds: [box[0], box[1], box[2], box[3]],
      fitBoundsOptions: { padding: 24 },
      interactive,
      attributionControl: { compact: true },
      canvasContextAttributes: { preserveDrawingBuffer: true },
    });
    mapRef.current = map;
    map.on("load", () => {
      map.addSource(sourceIds.municipalities, basemapSource("municipalities", origin));
      map.addSource(sourceIds.asker, basemapSource("asker", origin));
      map.addSource(sourceIds.roads, basemapSource("roads", origin));
      map.addSource(flowSourceId, { type: "geojson", data: latest.current.flows });
      if (sites) map.addSource(allocationSourceId, { type: "geojson", data: sites });
      for (const layer of [
        ...neighbourLayers(sourceIds.municipalities),
        ...askerLandLayers(sourceIds.asker),
        ...roadLayers(sourceIds.roads),
        ...boundaryLayers(sourceIds.asker),
        ...flowLayers(flowSourceId, { maxTonnes: latest.current.maxTonnes }),
        ...(sites ? allocationSiteLayers(allocationSourceId) : []),
      ]) {
        map.addLayer(layer);
      }
      map.getCanvas().setAttribute("aria-label", label);
      map.once("idle", () => {
        container.dataset.ready = "true";
        latest.current.onSnapshot?.(() => {
          const canvas = map.getCanvas();
          return { dataUrl: canvas.toDataURL("image/png"), widthPx: canvas.width, heightPx: canvas.height };
        });
      });
    });
    // A move this map makes because another map moved is not passed on, so the maps never echo.
    let applying = false;
    const leave = sync?.join((view) => {
      applying = true;
      try {
        map.jumpTo(view);
      } finally {
        applying = false;
      }
    });
    const onMove = () => {
      if (applying || !sync) return;
      const centre = map.getCenter();
      sync.publish({ center: wgs84(centre.lng, centre.lat), zoom: map.getZoom(), bearing: map.getBearing(), pitch: map.getPitch() }, leave);
    };
    map.on("move", onMove);
    // The view as data, so browser tests can check that synced maps agree.
    const onMoveEnd = () => {
      const centre = map.getCenter();
      container.dataset.view = `${centre.lng.toFixed(5)},${centre.lat.toFixed(5)},${map.getZoom().toFixed(3)}`;
    };
    map.on("moveend", onMoveEnd);
    onMoveEnd();
    return () => {
      leave?.();
      latest.current.onSnapshot?.(null);
      map.remove();
      mapRef.current = null;
      delete container.dataset.ready;
      delete container.dataset.view;
    };
    // The map is made once per mount; flows and widths follow below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const map = mapRef.current;
    const source = map?.getSource(flowSourceId) as maplibregl.GeoJSONSource | undefined;
    if (!map || !source) return;
    source.setData(flows);
    for (const layer of flowLayers(flowSourceId, { maxTonnes })) {
      if (layer.type === "line" && layer.paint?.["line-width"] !== undefined) map.setPaintProperty(layer.id, "line-width", layer.paint["line-width"]);
    }
  }, [flows, maxTonnes]);

  // The canvas carries the accessible name (MapLibre gives it the region role).
  return <div ref={containerRef} className={className ?? "flow-mini-map"} />;
}
