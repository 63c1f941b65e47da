/**
 * Copies the real public basemap layers from the shared data folder into `data/basemap/`,
 * reduced to the properties Massekart uses. Script-only code. See data/PROVENANCE.md.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { distanceM, distanceToBoundaryM, pointInArea, type AreaGeometry, type Position } from "./geo";
import { formatFeatureCollection, round6, writeOutput, type Feature } from "./output";
import { demoPlaces, keptNeighbourNames, replacedN1000Names } from "./places";

interface SourceFeature {
  type: "Feature";
  properties: Record<string, unknown>;
  geometry: { type: string; coordinates: unknown };
}

function readFeatures(path: string): SourceFeature[] {
  const collection = JSON.parse(readFileSync(path, "utf8")) as { features?: SourceFeature[] };
  if (!Array.isArray(collection.features)) throw new Error(`${path}: not a FeatureCollection`);
  return collection.features;
}

/** Asker's kommunenummer since 2024 (3025 in 2020–2023). */
const askerKommunenummer = "3203";

/**
 * Context municipalities: those with a vertex within this distance of an Asker vertex, so the
 * neighbours across the fjords (Frogn, Nesodden, Horten …) are drawn and distant ones are not.
 */
const neighbourMarginM = 8000;

/** N1000 place points within this distance of the Asker boundary are kept. */
const placeMarginM = 6000;

/** Road links are kept if any vertex lies in this box (lon/lat): Asker plus Lier, Bærum, Drammen, Svelvik, Drøbak, so hauls to the neighbours can be routed. */
const roadBbox = [10.15, 59.45, 10.75, 59.95] as const;

type Bbox = [number, number, number, number];

function bboxOfCoordinates(coordinates: unknown): Bbox {
  const box: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === "number") {
      const [lon, lat] = c as Position;
      box[0] = Math.min(box[0], lon);
      box[1] = Math.min(box[1], lat);
      box[2] = Math.max(box[2], lon);
      box[3] = Math.max(box[3], lat);
    } else if (Array.isArray(c)) c.forEach(visit);
  };
  visit(coordinates);
  return box;
}

function positionsOf(coordinates: unknown): Position[] {
  if (Array.isArray(coordinates) && typeof coordinates[0] === "number") return [coordinates as Position];
  return Array.isArray(coordinates) ? coordinates.flatMap(positionsOf) : [];
}

function minVertexDistanceM(coordinates: unknown, others: readonly Position[]): number {
  let best = Infinity;
  for (const p of positionsOf(coordinates)) for (const q of others) best = Math.min(best, distanceM(p, q));
  return best;
}

function bboxesNear(a: Bbox, b: Bbox, marginDeg: number): boolean {
  return a[0] - marginDeg <= b[2] && b[0] <= a[2] + marginDeg && a[1] - marginDeg <= b[3] && b[1] <= a[3] + marginDeg;
}

/** Human road reference as signposted: E18, Rv23, Fv165, Kv168; null when N1000 has no number. */
function roadRef(category: string, number: number | null): string | null {
  if (number === null) return null;
  const prefix: Record<string, string> = { E: "E", R: "Rv", F: "Fv", K: "Kv", P: "Pv" };
  return `${prefix[category] ?? category}${number}`;
}

/** Reads the shared data and writes the five basemap layers; returns Asker's boundary geometry. */
export function buildBasemap(sharedDir: string, outDir: string): AreaGeometry {
  const boundaryDir = join(sharedDir, "kommunegrenser-robhop");
  const n1000Dir = join(sharedDir, "kartverket-n1000-asker-region");

  // Boundary: Asker only, properties reduced to number and name.
  const askerSource = readFeatures(join(boundaryDir, "asker-3203-M.geojson")).find(
    (f) => f.properties.kommunenummer === askerKommunenummer,
  );
  if (!askerSource) throw new Error("asker-3203-M.geojson has no kommunenummer 3203");
  const boundary = askerSource.geometry as AreaGeometry;
  writeOutput(
    join(outDir, "boundary.geojson"),
    formatFeatureCollection([
      { type: "Feature", properties: { kommunenummer: askerKommunenummer, name: "Asker" }, geometry: askerSource.geometry },
    ]),
  );

  // Neighbouring municipalities, for context drawing.
  const askerVertices = positionsOf(boundary.coordinates);
  const municipalities = readFeatures(join(boundaryDir, "kommuner-2024-M-oslofjord-vest.geojson"))
    .filter((f) => f.properties.kommunenummer !== askerKommunenummer)
    .filter((f) => minVertexDistanceM(f.geometry.coordinates, askerVertices) <= neighbourMarginM)
    .sort((a, b) => String(a.properties.kommunenummer).localeCompare(String(b.properties.kommunenummer)))
    .map((f): Feature => ({
      type: "Feature",
      properties: { kommunenummer: String(f.properties.kommunenummer), name: String(f.properties.name) },
      geometry: f.geometry,
    }));
  writeOutput(join(outDir, "municipalities.geojson"), formatFeatureCollection(municipalities));
  console.log(`  neighbours: ${municipalities.map((f) => f.properties.name).join(", ")}`);

  // Roads: N1000 links, properties reduced.
  const roads = readFeatures(join(n1000Dir, "n1000-veglenke-asker-region.geojson"))
    .filter((f) => {
      const [minLon, minLat, maxLon, maxLat] = bboxOfCoordinates(f.geometry.coordinates);
      return bboxesNear([minLon, minLat, maxLon, maxLat], [...roadBbox], 0);
    })
    .map((f): Feature => {
      const category = String(f.properties.vegkategori);
      const number = typeof f.properties.vegnummer === "number" ? f.properties.vegnummer : null;
      return {
        type: "Feature",
        properties: {
          category,
          number,
          ref: roadRef(category, number),
          type: String(f.properties.typeVeg),
          lengthM: Math.round(Number(f.properties.lengde_m_geodetisk)),
        },
        geometry: f.geometry,
      };
    });
  writeOutput(join(outDir, "roads.geojson"), formatFeatureCollection(roads));

  // Places: N1000 label points near Asker (minus those replaced) + the demo's approximate points.
  const n1000Places = readFeatures(join(n1000Dir, "n1000-stedsnavn-punkter-asker-region.geojson"))
    .filter((f) => !replacedN1000Names.includes(String(f.properties.navn)))
    .filter((f) => {
      const position = f.geometry.coordinates as Position;
      return (
        keptNeighbourNames.includes(String(f.properties.navn)) ||
        pointInArea(position, boundary) ||
        distanceToBoundaryM(position, boundary) <= placeMarginM
      );
    })
    .map((f): Feature => ({
      type: "Feature",
      properties: { name: String(f.properties.navn), kind: String(f.properties.navneobjekttype), source: "Kartverket N1000" },
      geometry: f.geometry,
    }));
  const approximatePlaces = Object.values(demoPlaces).map(
    (p): Feature => ({
      type: "Feature",
      properties: { name: p.name, kind: p.kind, source: "approximate (Massekart demo)" },
      geometry: { type: "Point", coordinates: [round6(p.position[0]), round6(p.position[1])] },
    }),
  );
  const places = [...approximatePlaces, ...n1000Places].sort((a, b) =>
    String(a.properties.name).localeCompare(String(b.properties.name), "nb"),
  );
  writeOutput(join(outDir, "places.geojson"), formatFeatureCollection(places));
  console.log(`  places: ${approximatePlaces.length} approximate + ${n1000Places.length} from N1000`);

  // Built-up areas: geometry only.
  const builtUp = readFeatures(join(n1000Dir, "n1000-tettbebyggelse-asker-region.geojson")).map(
    (f): Feature => ({ type: "Feature", properties: {}, geometry: f.geometry }),
  );
  writeOutput(join(outDir, "built-up.geojson"), formatFeatureCollection(builtUp));

  return boundary;
}
