/** The road network's summary as table rows with units, in the user's language — pure. */
import type { RoadGraphSummary } from "../../../core/haul/road-graph-summary";
import type { MessageKey } from "../../i18n/i18n";
import type { Translator } from "../../i18n/use-t";

export interface SummaryRow {
  label: MessageKey;
  value: string;
}

/** Edges, nodes, connected components (with the largest one's share), total length and one-way edges. */
export function summaryRows(summary: RoadGraphSummary, tr: Translator): SummaryRow[] {
  return [
    { label: "roadNetwork.edges", value: tr.num(summary.edges) },
    { label: "roadNetwork.nodes", value: tr.num(summary.nodes) },
    { label: "roadNetwork.components", value: tr.num(summary.connectedComponents) },
    { label: "roadNetwork.largestShare", value: tr.withUnit(summary.largestComponentShare * 100, "%", 1) },
    { label: "roadNetwork.length", value: tr.withUnit(summary.totalLengthKm, tr.t("unit.km"), 1) },
    { label: "roadNetwork.oneWay", value: tr.num(summary.oneWayEdges) },
  ];
}

/** The coordinate systems offered for an imported network (DESIGN §5); "" = what the file says. */
export const roadNetworkCrsChoices = ["", "EPSG:25832", "EPSG:25833", "EPSG:25835", "EPSG:4326", "EPSG:3857"] as const;
