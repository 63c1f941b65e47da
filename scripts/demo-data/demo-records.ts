/**
 * Places, validates and writes the illustrative demo records (`data/demo/*.json`).
 * Every record is parsed with the zod input schemas of `src/core/domain/records.ts`, and the
 * set is checked for the properties the demo relies on; any failure stops the build.
 * Script-only code.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { z } from "zod";
import {
  lotInputSchema,
  projectInputSchema,
  siteInputSchema,
  zoningAreaInputSchema,
  type LotInput,
} from "../../src/core/domain/records";
import { materials, toTonnes } from "../../src/core/domain/materials";
import { categoryOfCode } from "../../src/core/zoning/zoning-categories";
import type { ArealformaalEntry } from "./codelists";
import {
  corridorAlong,
  distanceM,
  distanceToBoundaryM,
  irregularOval,
  offsetM,
  pointInArea,
  polygonAreaM2,
  polygonsOverlap,
  rectangleAround,
  seededRandom,
  signedRingAreaM2,
  verticesOf,
  type AreaGeometry,
  type PolygonCoordinates,
  type Position,
} from "./geo";
import { formatJson, writeOutput } from "./output";
import { demoPlaces } from "./places";
import { demoProjects, type ProjectSpec } from "./demo-projects";
import { demoSites } from "./demo-sites";
import { demoCorridors, demoZones } from "./demo-zoning";
import { shiftMonth } from "../../src/core/domain/months";

/** The demo horizon: every lot window lies in these months. */
const horizon = { from: "2027-01", to: "2029-12" };

/** Projects and storage sites keep this far inside the simplified boundary, metres. */
const insideMarginM = 150;
/** Receivers may reach this far past the simplified boundary ("at the edge"), metres. */
const edgeToleranceM = 150;

/** Project jitter around their place, metres: enough that projects at one place do not overlap. */
const jitter = { minM: 200, maxM: 750, minSpacingM: 350, attempts: 500 };

function fail(message: string): never {
  throw new Error(`demo data: ${message}`);
}

/** Parses with a zod schema or stops the build, naming the record and each bad field. */
function validate<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issues = result.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ");
    fail(`${what} is invalid: ${issues}`);
  }
  return result.data;
}


/** Stable 32-bit seed from a key, so each record's randomness is independent of the others. */
function seedOf(key: string): number {
  let h = 2166136261;
  for (const c of key) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return h >>> 0;
}

function allInside(vertices: readonly Position[], boundary: AreaGeometry, marginM: number): boolean {
  return vertices.every((p) => pointInArea(p, boundary) && distanceToBoundaryM(p, boundary) >= marginM);
}

function checkRings(polygon: PolygonCoordinates, what: string): void {
  polygon.forEach((ring, i) => {
    const first = ring[0];
    const last = ring[ring.length - 1];
    if (ring.length < 4) fail(`${what}: ring ${i} has fewer than 4 positions`);
    if (!first || !last || first[0] !== last[0] || first[1] !== last[1]) fail(`${what}: ring ${i} is not closed`);
    const ccw = signedRingAreaM2(ring) > 0;
    if (i === 0 && !ccw) fail(`${what}: outer ring is not counter-clockwise (RFC 7946)`);
  });
}

/** Project location: the place (or `at`) moved by a seeded jitter until it is inside and apart from the others. */
function placeProject(spec: ProjectSpec, boundary: AreaGeometry, placed: readonly Position[]) {
  const shapeAt = (centre: Position) =>
    spec.outline
      ? ({ type: "Polygon", coordinates: rectangleAround(centre, spec.outline.widthM, spec.outline.heightM, spec.outline.rotationDeg) } as const)
      : ({ type: "Point", coordinates: centre } as const);
  const verticesOfShape = (shape: ReturnType<typeof shapeAt>): Position[] =>
    shape.type === "Point" ? [shape.coordinates] : verticesOf(shape.coordinates);

  if (spec.at) {
    const shape = shapeAt(spec.at);
    if (!allInside(verticesOfShape(shape), boundary, insideMarginM)) fail(`${spec.key} at ${spec.at} is not inside Asker`);
    return { centre: spec.at, location: shape };
  }
  const random = seededRandom(seedOf(spec.key));
  const base = demoPlaces[spec.place].position;
  for (let attempt = 0; attempt < jitter.attempts; attempt++) {
    const angle = 2 * Math.PI * random();
    const radius = jitter.minM + (jitter.maxM - jitter.minM) * random();
    const centre = offsetM(base, radius * Math.cos(angle), radius * Math.sin(angle));
    const shape = shapeAt(centre);
    if (!allInside(verticesOfShape(shape), boundary, insideMarginM)) continue;
    if (placed.some((other) => distanceM(other, centre) < jitter.minSpacingM)) continue;
    return { centre, location: shape };
  }
  return fail(`could not place ${spec.key} near ${spec.place} inside Asker`);
}

function readBoundary(dataDir: string): AreaGeometry {
  const collection = JSON.parse(readFileSync(join(dataDir, "basemap", "boundary.geojson"), "utf8")) as {
    features: { geometry: AreaGeometry }[];
  };
  const geometry = collection.features[0]?.geometry;
  if (!geometry) fail("data/basemap/boundary.geojson has no feature");
  return geometry;
}

function readRoadLine(dataDir: string, ref: string, [minLon, minLat, maxLon, maxLat]: readonly number[]): Position[] {
  const collection = JSON.parse(readFileSync(join(dataDir, "basemap", "roads.geojson"), "utf8")) as {
    features: { properties: { ref: string | null }; geometry: { type: string; coordinates: Position[] } }[];
  };
  const seen = new Set<string>();
  const line = collection.features
    .filter((f) => f.properties.ref === ref && f.geometry.type === "LineString")
    .flatMap((f) => f.geometry.coordinates)
    .filter(([lon, lat]) => lon >= minLon! && lon <= maxLon! && lat >= minLat! && lat <= maxLat!)
    .filter((p) => !seen.has(p.join()) && (seen.add(p.join()), true))
    // The chosen stretches run east–west, so ordering by longitude chains the links.
    .sort((a, b) => a[0] - b[0]);
  if (line.length < 2) fail(`no ${ref} vertices in ${minLon},${minLat},${maxLon},${maxLat} in roads.geojson`);
  return line;
}

interface Totals {
  surplusTonnes: number;
  demandTonnes: number;
  byMaterial: Record<string, { surplus: number; demand: number }>;
}

function lotTonnes(lot: LotInput): number {
  return toTonnes(lot.quantity.value, lot.quantity.unit, lot.material);
}

/** Builds, checks and writes projects.json, sites.json and zoning.json. */
export function buildDemoRecords(dataDir: string, codeList: readonly ArealformaalEntry[]): void {
  const boundary = readBoundary(dataDir);
  const outDir = join(dataDir, "demo");

  // --- Projects and lots ---
  const placed: Position[] = [];
  const totals: Totals = { surplusTonnes: 0, demandTonnes: 0, byMaterial: {} };
  let lotCount = 0;
  const projects = demoProjects.map((spec) => {
    const { centre, location } = placeProject(spec, boundary, placed);
    placed.push(centre);
    const project = validate(
      projectInputSchema,
      { name: spec.name, status: spec.status, location, contact: spec.contact, notes: spec.notes },
      `project ${spec.key}`,
    );
    if (spec.lots.length < 1 || spec.lots.length > 4) fail(`${spec.key} should have 1–4 lots`);
    const lots = spec.lots.map((l, i) => {
      const key = `${spec.key}-L${i + 1}`;
      if (l.months < 1 || l.months > 10) fail(`${key}: window of ${l.months} months, want 1–10`);
      const window = { from: l.from, to: shiftMonth(l.from, l.months - 1) };
      if (window.from < horizon.from || window.to > horizon.to) fail(`${key}: window ${window.from}..${window.to} outside ${horizon.from}..${horizon.to}`);
      if (l.hazardous && l.contaminationClass !== 5) fail(`${key}: hazardous lots are recorded as class 5 with the flag`);
      const lot = validate(
        lotInputSchema,
        {
          direction: l.direction,
          material: l.material,
          contaminationClass: l.contaminationClass,
          quantity: { value: l.value, unit: l.unit },
          window,
          hazardous: l.hazardous ?? false,
          notes: l.notes ?? "",
        },
        `lot ${key}`,
      );
      const tonnes = lotTonnes(lot);
      const entry = (totals.byMaterial[lot.material] ??= { surplus: 0, demand: 0 });
      entry[lot.direction] += tonnes;
      if (lot.direction === "surplus") totals.surplusTonnes += tonnes;
      else totals.demandTonnes += tonnes;
      lotCount++;
      return { key, ...lot, illustrative: true };
    });
    return { key: spec.key, ...project, illustrative: true, lots };
  });
  for (const material of materials) {
    const entry = totals.byMaterial[material];
    if (!entry || entry.surplus === 0 || entry.demand === 0) fail(`material ${material} needs both surplus and demand`);
  }
  if (projects.length < 32) fail(`only ${projects.length} projects, want ≥ 32`);

  // --- Zoning ---
  const knownCodes = new Set(codeList.map((e) => `${e.codeList}:${e.code}`));
  const zoneSpecs = [
    ...demoZones.map((z) => ({
      ...z,
      coordinates: irregularOval(z.centre, z.radiusM, seededRandom(seedOf(z.key)), { aspect: z.aspect, rotationDeg: z.rotationDeg }),
    })),
    ...demoCorridors.map((c) => ({ ...c, coordinates: corridorAlong(readRoadLine(dataDir, c.roadRef, c.bbox), c.widthM) })),
  ].sort((a, b) => a.key.localeCompare(b.key));
  const zoning = zoneSpecs.map((z) => {
    if (!knownCodes.has(`${z.plan.codeList}:${z.code}`)) fail(`${z.key}: ${z.plan.codeList} code ${z.code} is not in the code list`);
    checkRings(z.coordinates, z.key);
    if (!verticesOf(z.coordinates).every((p) => pointInArea(p, boundary) || distanceToBoundaryM(p, boundary) <= 300)) {
      fail(`${z.key} (${z.label}) reaches more than 300 m outside Asker`);
    }
    const record = validate(
      zoningAreaInputSchema,
      {
        code: z.code,
        codeList: z.plan.codeList,
        planId: z.plan.planId,
        planName: z.plan.planName,
        status: z.plan.status,
        geometry: { type: "Polygon", coordinates: z.coordinates },
      },
      `zoning ${z.key}`,
    );
    return { key: z.key, ...record, illustrative: true };
  });
  for (let i = 0; i < zoneSpecs.length; i++) {
    for (let j = i + 1; j < zoneSpecs.length; j++) {
      const [a, b] = [zoneSpecs[i]!, zoneSpecs[j]!];
      if (polygonsOverlap(a.coordinates, b.coordinates)) fail(`zones ${a.key} (${a.label}) and ${b.key} (${b.label}) overlap`);
    }
  }
  const zoneByKey = new Map(zoneSpecs.map((z) => [z.key, z]));

  // --- Sites ---
  const sites = demoSites.map((spec) => {
    const coordinates = rectangleAround(spec.centre, spec.sizeM[0], spec.sizeM[1], spec.rotationDeg);
    checkRings(coordinates, spec.key);
    const vertices = verticesOf(coordinates);
    if (spec.kind === "storage") {
      if (!allInside(vertices, boundary, insideMarginM)) fail(`storage site ${spec.key} is not inside Asker`);
      const hectares = polygonAreaM2(coordinates) / 10_000;
      if (hectares < 1 || hectares > 4.05) fail(`storage site ${spec.key} is ${hectares.toFixed(2)} ha, want 1–4`);
    } else if (spec.kind === "landfill") {
      if (!vertices.every((p) => pointInArea(p, boundary) || distanceToBoundaryM(p, boundary) <= edgeToleranceM)) {
        fail(`receiver ${spec.key} is not inside or at the edge of Asker`);
      }
    }
    if (spec.zoneKey) {
      const zone = zoneByKey.get(spec.zoneKey) ?? fail(`${spec.key}: unknown zone ${spec.zoneKey}`);
      if (!vertices.every((p) => pointInArea(p, { type: "Polygon", coordinates: zone.coordinates }))) {
        fail(`${spec.key} (${spec.name}) is not wholly inside zone ${zone.key} (${zone.label})`);
      }
    }
    const { key, centre: _centre, sizeM: _size, rotationDeg: _rotation, zoneKey: _zone, ...fields } = spec;
    const site = validate(siteInputSchema, { ...fields, geometry: { type: "Polygon", coordinates } }, `site ${key}`);
    return { key, ...site, illustrative: true };
  });
  const count = (kind: string) => sites.filter((s) => s.kind === kind).length;
  if (count("storage") < 8 || count("landfill") < 2 || count("quarry") < 2) fail("want ≥ 8 storage, ≥ 2 landfill and ≥ 2 quarry sites");

  writeOutput(join(outDir, "projects.json"), formatJson(projects));
  writeOutput(join(outDir, "sites.json"), formatJson(sites));
  writeOutput(join(outDir, "zoning.json"), formatJson(zoning));

  // A summary for the person running the build (and for the report).
  const categories = new Map<string, number>();
  for (const z of zoning) categories.set(categoryOfCode(z.code), (categories.get(categoryOfCode(z.code)) ?? 0) + 1);
  console.log(`  ${projects.length} projects, ${lotCount} lots, ${sites.length} sites (${count("storage")} storage, ${count("landfill")} landfill, ${count("quarry")} quarry), ${zoning.length} zoning areas`);
  console.log(`  surplus ${Math.round(totals.surplusTonnes)} t, demand ${Math.round(totals.demandTonnes)} t`);
  for (const material of materials) {
    const e = totals.byMaterial[material]!;
    console.log(`    ${material.padEnd(12)} surplus ${String(Math.round(e.surplus)).padStart(7)} t  demand ${String(Math.round(e.demand)).padStart(7)} t`);
  }
  console.log(`  zoning by category: ${[...categories].map(([c, n]) => `${c} ${n}`).join(", ")}`);
}
