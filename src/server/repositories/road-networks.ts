import type { RoadGraphSummary } from "../../core/haul/road-graph-summary";
import type { Queryable } from "../db/database";

export interface StoredRoadNetwork {
  id: string;
  name: string;
  summary: RoadGraphSummary;
  warnings: string[];
  uploadedBy: string;
  uploadedAt: string;
}

interface Row {
  id: string;
  name: string;
  summary: RoadGraphSummary;
  warnings: string[];
  uploaded_by: string;
  uploaded_at: Date | string;
}

const fromRow = (row: Row): StoredRoadNetwork => ({
  id: row.id,
  name: row.name,
  summary: row.summary,
  warnings: row.warnings,
  uploadedBy: row.uploaded_by,
  uploadedAt: new Date(row.uploaded_at).toISOString(),
});

export async function getActiveRoadNetwork(db: Queryable): Promise<StoredRoadNetwork | undefined> {
  const rows = await db.query<Row>("select id, name, summary, warnings, uploaded_by, uploaded_at from road_networks where active");
  return rows[0] ? fromRow(rows[0]) : undefined;
}

/** The active network's features as a FeatureCollection, or undefined when the shipped one is in use. */
export async function getActiveRoadNetworkFeatures(db: Queryable): Promise<{ type: "FeatureCollection"; features: unknown[] } | undefined> {
  const rows = await db.query<{ features: unknown[] }>("select features from road_networks where active");
  return rows[0] ? { type: "FeatureCollection", features: rows[0].features } : undefined;
}

/** Stores a network and makes it the active one, in the caller's transaction. */
export async function activateNewRoadNetwork(
  tx: Queryable,
  network: { name: string; features: unknown[]; summary: RoadGraphSummary; warnings: string[] },
  actor: string,
): Promise<string> {
  await tx.query("update road_networks set active = false where active");
  const rows = await tx.query<{ id: string }>(
    `insert into road_networks (name, features, summary, warnings, active, uploaded_by)
     values ($1, $2::jsonb, $3::jsonb, $4::jsonb, true, $5) returning id`,
    [network.name, JSON.stringify(network.features), JSON.stringify(network.summary), JSON.stringify(network.warnings), actor],
  );
  return rows[0]!.id;
}

export async function deactivateRoadNetworks(tx: Queryable): Promise<boolean> {
  return (await tx.query("update road_networks set active = false where active returning id")).length > 0;
}
