/** Loads the API collections the map shows into the store. */
import { fetchHazardZones, fetchProjectSummaries, fetchSites, fetchZoning, type ApiResult } from "../../api/client";
import { withDataLoaded, withDataLoading, type DataFailure, type DataPart, type DataState } from "../../state/data-slice";
import { useAppStore } from "../../state/store";
import { endSession } from "../session/session-actions";
import { forgetProjectsWithLots } from "./projects-with-lots";

/**
 * Fetches the projects' summaries (lots stay on the server until a view needs them), sites, zoning and hazard zones in parallel. A part that fails is reported and the others
 * still show; a 401 means the session ended, so the user goes back to the sign-in page.
 */
export async function loadMapData(): Promise<void> {
  const store = useAppStore.getState();
  store.setData(withDataLoading(store.data));
  forgetProjectsWithLots();
  const [projects, sites, zoning, zones] = await Promise.all([fetchProjectSummaries(), fetchSites(), fetchZoning(), fetchHazardZones()]);
  // Signed out while the calls were under way: the answers belong to nobody now.
  if (useAppStore.getState().session.status !== "signedIn") return;

  const results: { [P in DataPart]: ApiResult<DataState[P]> } = { projects, sites, zoning, zones };
  const loaded: Partial<Pick<DataState, DataPart>> = {};
  const failures: DataFailure[] = [];
  for (const part of ["projects", "sites", "zoning", "zones"] as const) {
    const result = results[part];
    if (result.ok) Object.assign(loaded, { [part]: result.value });
    else failures.push({ part, failure: result.failure });
  }
  if (failures.some((f) => f.failure.status === 401)) {
    endSession("session.expired");
    return;
  }
  const current = useAppStore.getState();
  current.setData(withDataLoaded(current.data, loaded, failures));
}
