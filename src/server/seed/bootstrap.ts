import { roles } from "../../core/domain/accounts";
import { describePasswordProblem } from "../../core/domain/users-api";
import { passwordProblem } from "../auth/password-policy";
import { hashPassword } from "../auth/passwords";
import { StartupError, type Database } from "../db/database";
import { countProjects } from "../repositories/projects";
import { countUsers, insertUser } from "../repositories/users";
import { seedDemoData, type DemoCounts } from "./demo-data";

export const demoPassword = "demo";

export type BootstrapOutcome =
  | { kind: "demo-seeded"; counts: DemoCounts }
  | { kind: "demo-existing" }
  | { kind: "admin-created" }
  /** No accounts yet, and single sign-on will create them (the first admin through the role mapping). */
  | { kind: "awaiting-sso" }
  | { kind: "existing" };

/**
 * Decides what an empty or existing database gets at start. Demo accounts and data are created only
 * when demo mode is allowed (npm start, embedded database) and the database holds nothing yet;
 * a database with data is never re-seeded or wiped.
 */
export async function bootstrap(
  db: Database,
  { allowDemo, adminPassword, ssoConfigured = false }: { allowDemo: boolean; adminPassword?: string | undefined; ssoConfigured?: boolean },
): Promise<BootstrapOutcome> {
  const empty = (await countUsers(db)) === 0 && (await countProjects(db)) === 0;
  if (empty && allowDemo) {
    const hash = await hashPassword(demoPassword);
    const counts = await db.transaction(async (tx) => {
      for (const role of roles) await insertUser(tx, role, role, hash);
      await tx.query("insert into settings (key, value) values ('demo', 'true'::jsonb)");
      return seedDemoData(tx);
    });
    return { kind: "demo-seeded", counts };
  }
  if ((await countUsers(db)) === 0) {
    if (!adminPassword) {
      if (ssoConfigured) return { kind: "awaiting-sso" };
      throw new StartupError(
        "The database has no accounts; set MASSEKART_ADMIN_PASSWORD to create the first admin (username admin), or create one with `npx massekart users add NAME --role admin`.",
      );
    }
    const problem = passwordProblem(adminPassword, "admin");
    if (problem) throw new StartupError(`MASSEKART_ADMIN_PASSWORD ${describePasswordProblem(problem)}; set another.`);
    await insertUser(db, "admin", "admin", await hashPassword(adminPassword));
    return { kind: "admin-created" };
  }
  const demo = await db.query("select 1 from settings where key = 'demo'");
  return demo.length > 0 ? { kind: "demo-existing" } : { kind: "existing" };
}
