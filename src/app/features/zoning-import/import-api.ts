/**
 * File uploads of plan data and road networks in any vector format (GeoPackage, zipped Shapefile,
 * KML/KMZ, FlatGeobuf, GeoJSON, SOSI, GML): the file's bytes as the body, the options as the query.
 * Like `api/client.ts`, every call answers a value and never throws.
 */
import type { ApiFailure, ApiResult } from "../../api/client";
import { fileLayersSchema, type FileLayer } from "../../../core/zoning/file-layers";
import type { RoadNetworkInfo, ZoningImportSummary } from "../sites/sites-api";

/** The bytes to the path; the answer's status and parsed JSON body, or a failure when no answer came. */
async function postFile(path: string, bytes: ArrayBuffer): Promise<{ status: number; statusText: string; body: unknown } | { failure: ApiFailure }> {
  try {
    const response = await fetch(path, {
      method: "POST",
      credentials: "same-origin",
      headers: { accept: "application/json", "content-type": "application/octet-stream" },
      body: bytes,
    });
    let body: unknown = undefined;
    try {
      body = await response.json();
    } catch {
      // A proxy error page: the status alone tells the story.
    }
    return { status: response.status, statusText: response.statusText, body };
  } catch (error) {
    return { failure: { status: 0, code: "network", message: String(error), fields: [] } };
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;

/** An answer that was not ok as an `ApiFailure`: the error's code, message and fields, else the status. */
function failureOfAnswer({ status, statusText, body }: { status: number; statusText: string; body: unknown }): ApiFailure {
  const error = isObject(body) && isObject(body.error) ? body.error : undefined;
  return {
    status,
    code: typeof error?.code === "string" ? error.code : `http_${status}`,
    message: typeof error?.message === "string" ? error.message : statusText,
    fields: Array.isArray(error?.fields) ? (error.fields as ApiFailure["fields"]) : [],
  };
}

const queryOf = (options: Record<string, string | boolean | undefined>) => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(options)) {
    if (value === true) params.set(key, "true");
    else if (typeof value === "string" && value.trim()) params.set(key, value.trim());
  }
  return params.toString();
};

export interface ZoningFileImportOptions {
  /** sosi, gml, geojson, geopackage, shapefile, kml or flatgeobuf; undefined: the server tells it from the content. */
  format?: string | undefined;
  fileName: string;
  /** The layer of a GeoPackage, zipped Shapefile or KML to read (default: every layer with plan areas). */
  layer?: string | undefined;
  crs?: string;
  codeProperty?: string;
  dryRun?: boolean;
  skipInvalid?: boolean;
}

/** The query of a zoning import (pure; empty options are left out). */
export const zoningFileImportQuery = (options: ZoningFileImportOptions) =>
  queryOf({
    format: options.format,
    fileName: options.fileName,
    layer: options.layer,
    crs: options.crs,
    codeProperty: options.codeProperty,
    dryRun: options.dryRun,
    skipInvalid: options.skipInvalid,
  });

export type ZoningFileSummary = ZoningImportSummary & { layers?: FileLayer[] };

const isSummary = (body: unknown): body is ZoningImportSummary =>
  typeof body === "object" && body !== null && Array.isArray((body as ZoningImportSummary).skipped);

/** The file's layers in an answer (a summary or a 400), when it lists them. */
export function layersOf(body: unknown): FileLayer[] | undefined {
  const parsed = fileLayersSchema.safeParse(body);
  return parsed.success ? parsed.data.layers : undefined;
}

/**
 * `POST /api/zoning/import` with the file's bytes. A summary (dry run, import, or a 400
 * `invalid_objects` that imported nothing) comes back with its status; otherwise a failure, with
 * the file's layers when the server listed them (a GeoPackage where no layer held plan areas).
 */
export async function importZoningFile(
  bytes: ArrayBuffer,
  options: ZoningFileImportOptions,
): Promise<{ ok: true; status: number; summary: ZoningFileSummary } | { ok: false; failure: ApiFailure; layers?: FileLayer[] }> {
  const sent = await postFile(`/api/zoning/import?${zoningFileImportQuery(options)}`, bytes);
  if ("failure" in sent) return { ok: false, failure: sent.failure };
  const layers = layersOf(sent.body);
  if (isSummary(sent.body)) return { ok: true, status: sent.status, summary: { ...sent.body, ...(layers ? { layers } : {}) } };
  return { ok: false, failure: failureOfAnswer(sent), ...(layers ? { layers } : {}) };
}

/** `POST /api/road-network?name=&crs=&layer=&fileName=` with the file's bytes in any vector format. */
export async function importRoadNetworkFile(
  bytes: ArrayBuffer,
  options: { fileName: string; name?: string; crs?: string; layer?: string },
): Promise<ApiResult<RoadNetworkInfo>> {
  const sent = await postFile(`/api/road-network?${queryOf({ name: options.name, crs: options.crs, layer: options.layer, fileName: options.fileName })}`, bytes);
  if ("failure" in sent) return { ok: false, failure: sent.failure };
  if (sent.status >= 200 && sent.status < 300) return { ok: true, value: sent.body as RoadNetworkInfo };
  return { ok: false, failure: failureOfAnswer(sent) };
}
