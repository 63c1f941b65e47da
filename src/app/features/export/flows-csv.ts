/**
 * Flows of a matching result as CSV (RFC 4180: comma, CRLF, quotes where needed). Column names are
 * stable English identifiers, so scripts can read the file whatever the UI language; numbers use a
 * dot as decimal mark. Pure.
 */
import { csvField } from "../../../core/csv/csv-cell";
import type { Flow } from "../../../core/matching/result";
import type { Endpoints } from "./endpoints";

export const flowCsvColumns = ["from", "fromName", "to", "toName", "kind", "material", "contaminationClass", "month", "tonnes", "km", "needsPermit"] as const;


/** Rounds for a file a person may open: 3 decimals of tonnes and km is well below measurement. */
const round3 = (value: number) => Math.round(value * 1000) / 1000;

export function flowsToCsv(flows: readonly Flow[], endpoints: Endpoints = new Map()): string {
  const lines = [flowCsvColumns.join(",")];
  for (const flow of flows) {
    lines.push(
      [
        flow.from,
        endpoints.get(flow.from)?.name ?? "",
        flow.to,
        endpoints.get(flow.to)?.name ?? "",
        flow.kind,
        flow.material,
        flow.contaminationClass,
        flow.month,
        round3(flow.tonnes),
        round3(flow.km),
        String(flow.needsPermit === true),
      ]
        .map(csvField)
        .join(","),
    );
  }
  return `${lines.join("\r\n")}\r\n`;
}
