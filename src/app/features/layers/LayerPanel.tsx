/**
 * The layer panel: one checkbox per layer group, each with its legend swatch, and the detailed
 * legends (project balance, road categories, zoning categories, hazard zone groups) under their group.
 */
import { useEffect, useRef, type ReactNode } from "react";
import { siteKinds, type SiteKind } from "../../../core/domain/records";
import { categoryColour, zoningCategories } from "../../../core/zoning/arealformaal";
import { useT } from "../../i18n/use-t";
import { detailedZoningMinZoom, zoningMinZoom } from "../../map/layers";
import { basemapColours, projectBalances, projectColours, roadColours, siteColours, zoneColours, zoneGroups } from "../../map/palette";
import { layerSections, type LayerGroupId } from "../../state/layer-groups";
import { useAppStore } from "../../state/store";
import { layerPanelId } from "../../ui/Header";
import { RoadNetworkToggle } from "../road-network/RoadNetworkToggle";
import { DeliveredFlowsLayerToggle } from "../delivered/DeliveredFlowsToggle";
import { Swatch } from "../../ui/Swatch";
import { SheetClose } from "../../ui/SheetClose";

const isSiteKind = (id: LayerGroupId): id is SiteKind => (siteKinds as readonly string[]).includes(id);

/** The swatch beside a group's checkbox. */
function groupSwatch(id: LayerGroupId): ReactNode {
  if (isSiteKind(id)) return <Swatch shape="fill" colour={siteColours[id]} />;
  switch (id) {
    case "boundary":
      return <Swatch shape="line" colour={basemapColours.askerBoundary} />;
    case "roads":
      return <Swatch shape="line" colour={roadColours.E} />;
    case "places":
      return <Swatch shape="text" colour={basemapColours.placeText} />;
    case "builtUp":
      return <Swatch shape="fill" colour={basemapColours.builtUp} outline="#c9bda8" />;
    case "zoning":
      return <Swatch shape="fill" colour={categoryColour("residential")} outline="#8a8a8a" />;
    case "zones":
      return <Swatch shape="fill" colour={zoneColours.danger} outline={zoneColours.danger} />;
    case "projects":
      return <Swatch shape="circle" colour={projectColours.surplus} outline="#ffffff" />;
    case "topo":
      return <Swatch shape="fill" colour="#d8e6c9" outline="#9bb38a" />;
  }
}

/** The legend entries shown under a group, if it has more than one colour. */
function GroupLegend({ id }: { id: LayerGroupId }) {
  const { t, num } = useT();
  const zoningAreaCount = useAppStore((s) => s.data.zoning.length);
  let note: ReactNode = null;
  let items: { key: string; swatch: ReactNode; label: string }[] = [];
  if (id === "projects") {
    items = projectBalances.map((balance) => ({
      key: balance,
      swatch: <Swatch shape="circle" colour={projectColours[balance]} outline="#ffffff" />,
      label: t(`legend.projects.${balance}`),
    }));
    // The warning over a project with special masses, its codes spelled out.
    items.push({
      key: "special",
      swatch: (
        <span className="legend-symbol" aria-hidden="true">
          ⚠
        </span>
      ),
      label: t("legend.projects.specialMasses"),
    });
  } else if (id === "roads") {
    items = (["E", "R", "F", "K"] as const).map((category) => ({
      key: category,
      swatch: <Swatch shape="line" colour={roadColours[category]} outline={basemapColours.roadCasing} />,
      label: t(`legend.roads.${category}`),
    }));
  } else if (id === "zoning") {
    items = zoningCategories.map((category) => ({
      key: category,
      swatch: <Swatch shape="fill" colour={categoryColour(category)} outline="#8a8a8a" />,
      label: t(`zoningCategory.${category}`),
    }));
  } else if (id === "zones") {
    items = zoneGroups.map((group) => ({
      key: group,
      swatch: <Swatch shape="fill" colour={zoneColours[group]} outline={zoneColours[group]} />,
      label: t(`zoneGroup.${group}`),
    }));
  } else if (id === "topo") {
    return <p className="legend-note">{t("layers.topoNote")}</p>;
  }
  if (id === "zoning" && zoningMinZoom(zoningAreaCount) !== undefined) {
    note = <p className="legend-note">{t("layers.zoningZoomNote", { count: num(zoningAreaCount), zoom: detailedZoningMinZoom })}</p>;
  }
  if (items.length === 0) return null;
  return (
    <>
      {note}
      <ul className="legend-list">
        {items.map((item) => (
          <li key={item.key}>
            {item.swatch}
            <span>{item.label}</span>
          </li>
        ))}
      </ul>
    </>
  );
}

function LayerToggle({ id }: { id: LayerGroupId }) {
  const { t } = useT();
  const visible = useAppStore((s) => s.layout.visibility[id]);
  const toggleLayer = useAppStore((s) => s.toggleLayer);
  return (
    <li className="layer-item">
      <label className="layer-toggle">
        <input type="checkbox" checked={visible} onChange={() => toggleLayer(id)} />
        {groupSwatch(id)}
        <span>{t(`layer.${id}`)}</span>
      </label>
      {visible && <GroupLegend id={id} />}
    </li>
  );
}

export function LayerPanel() {
  const { t } = useT();
  const open = useAppStore((s) => s.layout.layerPanelOpen);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const wasOpen = useRef(open);

  // The panel sits after the map in the page, far from the Layers button: on opening, move focus
  // into it so the next Tab reaches its checkboxes.
  useEffect(() => {
    if (open && !wasOpen.current) headingRef.current?.focus({ preventScroll: true });
    wasOpen.current = open;
  }, [open]);

  return (
    <section id={layerPanelId} className="layer-panel panel" aria-labelledby={`${layerPanelId}-title`} hidden={!open}>
      <h2 id={`${layerPanelId}-title`} className="panel-title" ref={headingRef} tabIndex={-1}>
        {t("layers.title")}
      </h2>
      <SheetClose onClose={() => useAppStore.getState().setLayerPanelOpen(false)} />
      <fieldset>
        <legend>{t("layers.planning")}</legend>
        <ul className="layer-list">
          {layerSections.planning.map((id) => (
            <LayerToggle key={id} id={id} />
          ))}
          <DeliveredFlowsLayerToggle />
        </ul>
      </fieldset>
      <fieldset>
        <legend>{t("layers.basemap")}</legend>
        <ul className="layer-list">
          {layerSections.basemap.map((id) => (
            <LayerToggle key={id} id={id} />
          ))}
          <RoadNetworkToggle />
        </ul>
      </fieldset>
    </section>
  );
}
