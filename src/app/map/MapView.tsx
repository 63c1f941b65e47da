/**
 * The map: MapLibre through @vis.gl/react-maplibre. The only component that talks to MapLibre;
 * it adds the layers the pure builders in `layers.ts` describe and turns clicks into selections.
 * The map instance stays in a ref (and on `window.__massekartMap` for browser tests), never in the store.
 */
import {
  AttributionControl,
  Layer,
  Map,
  ScaleControl,
  Source,
  type MapLayerMouseEvent,
  type MapRef,
} from "@vis.gl/react-maplibre";
import * as maplibregl from "maplibre-gl";
import type { GeoJSONSource, LayerSpecification, Map as MapLibreMap } from "maplibre-gl";
import "maplibre-gl/dist/maplibre-gl.css";
import workerUrl from "maplibre-gl/dist/maplibre-gl-worker.mjs?url";
import { useEffect, useMemo, useRef, useState } from "react";
import { siteKinds } from "../../core/domain/records";
import { bboxOf, type Bbox, type LocationGeometry } from "../../core/geo/geometry";
import { wgs84 } from "../../core/geo/projections";
import { topoTileUrl } from "../config";
import { useT } from "../i18n/use-t";
import { withPickedLocation } from "../features/projects/draft";
import { shownProjects } from "../state/registry-slice";
import { useAppStore } from "../state/store";
import { draftPoint, focusPadding } from "./focus";
import { roadNetworkLayers, roadNetworkSource, roadNetworkSourceId } from "./road-network-layers";
import { SiteDrawingController } from "./site-drawing";
import { FlowsOnMap } from "./FlowsOnMap";
import { DeliveredFlowsOnMap } from "./DeliveredFlowsOnMap";
import { RecommendedSitesOnMap } from "./RecommendedSitesOnMap";
import { siteClickedOnMap } from "../features/scenarios/scenario-actions";
import { hazardZonesToFeatures, projectAreasToFeatures, projectPointsToFeatures, sitesToFeatures, zoningToFeatures } from "./features";
import {
  askerLandLayers,
  boundaryLayers,
  builtUpLayers,
  clickableLayers,
  draftLocationLayers,
  hazardZoneLayers,
  layerIds,
  neighbourLayers,
  placeLayers,
  projectClusterOptions,
  projectLayers,
  roadLayers,
  siteLayers,
  topoLayers,
  zoningLayers,
  zoningMinZoom,
} from "./layers";
import { askerBbox, baseStyle, basemapSource, kartverketAttribution, slotId, sourceIds, topoSource, type Slot } from "./style";

// Without this a production build fails with "Worker failed to load" (STACK-NOTES).
maplibregl.setWorkerUrl(workerUrl);

declare global {
  interface Window {
    /** The live map, for browser tests (`queryRenderedFeatures`, `getLayer` …). */
    __massekartMap?: MapLibreMap;
  }
}

/** Every GeoJSON source; the map counts as ready once all of them have loaded. */
const geojsonSourceIds = [
  sourceIds.municipalities,
  sourceIds.asker,
  sourceIds.builtUp,
  sourceIds.roads,
  sourceIds.places,
  sourceIds.zoning,
  sourceIds.zones,
  sourceIds.projects,
  sourceIds.projectPoints,
  ...siteKinds.map(sourceIds.site),
];

const interactiveLayerIds = [...Object.keys(clickableLayers), layerIds.projectsCluster];
const fitPaddingPx = 32;
/** Zoom when flying to one project: past the clustering, so it shows as itself. */
const focusMaxZoom = 13;

function LayersInSlot({ layers, slot }: { layers: LayerSpecification[]; slot: Slot }) {
  return layers.map((spec) => <Layer key={spec.id} {...spec} beforeId={slotId(slot)} />);
}

/** The bounding box of every feature of a FeatureCollection. */
function bboxOfCollection(data: unknown): Bbox | null {
  const features = (data as { features?: { geometry?: LocationGeometry | null }[] }).features ?? [];
  let box: Bbox | null = null;
  for (const feature of features) {
    if (!feature.geometry) continue;
    const b = bboxOf(feature.geometry);
    box = box ? [Math.min(box[0], b[0]), Math.min(box[1], b[1]), Math.max(box[2], b[2]), Math.max(box[3], b[3])] : b;
  }
  return box;
}

export function MapView() {
  const mapRef = useRef<MapRef>(null);
  const [loaded, setLoaded] = useState(false);
  const [fitted, setFitted] = useState(false);
  const [hovering, setHovering] = useState(false);
  const { t, lang } = useT();
  const visibility = useAppStore((s) => s.layout.visibility);
  const data = useAppStore((s) => s.data);
  const selection = useAppStore((s) => s.selection);
  const select = useAppStore((s) => s.select);
  const filtered = useAppStore((s) => s.registry.filtered);
  const editor = useAppStore((s) => s.editor);
  const mapFocus = useAppStore((s) => s.layout.mapFocus);
  const leftPanel = useAppStore((s) => s.layout.layerPanelOpen || s.layout.projectsPanelOpen);
  const picking = editor.open && editor.picking;
  const roadNetwork = useAppStore((s) => (s.sites.roadNetworkVisible ? s.sites.roadNetworkRevision : null));
  const draftLocation = editor.open ? editor.history.draft.location : undefined;

  const style = useMemo(() => baseStyle(), []);
  const origin = window.location.origin;
  const topoUrl = useMemo(() => topoTileUrl(), []);
  // The list's filters apply to the map: it shows the projects (and lots) they pick.
  const shown = shownProjects(data.projects, filtered);
  const projectAreas = useMemo(() => projectAreasToFeatures(shown), [shown]);
  const projectPoints = useMemo(() => projectPointsToFeatures(shown), [shown]);
  const draft = useMemo(() => draftPoint(draftLocation), [draftLocation]);
  const sites = useMemo(
    () => Object.fromEntries(siteKinds.map((kind) => [kind, sitesToFeatures(data.sites, kind)])),
    [data.sites],
  );
  const zoning = useMemo(() => zoningToFeatures(data.zoning, lang), [data.zoning, lang]);
  const zones = useMemo(() => hazardZonesToFeatures(data.zones, lang), [data.zones, lang]);
  const selectedId = (kind: "project" | "site" | "zoning" | "zone") => (selection?.kind === kind ? selection.id : null);
  const projectSpecs = projectLayers(sourceIds.projects, {
    visible: visibility.projects,
    selectedId: selectedId("project"),
    pointsSourceId: sourceIds.projectPoints,
  });

  // Fit to Asker's boundary once its file has loaded (the first frame uses a built-in extent).
  useEffect(() => {
    const map = mapRef.current?.getMap();
    if (!loaded || !map || fitted) return;
    let cancelled = false;
    const tryFit = () => {
      if (!map.getSource(sourceIds.asker) || !map.isSourceLoaded(sourceIds.asker)) return;
      map.off("sourcedata", tryFit);
      void (map.getSource(sourceIds.asker) as GeoJSONSource).getData().then(
        (geojson) => {
          if (cancelled) return;
          const box = bboxOfCollection(geojson);
          if (box) map.fitBounds(box, { padding: fitPaddingPx, duration: 0 });
          setFitted(true);
        },
        () => !cancelled && setFitted(true),
      );
    };
    // A missing boundary file must not hold the map back forever: keep the built-in extent.
    const onError = (e: object) => {
      // Source errors carry the source id beside the error.
      if ("sourceId" in e && e.sourceId === sourceIds.asker) setFitted(true);
    };
    map.on("sourcedata", tryFit);
    map.on("error", onError);
    tryFit();
    return () => {
      cancelled = true;
      map.off("sourcedata", tryFit);
      map.off("error", onError);
    };
  }, [loaded, fitted]);

  // Tell browser tests the map is ready: style, every GeoJSON source and the API data are in.
  const dataSettled = data.status === "ready" || data.status === "error";
  useEffect(() => {
    const map = mapRef.current?.getMap();
    if (!loaded || !map || !fitted || !dataSettled) return;
    const check = () => {
      const allLoaded = geojsonSourceIds.every((id) => map.getSource(id) !== undefined && map.isSourceLoaded(id));
      if (allLoaded && map.isStyleLoaded()) {
        document.body.dataset.mapReady = "true";
        map.off("idle", check);
      }
    };
    map.on("idle", check);
    // Makes sure an `idle` follows even if the map was already idle when the data arrived.
    map.triggerRepaint();
    return () => {
      map.off("idle", check);
    };
  }, [loaded, fitted, dataSettled]);

  // MapLibre names its canvas "Map" in English only; name it in the user's language.
  useEffect(() => {
    if (loaded) mapRef.current?.getMap().getCanvas().setAttribute("aria-label", t("map.label"));
  }, [loaded, t]);

  useEffect(
    () => () => {
      delete document.body.dataset.mapReady;
      delete window.__massekartMap;
    },
    [],
  );

  // Fly to what the list or the form asked for.
  const rightPanel = editor.open || selection !== null;
  useEffect(() => {
    const map = mapRef.current?.getMap();
    if (!loaded || !map || !mapFocus) return;
    const canvas = map.getCanvas();
    const [minLon, minLat, maxLon, maxLat] = mapFocus.bbox;
    map.fitBounds(
      [
        [minLon, minLat],
        [maxLon, maxLat],
      ],
      {
        padding: focusPadding(canvas.clientWidth, canvas.clientHeight, { leftPanel, rightPanel }),
        maxZoom: focusMaxZoom,
        duration: window.matchMedia?.("(prefers-reduced-motion: reduce)").matches ? 0 : 800,
      },
    );
    // Only a new request moves the map, not a panel opening or closing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loaded, mapFocus]);

  const onClick = (event: MapLayerMouseEvent) => {
    // While a site outline is drawn, clicks belong to the drawing, not to selection.
    if (useAppStore.getState().sites.drawing.mode !== "off") return;
    if (picking) {
      const { lng, lat } = event.lngLat;
      useAppStore.getState().editDraft((h) => withPickedLocation(h, wgs84(lng, lat)));
      useAppStore.getState().updateEditor((e) => ({ ...e, picking: false }));
      return;
    }
    const feature = event.features?.[0];
    if (feature?.layer.id === layerIds.projectsCluster) {
      const clusterId = Number(feature.properties?.cluster_id);
      const source = mapRef.current?.getMap().getSource(sourceIds.projectPoints) as GeoJSONSource | undefined;
      if (!source || feature.geometry.type !== "Point") return;
      const center = feature.geometry.coordinates as [number, number];
      void source.getClusterExpansionZoom(clusterId).then((zoom) => mapRef.current?.easeTo({ center, zoom: zoom + 0.5 }));
      return;
    }
    const kind = feature ? clickableLayers[feature.layer.id] : undefined;
    const id: unknown = feature?.properties?.id;
    // While a planner edits a scenario, a click on a site takes it in or out of play.
    if (kind === "site" && typeof id === "string" && siteClickedOnMap(id)) return;
    select(kind && typeof id === "string" ? { kind, id } : null);
  };

  return (
    <div className="map-container">
      <Map
        ref={mapRef}
        mapLib={maplibregl}
        mapStyle={style}
        initialViewState={{ bounds: askerBbox, fitBoundsOptions: { padding: fitPaddingPx } }}
        canvasContextAttributes={{ preserveDrawingBuffer: true }}
        attributionControl={false}
        style={{ position: "absolute", inset: 0 }}
        interactiveLayerIds={interactiveLayerIds}
        cursor={picking ? "crosshair" : hovering ? "pointer" : undefined}
        onMouseEnter={() => setHovering(true)}
        onMouseLeave={() => setHovering(false)}
        onClick={onClick}
        onLoad={(event) => {
          window.__massekartMap = event.target;
          setLoaded(true);
        }}
      >
        <ScaleControl position="bottom-left" unit="metric" />
        <AttributionControl position="bottom-right" compact={false} customAttribution={kartverketAttribution} />

        <Source id={sourceIds.municipalities} {...basemapSource("municipalities", origin)}>
          <LayersInSlot slot="land" layers={neighbourLayers(sourceIds.municipalities)} />
        </Source>
        <Source id={sourceIds.asker} {...basemapSource("asker", origin)}>
          <LayersInSlot slot="askerLand" layers={askerLandLayers(sourceIds.asker)} />
          <LayersInSlot slot="boundary" layers={boundaryLayers(sourceIds.asker, { visible: visibility.boundary })} />
        </Source>
        <Source id={sourceIds.builtUp} {...basemapSource("builtUp", origin)}>
          <LayersInSlot slot="builtUp" layers={builtUpLayers(sourceIds.builtUp, { visible: visibility.builtUp })} />
        </Source>
        {/* Mounted only when switched on, so with it off not a single request leaves the machine. */}
        {visibility.topo && (
          <Source id={sourceIds.topo} {...topoSource(topoUrl)}>
            <LayersInSlot slot="topo" layers={topoLayers(sourceIds.topo)} />
          </Source>
        )}
        <Source id={sourceIds.zoning} type="geojson" data={zoning}>
          <LayersInSlot
            slot="zoning"
            layers={zoningLayers(sourceIds.zoning, {
              visible: visibility.zoning,
              selectedId: selectedId("zoning"),
              minzoom: zoningMinZoom(data.zoning.length),
            })}
          />
        </Source>
        <Source id={sourceIds.zones} type="geojson" data={zones}>
          <LayersInSlot slot="zones" layers={hazardZoneLayers(sourceIds.zones, { visible: visibility.zones, selectedId: selectedId("zone") })} />
        </Source>
        <Source id={sourceIds.roads} {...basemapSource("roads", origin)}>
          <LayersInSlot slot="roads" layers={roadLayers(sourceIds.roads, { visible: visibility.roads })} />
        </Source>
        {siteKinds.map((kind) => (
          <Source key={kind} id={sourceIds.site(kind)} type="geojson" data={sites[kind]!}>
            <LayersInSlot
              slot="sites"
              layers={siteLayers(kind, sourceIds.site(kind), { visible: visibility[kind], selectedId: selectedId("site") })}
            />
          </Source>
        ))}
        {/* Both project sources first, then their layers: the circles draw from the clustered points. */}
        <Source id={sourceIds.projects} type="geojson" data={projectAreas} />
        <Source id={sourceIds.projectPoints} type="geojson" data={projectPoints} {...projectClusterOptions} />
        <LayersInSlot slot="projects" layers={projectSpecs.filter((spec) => spec.id !== layerIds.projectsClusterCount && spec.id !== layerIds.projectSpecialMasses)} />
        {/* Cluster counts above the place names, which would otherwise cover them. */}
        <LayersInSlot slot="dataLabels" layers={projectSpecs.filter((spec) => spec.id === layerIds.projectsClusterCount || spec.id === layerIds.projectSpecialMasses)} />
        <FlowsOnMap />
        {/* After the planned flows, so the delivered ones draw beside and above them. */}
        <DeliveredFlowsOnMap />
        <RecommendedSitesOnMap />
        <Source id={sourceIds.draftLocation} type="geojson" data={draft}>
          <LayersInSlot slot="draft" layers={draftLocationLayers(sourceIds.draftLocation)} />
        </Source>
        {/* The road network in use for haul distances: fetched only when switched on. */}
        {roadNetwork !== null && (
          <Source key={roadNetwork} id={roadNetworkSourceId} {...roadNetworkSource(origin, roadNetwork)}>
            <LayersInSlot slot="roads" layers={roadNetworkLayers(roadNetworkSourceId)} />
          </Source>
        )}
        <SiteDrawingController />
        <Source id={sourceIds.places} {...basemapSource("places", origin)}>
          <LayersInSlot slot="places" layers={placeLayers(sourceIds.places, { visible: visibility.places })} />
        </Source>
      </Map>
      {/* Our own zoom buttons: MapLibre's NavigationControl cannot change language after start-up. */}
      <div className="zoom-controls">
        <button type="button" className="zoom-button" aria-label={t("map.zoomIn")} title={t("map.zoomIn")} onClick={() => mapRef.current?.zoomIn()}>
          <span aria-hidden="true">+</span>
        </button>
        <button type="button" className="zoom-button" aria-label={t("map.zoomOut")} title={t("map.zoomOut")} onClick={() => mapRef.current?.zoomOut()}>
          <span aria-hidden="true">−</span>
        </button>
      </div>
    </div>
  );
}
