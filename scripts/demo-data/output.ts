/**
 * Deterministic, diff-friendly JSON output for the demo data build.
 * Script-only code.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

/** Coordinates are written with 6 decimals (≈ 0.1 m in latitude), enough for 1:1000 maps. */
export const coordinateDecimals = 6;

export function round6(n: number): number {
  const f = 10 ** coordinateDecimals;
  // `+ 0` turns -0 into 0 so reruns and platforms print the same bytes.
  return Math.round(n * f) / f + 0;
}

/** Rounds every number in a (nested) coordinate array. */
export function roundCoordinates<T>(coordinates: T): T {
  if (typeof coordinates === "number") return round6(coordinates) as T;
  if (Array.isArray(coordinates)) return coordinates.map((c) => roundCoordinates(c)) as T;
  return coordinates;
}

/** A short object or array of primitives, like `{ value, unit }` or a material list: kept on one line. */
function isSmallFlat(value: unknown): boolean {
  return (
    value !== null &&
    typeof value === "object" &&
    Object.values(value).every((v) => v === null || typeof v !== "object") &&
    JSON.stringify(value).length <= 80
  );
}

function isNumericArray(value: unknown): boolean {
  return Array.isArray(value) && value.every((v) => typeof v === "number" || isNumericArray(v));
}

/**
 * JSON with 2-space indent, except that arrays holding only numbers (positions, rings, whole
 * coordinate arrays) and short flat objects and arrays (quantity, window, materials) stay on one line, so a geometry
 * or a quantity is one line in a diff.
 */
export function formatJson(value: unknown, indent = ""): string {
  if (isNumericArray(value) || isSmallFlat(value)) return JSON.stringify(value);
  const inner = indent + "  ";
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    return `[\n${value.map((v) => inner + formatJson(v, inner)).join(",\n")}\n${indent}]`;
  }
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return "{}";
    return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${formatJson(v, inner)}`).join(",\n")}\n${indent}}`;
  }
  return JSON.stringify(value);
}

export interface Feature<P = Record<string, unknown>> {
  type: "Feature";
  properties: P;
  geometry: { type: string; coordinates: unknown };
}

/** A FeatureCollection written one feature per line: compact, yet a changed feature is one diff line. */
export function formatFeatureCollection(features: readonly Feature<unknown>[]): string {
  const lines = features.map((f) =>
    JSON.stringify({
      type: "Feature",
      properties: f.properties,
      geometry: { type: f.geometry.type, coordinates: roundCoordinates(f.geometry.coordinates) },
    }),
  );
  return `{"type":"FeatureCollection","features":[\n${lines.join(",\n")}\n]}\n`;
}

/** Writes a file, creating its folder, and logs its path and size. */
export function writeOutput(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text.endsWith("\n") ? text : text + "\n");
  console.log(`wrote ${path} (${(Buffer.byteLength(text) / 1024).toFixed(1)} KiB)`);
}
