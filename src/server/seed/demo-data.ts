import { readFileSync } from "node:fs";
import { z } from "zod";
import { describeFields, fieldsOf } from "../../core/domain/api-error";
import { lotInputSchema, projectInputSchema, siteInputSchema, zoningAreaInputSchema } from "../../core/domain/records";
import { StartupError, type Queryable } from "../db/database";
import { insertLot, insertProject } from "../repositories/projects";
import { insertSite } from "../repositories/sites";
import { insertZoningArea } from "../repositories/zoning";

const dataDir = new URL("../../../data/demo/", import.meta.url);

const keyed = { key: z.string() };
const demoProjectsSchema = z.array(
  projectInputSchema.extend({ ...keyed, lots: z.array(lotInputSchema.safeExtend(keyed)) }),
);
const demoSitesSchema = z.array(siteInputSchema.safeExtend(keyed));
const demoZoningSchema = z.array(zoningAreaInputSchema.extend(keyed));

function readDemoFile<T>(file: string, schema: z.ZodType<T>): T {
  const restore = "restore it with `git checkout data/demo` or rebuild it with `npm run build:data`";
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(new URL(file, dataDir), "utf8"));
  } catch (error) {
    throw new StartupError(`The demo data file data/demo/${file} cannot be read (${(error as Error).message}); ${restore}.`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new StartupError(`The demo data file data/demo/${file} is invalid (${describeFields(fieldsOf(parsed.error))}); ${restore}.`);
  }
  return parsed.data;
}

export interface DemoCounts {
  projects: number;
  lots: number;
  sites: number;
  zoningAreas: number;
}

/** Loads the illustrative Asker demo set (data/demo) inside the caller's transaction. */
export async function seedDemoData(tx: Queryable): Promise<DemoCounts> {
  const projects = readDemoFile("projects.json", demoProjectsSchema);
  const sites = readDemoFile("sites.json", demoSitesSchema);
  const zoning = readDemoFile("zoning.json", demoZoningSchema);
  let lots = 0;
  for (const { key: _key, lots: projectLots, ...project } of projects) {
    const projectId = await insertProject(tx, project, { ownerId: null, illustrative: true });
    for (const { key: _lotKey, ...lot } of projectLots) {
      await insertLot(tx, projectId, lot, { illustrative: true });
      lots += 1;
    }
  }
  for (const { key: _key, ...site } of sites) await insertSite(tx, site, { illustrative: true });
  for (const { key: _key, ...area } of zoning) await insertZoningArea(tx, area, { illustrative: true });
  return { projects: projects.length, lots, sites: sites.length, zoningAreas: zoning.length };
}
