// Large import files for the stall checks (issue 12 item 6): a lots CSV of `rows` rows and a
// GeoJSON plan of `polygons` zoning areas, generated so no large fixture sits in the repository.
// Used by test/server/routes/import-stall.test.ts and bench/import-stall.ts.

/** A lots CSV: `rows` lots, all for the project named `project` (new, at a point in Asker). */
export function largeLotsCsv(rows: number, project = "Stort import-prosjekt"): string {
  const lines = ["project,direction,material,contaminationClass,quantity,unit,from,to,lon,lat,notes"];
  const materials = ["rock", "gravel_sand", "moraine", "clay_silt", "mixed"];
  for (let i = 0; i < rows; i++) {
    const month = String(1 + (i % 12)).padStart(2, "0");
    lines.push(`${project},${i % 2 ? "demand" : "surplus"},${materials[i % 5]},${1 + (i % 3)},${500 + (i % 97) * 10},tonnes,2027-${month},2028-${month},10.45,59.83,rad ${i + 2}`);
  }
  return `${lines.join("\n")}\n`;
}

/** A GeoJSON FeatureCollection of `polygons` small squares with an arealformål code, one plan. */
export function largeZoningGeoJson(polygons: number, planId = "stall-test"): string {
  const features = [];
  const side = Math.ceil(Math.sqrt(polygons));
  for (let i = 0; i < polygons; i++) {
    const lon = 10.3 + (i % side) * 0.0015;
    const lat = 59.75 + Math.floor(i / side) * 0.0008;
    const ring = [
      [lon, lat],
      [lon + 0.001, lat],
      [lon + 0.001, lat + 0.0005],
      [lon, lat + 0.0005],
      [lon, lat],
    ];
    features.push({ type: "Feature", properties: { arealformål: [1110, 1600, 5100, 2011][i % 4], planidentifikasjon: planId }, geometry: { type: "Polygon", coordinates: [ring] } });
  }
  return JSON.stringify({ type: "FeatureCollection", features });
}

/**
 * Asks `url` (a route that needs no database, /api/health) every `everyMs` until `done` settles;
 * each answer's time from request to answer, and when it came back (performance.now()).
 */
export async function pollWhile(url: string, done: Promise<unknown>, everyMs = 50): Promise<{ ms: number; at: number }[]> {
  let finished = false;
  void done.finally(() => (finished = true)).catch(() => undefined);
  const answers: { ms: number; at: number }[] = [];
  while (!finished) {
    const started = performance.now();
    const response = await fetch(url, { headers: { connection: "close" } });
    await response.arrayBuffer();
    if (response.ok) answers.push({ ms: performance.now() - started, at: performance.now() });
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  return answers;
}
