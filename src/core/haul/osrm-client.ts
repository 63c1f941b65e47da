import { z } from "zod";
import type { LonLat } from "../geo/geometry";
import type { DistanceMatrix, HaulPoint, HaulRoute, UnreachablePair } from "./distance-matrix";

/**
 * The part of `fetch` the OSRM client uses. Core does no I/O of its own: the caller (server, CLI,
 * browser) passes `globalThis.fetch` or a stand-in.
 */
export type FetchLike = (
  url: string,
  init: { signal: AbortSignal; headers: Record<string, string> },
) => Promise<{ ok: boolean; status: number; text(): Promise<string> }>;

export interface OsrmOptions {
  /** Server root, e.g. "http://127.0.0.1:5000" (requests go to `{baseUrl}/table/v1/{profile}/…`). */
  baseUrl: string;
  fetch: FetchLike;
  /** OSRM profile in the URL, default "driving" (osrm-routed answers any name with its one profile). */
  profile?: string;
  /** Per-request time limit, ms, default 10,000. */
  timeoutMs?: number;
  /**
   * The server's `--max-table-size` (osrm-routed default 100): a table request may hold at most
   * maxTableSize² source × destination cells, else OSRM answers "TooBig". Larger matrices are split.
   */
  maxTableSize?: number;
  /** Most coordinates in one request, to keep URLs short (default 400). */
  maxCoordinatesPerRequest?: number;
  /** Requests in flight at once, default 4. */
  concurrency?: number;
  /** A point that OSRM snaps farther than this, km, is flagged like in mode `road`. Default 2 km. */
  maxSnapKm?: number;
}

/** The request failed or the server refused it: the caller falls back to straight lines. */
export type OsrmOutcome<T> = { ok: true; value: T } | { ok: false; problem: string };

// OSRM v5 responses (https://project-osrm.org/docs/v5.24.0/api/): `code` is "Ok" or an error
// code with a `message`; waypoints carry the snap `distance` in metres.
const waypointSchema = z.object({ location: z.tuple([z.number(), z.number()]), distance: z.number().optional(), name: z.string().optional() });
const errorSchema = z.object({ code: z.string(), message: z.string().optional() });
const tableSchema = z.object({
  code: z.literal("Ok"),
  distances: z.array(z.array(z.number().nullable())),
  sources: z.array(waypointSchema),
  destinations: z.array(waypointSchema),
});
const routeSchema = z.object({
  code: z.literal("Ok"),
  routes: z
    .array(
      z.object({
        distance: z.number(),
        geometry: z.object({ type: z.literal("LineString"), coordinates: z.array(z.tuple([z.number(), z.number()])) }),
      }),
    )
    .min(1),
  waypoints: z.array(waypointSchema).length(2),
});

const coordinateText = (points: readonly HaulPoint[]) => points.map((p) => `${p.location[0].toFixed(6)},${p.location[1].toFixed(6)}`).join(";");

/** GET one OSRM URL and parse its JSON, with a timeout; never throws. */
async function osrmGet(url: string, options: OsrmOptions): Promise<{ ok: true; value: unknown } | { ok: false; problem: string; code?: string }> {
  const { fetch, timeoutMs = 10_000 } = options;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const where = `OSRM at ${options.baseUrl}`;
  try {
    const response = await fetch(url, { signal: controller.signal, headers: { accept: "application/json" } });
    const text = await response.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return { ok: false, problem: `${where} answered HTTP ${response.status} with a body that is not JSON.` };
    }
    const error = errorSchema.safeParse(body);
    if (!error.success) return { ok: false, problem: `${where} answered HTTP ${response.status} without an OSRM "code".` };
    if (error.data.code !== "Ok") {
      const problem = `${where} refused the request: ${error.data.code}${error.data.message ? ` (${error.data.message})` : ""}.`;
      return { ok: false, problem, code: error.data.code };
    }
    return { ok: true, value: body };
  } catch (error) {
    if (controller.signal.aborted) return { ok: false, problem: `${where} did not answer within ${timeoutMs} ms.` };
    const cause = error instanceof Error ? ((error.cause as { code?: string } | undefined)?.code ?? error.message) : String(error);
    return { ok: false, problem: `could not reach ${where} (${cause}).` };
  } finally {
    clearTimeout(timer);
  }
}

const base = (options: OsrmOptions) => `${options.baseUrl.replace(/\/+$/, "")}`;

/**
 * Block sizes for a from × to table: each request within maxTableSize² cells and the coordinate
 * limit, with as few requests as possible (tried for every destination block size; cheap).
 */
export function osrmBlocks(fromCount: number, toCount: number, maxTableSize = 100, maxCoordinates = 400): { sources: number; destinations: number } {
  const cells = maxTableSize * maxTableSize;
  let best = { sources: 1, destinations: 1, requests: Infinity };
  for (let destinations = 1; destinations <= Math.max(1, Math.min(toCount, cells, maxCoordinates - 1)); destinations++) {
    const sources = Math.max(1, Math.min(fromCount, Math.floor(cells / destinations), maxCoordinates - destinations));
    const requests = Math.ceil(fromCount / sources) * Math.ceil(toCount / destinations);
    if (requests < best.requests) best = { sources, destinations, requests };
  }
  return { sources: best.sources, destinations: best.destinations };
}

/**
 * Road distances from OSRM's `table` service (DESIGN §3, mode `osrm`), km, in the shape of the
 * other modes: OSRM measures from the snapped positions, so each point's snap distance is added
 * as its connector, and a point snapped more than `maxSnapKm` away is flagged. Split into blocks
 * of at most maxTableSize² cells. Any failed block fails the whole matrix (mixed sources would be
 * worse than a clear fallback).
 */
export async function osrmTable(from: readonly HaulPoint[], to: readonly HaulPoint[], options: OsrmOptions): Promise<OsrmOutcome<DistanceMatrix>> {
  const { profile = "driving", maxTableSize = 100, maxCoordinatesPerRequest = 400, concurrency = 4, maxSnapKm = 2 } = options;
  const km: (number | null)[][] = from.map(() => to.map(() => null));
  const fromSnapM: number[] = from.map(() => 0);
  const toSnapM: number[] = to.map(() => 0);
  if (from.length === 0 || to.length === 0) {
    return { ok: true, value: { from: from.map((p) => p.id), to: to.map((p) => p.id), km, unreachable: [], warnings: [], mode: "osrm" } };
  }
  const block = osrmBlocks(from.length, to.length, maxTableSize, maxCoordinatesPerRequest);
  const jobs: { i0: number; j0: number }[] = [];
  for (let i0 = 0; i0 < from.length; i0 += block.sources) for (let j0 = 0; j0 < to.length; j0 += block.destinations) jobs.push({ i0, j0 });

  let failed: string | undefined;
  const runJob = async ({ i0, j0 }: { i0: number; j0: number }) => {
    const sources = from.slice(i0, i0 + block.sources);
    const destinations = to.slice(j0, j0 + block.destinations);
    const sourceIndexes = sources.map((_, k) => k).join(";");
    const destinationIndexes = destinations.map((_, k) => sources.length + k).join(";");
    const url =
      `${base(options)}/table/v1/${encodeURIComponent(profile)}/${coordinateText([...sources, ...destinations])}` +
      `?sources=${sourceIndexes}&destinations=${destinationIndexes}&annotations=distance`;
    const answer = await osrmGet(url, options);
    if (!answer.ok) {
      failed ??= answer.problem;
      return;
    }
    const table = tableSchema.safeParse(answer.value);
    if (!table.success || table.data.distances.length !== sources.length || table.data.distances.some((row) => row.length !== destinations.length)) {
      failed ??= `OSRM at ${options.baseUrl} answered a table that does not match the request (${sources.length} × ${destinations.length}).`;
      return;
    }
    table.data.sources.forEach((w, k) => (fromSnapM[i0 + k] = w.distance ?? 0));
    table.data.destinations.forEach((w, k) => (toSnapM[j0 + k] = w.distance ?? 0));
    table.data.distances.forEach((row, k) => row.forEach((m, l) => (km[i0 + k]![j0 + l] = m === null ? null : m / 1000)));
  };
  const queue = jobs.slice();
  await Promise.all(
    Array.from({ length: Math.min(concurrency, jobs.length) }, async () => {
      for (let job = queue.shift(); job && failed === undefined; job = queue.shift()) await runJob(job);
    }),
  );
  if (failed !== undefined) return { ok: false, problem: failed };

  const maxSnapM = maxSnapKm * 1000;
  const warnings: string[] = [];
  const far = (points: readonly HaulPoint[], snapM: number[]) =>
    points.map((point, k) => {
      if (snapM[k]! <= maxSnapM) return false;
      warnings.push(`point ${point.id} is ${(snapM[k]! / 1000).toFixed(2)} km from the nearest road OSRM knows (limit ${maxSnapKm} km), so it is not routed: check its location.`);
      return true;
    });
  const fromFar = far(from, fromSnapM);
  const toFar = far(to, toSnapM);
  const unreachable: UnreachablePair[] = [];
  for (let i = 0; i < from.length; i++) {
    for (let j = 0; j < to.length; j++) {
      const a = from[i]!;
      const b = to[j]!;
      if (fromFar[i] || toFar[j]) {
        km[i]![j] = null;
        const which = [fromFar[i] ? a.id : undefined, toFar[j] ? b.id : undefined].filter((id) => id !== undefined);
        unreachable.push({ from: a.id, to: b.id, reason: which.map((id) => `point ${id} is too far from the road network`).join("; ") });
      } else if (a.location[0] === b.location[0] && a.location[1] === b.location[1]) {
        km[i]![j] = 0;
      } else if (km[i]![j] === null) {
        unreachable.push({ from: a.id, to: b.id, reason: `OSRM found no road route from ${a.id} to ${b.id}.` });
      } else {
        km[i]![j] = km[i]![j]! + (fromSnapM[i]! + toSnapM[j]!) / 1000;
      }
    }
  }
  return {
    ok: true,
    value: {
      from: from.map((p) => p.id),
      to: to.map((p) => p.id),
      km,
      unreachable,
      warnings: [...new Set(warnings)],
      connectorKm: { from: fromSnapM.map((m, k) => (fromFar[k] ? null : m / 1000)), to: toSnapM.map((m, k) => (toFar[k] ? null : m / 1000)) },
      mode: "osrm",
    },
  };
}

/** One route from OSRM's `route` service, with its full geometry (GeoJSON) and the connectors added. */
export async function osrmRoute(from: HaulPoint, to: HaulPoint, options: OsrmOptions): Promise<OsrmOutcome<HaulRoute>> {
  const { profile = "driving", maxSnapKm = 2 } = options;
  const url = `${base(options)}/route/v1/${encodeURIComponent(profile)}/${coordinateText([from, to])}?overview=full&geometries=geojson&steps=false`;
  const answer = await osrmGet(url, options);
  if (!answer.ok) {
    // NoRoute is an answer about the pair, not a failure of the server.
    if (answer.code === "NoRoute") {
      return { ok: true, value: { status: "unreachable", from: from.id, to: to.id, reason: `OSRM found no road route from ${from.id} to ${to.id}.`, warnings: [] } };
    }
    return { ok: false, problem: answer.problem };
  }
  const parsed = routeSchema.safeParse(answer.value);
  if (!parsed.success) return { ok: false, problem: `OSRM at ${options.baseUrl} answered a route in an unexpected shape.` };
  const [start, end] = parsed.data.waypoints as [z.infer<typeof waypointSchema>, z.infer<typeof waypointSchema>];
  const fromM = start.distance ?? 0;
  const toM = end.distance ?? 0;
  const tooFar: string[] = [];
  for (const [point, m] of [
    [from, fromM],
    [to, toM],
  ] as const) {
    if (m > maxSnapKm * 1000) tooFar.push(`point ${point.id} is ${(m / 1000).toFixed(2)} km from the nearest road OSRM knows (limit ${maxSnapKm} km).`);
  }
  if (tooFar.length > 0) return { ok: true, value: { status: "unreachable", from: from.id, to: to.id, reason: tooFar.join(" "), warnings: tooFar } };
  const route = parsed.data.routes[0]!;
  const coordinates: LonLat[] = [from.location, ...route.geometry.coordinates, to.location];
  return {
    ok: true,
    value: {
      status: "ok",
      from: from.id,
      to: to.id,
      km: (route.distance + fromM + toM) / 1000,
      connectorKm: { from: fromM / 1000, to: toM / 1000 },
      coordinates: coordinates.filter((p, k) => k === 0 || p[0] !== coordinates[k - 1]![0] || p[1] !== coordinates[k - 1]![1]),
      warnings: [],
    },
  };
}
