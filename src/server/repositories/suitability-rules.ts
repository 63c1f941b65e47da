import { defaultSuitabilityRules, parseSuitabilityRules, type SuitabilityRules } from "../../core/suitability/rules";
import type { Queryable } from "../db/database";

/** The suitability rules in force: an admin's (settings `suitabilityRules`), or the shipped defaults. */
export async function getRulesInForce(db: Queryable): Promise<SuitabilityRules> {
  const rows = await db.query<{ value: unknown }>("select value from settings where key = 'suitabilityRules'");
  if (!rows[0]) return defaultSuitabilityRules;
  const parsed = parseSuitabilityRules(rows[0].value);
  return parsed.ok ? parsed.rules : defaultSuitabilityRules;
}

/** Replaces the rules in force. */
export async function setRulesInForce(db: Queryable, rules: SuitabilityRules): Promise<void> {
  await db.query(
    `insert into settings (key, value) values ('suitabilityRules', $1::jsonb)
     on conflict (key) do update set value = excluded.value`,
    [JSON.stringify(rules)],
  );
}
