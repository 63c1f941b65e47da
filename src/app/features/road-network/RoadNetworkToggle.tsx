import { useT } from "../../i18n/use-t";
import { roadNetworkColour } from "../../map/road-network-colour";
import { useAppStore } from "../../state/store";
import { Swatch } from "../../ui/Swatch";

/** The layer panel's "Road network in use" checkbox: the network haul distances follow, off by default. */
export function RoadNetworkToggle() {
  const { t } = useT();
  const visible = useAppStore((s) => s.sites.roadNetworkVisible);
  return (
    <li className="layer-item">
      <label className="layer-toggle">
        <input type="checkbox" checked={visible} onChange={(e) => useAppStore.getState().setRoadNetworkVisible(e.target.checked)} />
        <Swatch shape="line" colour={roadNetworkColour} />
        <span>{t("roadNetwork.layer")}</span>
      </label>
    </li>
  );
}
