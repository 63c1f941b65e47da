// A small HTTP server that speaks OSRM's v5 `table` and `route` API (request URLs and JSON
// answers as documented at https://project-osrm.org/docs/v5.24.0/api/), computing its answers from
// our own road graph. The OSRM client is tested against it over real HTTP.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { roadMatrix, roadRoute } from "../../src/core/haul/road-distances";
import type { RoadGraph } from "../../src/core/haul/road-graph";
import { snapToNetwork } from "../../src/core/haul/snap-index";

export type StandInBehaviour = "ok" | "invalid-query" | "hang";

export interface OsrmStandIn {
  url: string;
  /** Every request path with its query, in order. */
  requests: string[];
  behaviour: StandInBehaviour;
  close(): Promise<void>;
}

/** Starts the stand-in on 127.0.0.1 at a free port; `maxTableSize` as osrm-routed's --max-table-size. */
export async function startOsrmStandIn(graph: RoadGraph, { maxTableSize = 100 }: { maxTableSize?: number } = {}): Promise<OsrmStandIn> {
  const hanging = new Set<ServerResponse>();
  const state: OsrmStandIn = { url: "", requests: [], behaviour: "ok", close: async () => undefined };
  const send = (response: ServerResponse, status: number, body: unknown) => {
    response.writeHead(status, { "content-type": "application/json; charset=UTF-8" });
    response.end(JSON.stringify(body));
  };

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? "/", "http://stand-in");
    state.requests.push(url.pathname + url.search);
    if (state.behaviour === "hang") {
      hanging.add(response);
      return;
    }
    if (state.behaviour === "invalid-query") return send(response, 400, { code: "InvalidQuery", message: "Query string malformed close to position 28" });
    const match = /^\/(table|route)\/v1\/([^/]+)\/(.+)$/.exec(url.pathname);
    if (!match) return send(response, 400, { code: "InvalidUrl", message: `URL string malformed close to position 1: "${url.pathname}"` });
    const points = decodeURIComponent(match[3]!)
      .split(";")
      .map((pair, k) => {
        const [lon, lat] = pair.split(",").map(Number);
        return { id: String(k), location: [lon!, lat!] as [number, number] };
      });
    if (points.some((p) => !Number.isFinite(p.location[0]) || !Number.isFinite(p.location[1]))) {
      return send(response, 400, { code: "InvalidQuery", message: "Query string malformed close to position 0" });
    }
    const waypoint = (point: { location: [number, number] }) => {
      const snap = snapToNetwork(graph, point.location[0], point.location[1]);
      return { hint: "", distance: snap.connectorM, name: "", location: [snap.lon, snap.lat] };
    };

    if (match[1] === "table") {
      const indexes = (name: string) => {
        const text = url.searchParams.get(name);
        return text === null || text === "all" ? points.map((_, k) => k) : text.split(";").map(Number);
      };
      const sources = indexes("sources").map((k) => points[k]!);
      const destinations = indexes("destinations").map((k) => points[k]!);
      if (sources.length * destinations.length > maxTableSize * maxTableSize) {
        return send(response, 400, { code: "TooBig", message: "Too many table coordinates" });
      }
      // OSRM measures between snapped positions: take the connectors off our road distances.
      const matrix = roadMatrix(graph, sources, destinations, { maxSnapKm: Infinity });
      const from = matrix.connectorKm!.from;
      const to = matrix.connectorKm!.to;
      const distances = matrix.km.map((row, i) =>
        row.map((km, j) => {
          if (km === null) return null;
          if (km === 0) return 0;
          return Math.round((km - from[i]! - to[j]!) * 1000 * 10) / 10;
        }),
      );
      return send(response, 200, { code: "Ok", distances, sources: sources.map(waypoint), destinations: destinations.map(waypoint) });
    }

    const [start, end] = points as [(typeof points)[0], (typeof points)[0]];
    const route = roadRoute(graph, start, end, { maxSnapKm: Infinity });
    if (route.status !== "ok") return send(response, 400, { code: "NoRoute", message: "Impossible route between points" });
    const distanceM = (route.km - route.connectorKm.from - route.connectorKm.to) * 1000;
    return send(response, 200, {
      code: "Ok",
      routes: [
        {
          distance: distanceM,
          duration: distanceM / 13.9,
          weight: distanceM / 13.9,
          weight_name: "routability",
          geometry: { type: "LineString", coordinates: route.coordinates.slice(1, -1) },
          legs: [{ distance: distanceM, duration: distanceM / 13.9, steps: [], summary: "" }],
        },
      ],
      waypoints: [waypoint(start), waypoint(end)],
    });
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.close = async () => {
    for (const response of hanging) response.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return state;
}
