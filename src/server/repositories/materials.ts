import { materials, referenceMaterialProperties, type Material, type MaterialProperties } from "../../core/domain/materials";
import type { Queryable } from "../db/database";

export type MaterialTable = Record<Material, MaterialProperties>;

/** The conversion table in force: the reference values of DESIGN §5 with an admin's edits on top. */
export async function getMaterialTable(db: Queryable): Promise<MaterialTable> {
  const rows = await db.query<{ value: Partial<MaterialTable> }>("select value from settings where key = 'materialProperties'");
  const edits = rows[0]?.value ?? {};
  return Object.fromEntries(
    materials.map((material) => [material, { ...referenceMaterialProperties[material], ...edits[material] }]),
  ) as MaterialTable;
}

export async function setMaterialProperties(tx: Queryable, material: Material, properties: MaterialProperties): Promise<void> {
  const current = await getMaterialTable(tx);
  const next = { ...current, [material]: properties };
  await tx.query(
    `insert into settings (key, value) values ('materialProperties', $1::jsonb)
     on conflict (key) do update set value = excluded.value`,
    [JSON.stringify(next)],
  );
}
