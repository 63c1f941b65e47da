/** What the Presentation mode and export browser tests share: Chromium, sign-in, and scenarios made and run over the API. */
import type { MatchResult } from "../../src/core/matching/result";
import type { ScenarioResultView } from "../../src/core/scenario/scenario";
import type { TestServer } from "./server";

export { launchBrowser, signIn } from "./browser";

export interface RunScenario {
  id: string;
  name: string;
  result: Extract<MatchResult, { status: "optimal" | "infeasible" }>;
}

/**
 * As a planner: "Med Lahell" (every site in play) and "Uten mellomlager" (landfills and quarries
 * only), both run to a result.
 */
export async function makeTwoRunScenarios(server: TestServer): Promise<RunScenario[]> {
  const client = server.client();
  expect200((await client.login("planner")).status);
  const sites = ((await (await client.request("GET", "/api/sites")).json()) as { items: { id: string; kind: string; status: string }[] }).items;
  const withoutStorage = sites.filter((s) => s.kind !== "storage" && s.status !== "closed").map((s) => s.id);
  const made: RunScenario[] = [];
  for (const body of [
    { name: "Med Lahell", note: "Alle lokaliteter", siteIds: null },
    { name: "Uten mellomlager", note: "Bare deponi og massetak", siteIds: withoutStorage },
  ]) {
    const created = await client.request("POST", "/api/scenarios", body);
    if (created.status !== 201) throw new Error(`create scenario: ${created.status} ${await created.text()}`);
    const scenario = (await created.json()) as { id: string };
    const started = await client.request("POST", `/api/scenarios/${scenario.id}/run`);
    if (started.status !== 202) throw new Error(`run scenario: ${started.status} ${await started.text()}`);
    const { run } = (await started.json()) as { run: { id: string } };
    const deadline = Date.now() + 120_000;
    for (;;) {
      const status = ((await (await client.request("GET", `/api/scenarios/${scenario.id}/runs/${run.id}`)).json()) as { status: string; error: string | null });
      if (status.status === "succeeded") break;
      if (status.status === "failed") throw new Error(`run failed: ${status.error}`);
      if (Date.now() > deadline) throw new Error("run did not finish in 120 s");
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    const view = (await (await client.request("GET", `/api/scenarios/${scenario.id}/result`)).json()) as ScenarioResultView;
    if (!view.result || view.result.status === "error") throw new Error("no solved result");
    made.push({ id: scenario.id, name: body.name, result: view.result });
  }
  return made;
}

function expect200(status: number) {
  if (status !== 200) throw new Error(`login failed: ${status}`);
}
