/** Fetching the delivered flows the map shows (issue 16 item 2): all of them, or one month's. */
import { fetchLoadFlows } from "../../api/client";
import { failureMessage } from "../../api/failure-message";
import { monthBounds } from "../../map/delivered-flow-layers";
import { useDeliveredFlows } from "../../state/delivered-flows-store";

let latestRequest = 0;

/** Fetches the flows of `month` (all months when null) into the store; an answer overtaken by a later request is dropped. */
export async function refreshDeliveredFlows(month: string | null): Promise<void> {
  const request = ++latestRequest;
  const { setData } = useDeliveredFlows.getState();
  setData({ status: "loading", month });
  const result = await fetchLoadFlows(month === null ? {} : monthBounds(month));
  if (request !== latestRequest) return;
  setData(result.ok ? { status: "ready", month, items: result.value } : { status: "failed", month, message: failureMessage(result.failure) });
}
