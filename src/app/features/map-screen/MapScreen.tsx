import { lazy, Suspense, useEffect } from "react";
import type { Me } from "../../../core/domain/accounts";
import { useT } from "../../i18n/use-t";
import { DataStatus } from "../../ui/DataStatus";
import { DemoBanner } from "../../ui/DemoBanner";
import { Header } from "../../ui/Header";
import { DetailsPanel } from "../details/DetailsPanel";
import { LayerPanel } from "../layers/LayerPanel";
import { loadMapData } from "../map-data/load-map-data";

// MapLibre is most of the bundle; the sign-in page should not wait for it.
const MapView = lazy(() => import("../../map/MapView").then((module) => ({ default: module.MapView })));

/** The signed-in screen: header, map, layer panel on the left, details on the right. */
export function MapScreen({ user }: { user: Me }) {
  const { t } = useT();
  useEffect(() => {
    void loadMapData();
  }, []);
  return (
    <div className="app-shell">
      <Header user={user} />
      <DemoBanner />
      <main className="workspace">
        <Suspense fallback={<div className="map-container map-placeholder" aria-busy="true" aria-label={t("map.label")} />}>
          <MapView />
        </Suspense>
        <LayerPanel />
        <DataStatus />
        <DetailsPanel />
      </main>
    </div>
  );
}
