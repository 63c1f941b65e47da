import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { materials } from "../../src/core/domain/materials";
import {
  lotInputSchema,
  projectInputSchema,
  siteInputSchema,
  zoningAreaInputSchema,
} from "../../src/core/domain/records";
import { describeArealformaal } from "../../src/core/zoning/arealformaal";

type Position = [number, number];
type Ring = Position[];

function readData<T>(relativePath: string): T {
  return JSON.parse(readFileSync(new URL(`../../data/${relativePath}`, import.meta.url), "utf8")) as T;
}

interface DemoLot {
  key: string;
  direction: string;
  material: string;
  illustrative: boolean;
}
interface DemoProject {
  key: string;
  illustrative: boolean;
  lots: DemoLot[];
}
interface DemoSite {
  key: string;
  kind: string;
  geometry: { type: "Polygon"; coordinates: Ring[] };
  illustrative: boolean;
}
interface DemoZone {
  key: string;
  code: number;
  codeList: "kp" | "rp";
  geometry: { type: "Polygon"; coordinates: Ring[] };
  illustrative: boolean;
}

const projects = readData<DemoProject[]>("demo/projects.json");
const sites = readData<DemoSite[]>("demo/sites.json");
const zoning = readData<DemoZone[]>("demo/zoning.json");
const boundary = readData<{ features: { geometry: { type: "MultiPolygon"; coordinates: Ring[][] } }[] }>(
  "basemap/boundary.geojson",
).features[0]!.geometry;

// An independent ray-casting check, so the test does not trust the build script's own helper.
function insideRing([x, y]: Position, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function insideAsker(point: Position): boolean {
  return boundary.coordinates.some(
    ([outer, ...holes]) => insideRing(point, outer!) && !holes.some((hole) => insideRing(point, hole)),
  );
}

/** Twice the signed area in degree² (shoelace); positive = counter-clockwise. */
function signedArea(ring: Ring): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) sum += ring[i]![0] * ring[i + 1]![1] - ring[i + 1]![0] * ring[i]![1];
  return sum;
}

describe("demo projects", () => {
  it("has at least 30 projects, each valid per the zod schemas", () => {
    expect(projects.length).toBeGreaterThanOrEqual(30);
    for (const project of projects) {
      const parsed = projectInputSchema.safeParse(project);
      expect(parsed.success, `${project.key}: ${parsed.error?.message}`).toBe(true);
      expect(project.lots.length).toBeGreaterThanOrEqual(1);
      for (const lot of project.lots) {
        const parsedLot = lotInputSchema.safeParse(lot);
        expect(parsedLot.success, `${lot.key}: ${parsedLot.error?.message}`).toBe(true);
      }
    }
  });

  it("has both surplus and demand of every material", () => {
    const lots = projects.flatMap((p) => p.lots);
    for (const material of materials) {
      expect(lots.some((l) => l.material === material && l.direction === "surplus"), `${material} surplus`).toBe(true);
      expect(lots.some((l) => l.material === material && l.direction === "demand"), `${material} demand`).toBe(true);
    }
  });

  it("has unique keys", () => {
    const keys = [...projects.map((p) => p.key), ...projects.flatMap((p) => p.lots.map((l) => l.key))];
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe("demo sites", () => {
  it("has at least 8 storage sites, 2 landfills and 2 quarries, all valid", () => {
    const count = (kind: string) => sites.filter((s) => s.kind === kind).length;
    expect(count("storage")).toBeGreaterThanOrEqual(8);
    expect(count("landfill")).toBeGreaterThanOrEqual(2);
    expect(count("quarry")).toBeGreaterThanOrEqual(2);
    for (const site of sites) {
      const parsed = siteInputSchema.safeParse(site);
      expect(parsed.success, `${site.key}: ${parsed.error?.message}`).toBe(true);
    }
  });

  it("puts every storage site wholly inside the Asker boundary", () => {
    for (const site of sites.filter((s) => s.kind === "storage")) {
      for (const position of site.geometry.coordinates[0]!) {
        expect(insideAsker(position), `${site.key} at ${position.join(",")}`).toBe(true);
      }
    }
  });
});

describe("demo zoning", () => {
  it("uses only codes known to the code list, in valid counter-clockwise polygons", () => {
    expect(zoning.length).toBeGreaterThanOrEqual(25);
    for (const zone of zoning) {
      expect(zoningAreaInputSchema.safeParse(zone).success, zone.key).toBe(true);
      expect(describeArealformaal(zone.codeList, zone.code), `${zone.key}: ${zone.codeList} ${zone.code}`).toBeDefined();
      const outer = zone.geometry.coordinates[0]!;
      expect(outer[0]).toEqual(outer[outer.length - 1]);
      expect(signedArea(outer), `${zone.key} winding`).toBeGreaterThan(0);
    }
  });

  it("includes mass handling, LNFR and industry areas for the suitability rating", () => {
    const categories = new Set(zoning.map((z) => describeArealformaal(z.codeList, z.code)?.category));
    for (const category of ["extraction_mass_handling", "lnfr", "business_industry", "residential"]) {
      expect(categories).toContain(category);
    }
  });
});

describe("demo data set", () => {
  it("marks every record as illustrative", () => {
    const records = [...projects, ...projects.flatMap((p) => p.lots), ...sites, ...zoning];
    for (const record of records) expect(record.illustrative, record.key).toBe(true);
  });

  it("credits Kartverket and CC BY 4.0 in data/PROVENANCE.md", () => {
    const provenance = readFileSync(new URL("../../data/PROVENANCE.md", import.meta.url), "utf8");
    expect(provenance).toContain("CC BY 4.0");
    expect(provenance).toContain("© Kartverket");
    expect(provenance).toMatch(/illustrative/i);
  });
});
