/**
 * The drawing controller: terra-draw on the MapLibre map, driven by `sites.drawing` in the store.
 * "draw": the polygon mode (click corners; a double-click on the last corner, a click on the first,
 * or Enter finishes; Escape cancels). "edit": the select mode on the form's outline (drag corners,
 * drag a midpoint to add one). terra-draw is loaded on first use, so the main bundle does not carry it.
 */
import { useMap } from "@vis.gl/react-maplibre";
import type { Map as MapLibreMap } from "maplibre-gl";
import type { TerraDraw } from "terra-draw";
import { useEffect, useState } from "react";
import type { AreaGeometry } from "../../core/geo/geometry";
import { useT } from "../i18n/use-t";
import { useAppStore } from "../state/store";

type Draw = TerraDraw;

const editedId = "site-outline";

/** The polygon terra-draw holds, as a closed WGS84 polygon, or null when it is not one. */
export function outlineOf(geometry: { type: string; coordinates: unknown } | undefined): AreaGeometry | null {
  if (!geometry || geometry.type !== "Polygon") return null;
  const rings = geometry.coordinates as [number, number][][];
  if (!Array.isArray(rings[0]) || rings[0].length < 4) return null;
  return { type: "Polygon", coordinates: rings.map((ring) => ring.map(([lon, lat]) => [lon, lat] as [number, number])) } as AreaGeometry;
}

async function createDraw(map: MapLibreMap): Promise<Draw> {
  const [{ TerraDraw, TerraDrawPolygonMode, TerraDrawSelectMode }, { TerraDrawMapLibreGLAdapter }] = await Promise.all([
    import("terra-draw"),
    import("terra-draw-maplibre-gl-adapter"),
  ]);
  const colour = "#d1495b" as const;
  return new TerraDraw({
    adapter: new TerraDrawMapLibreGLAdapter({ map, coordinatePrecision: 7 }),
    modes: [
      new TerraDrawPolygonMode({
        keyEvents: { cancel: "Escape", finish: "Enter" },
        styles: { fillColor: colour, fillOpacity: 0.25, outlineColor: colour, outlineWidth: 2, closingPointColor: "#ffffff", closingPointOutlineColor: colour, closingPointOutlineWidth: 2, closingPointWidth: 6 },
      }),
      new TerraDrawSelectMode({
        flags: {
          polygon: { feature: { draggable: false, coordinates: { midpoints: true, draggable: true, deletable: true } } },
        },
        styles: { selectedPolygonColor: colour, selectedPolygonOutlineColor: colour, selectionPointColor: colour, midPointColor: "#ffffff", midPointOutlineColor: colour },
      }),
    ],
  });
}

/** Stops drawing; an edited outline goes back to what it was when the edit began. */
function cancelDrawing(): void {
  const { sites, changeSiteOutline, stopSiteDrawing } = useAppStore.getState();
  if (sites.drawing.mode === "edit") changeSiteOutline(sites.drawing.geometry);
  stopSiteDrawing();
}

/** Renders the hint over the map while drawing; the drawing itself happens in MapLibre's canvas. */
export function SiteDrawingController() {
  const { current } = useMap();
  const drawing = useAppStore((s) => s.sites.drawing);
  const { t } = useT();
  // Which drawing session the tool has loaded for; anything else is still loading.
  const [loadedFor, setLoadedFor] = useState<{ mode: string; status: "ready" | "failed" } | null>(null);
  const mode = drawing.mode;
  const editGeometry = drawing.mode === "edit" ? drawing.geometry : null;

  useEffect(() => {
    const map = current?.getMap();
    if (!map || mode === "off") return;
    let cancelled = false;
    let draw: Draw | null = null;
    const store = useAppStore.getState;
    const doubleClickZoom = map.doubleClickZoom.isEnabled();
    // A double-click finishes the outline; it must not also zoom the map.
    map.doubleClickZoom.disable();
    // terra-draw listens for keys on the map's canvas: give it focus so Enter and Escape reach it.
    map.getCanvas().focus({ preventScroll: true });

    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      // Escape cancels the drawing, not the details panel or the form underneath.
      event.stopPropagation();
      cancelDrawing();
    };
    document.addEventListener("keydown", onKeyDown, true);

    void createDraw(map).then(
      (created) => {
        if (cancelled) return;
        draw = created;
        draw.start();
        if (mode === "draw") {
          draw.setMode("polygon");
          draw.on("finish", (id, context) => {
            if (context.action !== "draw") return;
            const outline = outlineOf(draw?.getSnapshotFeature(id)?.geometry);
            if (outline) store().finishSiteOutline(outline);
          });
        } else if (editGeometry?.type === "Polygon") {
          draw.setMode("select");
          draw.addFeatures([{ id: editedId, type: "Feature", geometry: editGeometry, properties: { mode: "polygon" } }]);
          draw.selectFeature(editedId);
          draw.on("change", (ids, type) => {
            if (type !== "update" || !ids.includes(editedId)) return;
            const outline = outlineOf(draw?.getSnapshotFeature(editedId)?.geometry);
            if (outline) store().changeSiteOutline(outline);
          });
        }
        setLoadedFor({ mode, status: "ready" });
        map.getCanvas().setAttribute("data-drawing", mode);
      },
      () => !cancelled && setLoadedFor({ mode, status: "failed" }),
    );

    return () => {
      cancelled = true;
      document.removeEventListener("keydown", onKeyDown, true);
      map.getCanvas().removeAttribute("data-drawing");
      if (draw) {
        draw.stop();
        draw = null;
      }
      if (doubleClickZoom) map.doubleClickZoom.enable();
      setLoadedFor(null);
    };
    // The edit geometry seeds the session only; later changes come from terra-draw itself.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [current, mode]);

  if (mode === "off") return null;
  const status = loadedFor?.mode === mode ? loadedFor.status : "loading";
  return (
    <div className="drawing-hint" role="status">
      <p>{status === "loading" ? t("sites.drawing.loading") : status === "failed" ? t("sites.drawing.failed") : t(mode === "draw" ? "sites.drawing.hint" : "sites.drawing.editHint")}</p>
      <div className="drawing-hint-actions">
        {mode === "edit" && (
          <button type="button" className="button button-accent" onClick={() => useAppStore.getState().stopSiteDrawing()}>
            {t("sites.drawing.done")}
          </button>
        )}
        <button type="button" className="button" onClick={cancelDrawing}>
          {t("sites.drawing.cancel")}
        </button>
      </div>
    </div>
  );
}
