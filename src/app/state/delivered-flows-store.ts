/**
 * Delivered flows on the map (issue 16 item 2): whether they are shown, and the last answer of
 * `GET /api/loads/flows` for the month shown. Its own small store beside the app store (the layer
 * panel, the results panel and the map read it), with pure updates.
 */
import { create } from "zustand";
import type { LoadFlow } from "../../core/loads/api";
import type { Message } from "../api/failure-message";
import { useAppStore } from "./store";

export type DeliveredFlowsData =
  | { status: "idle" }
  | { status: "loading"; month: string | null }
  | { status: "ready"; month: string | null; items: readonly LoadFlow[] }
  | { status: "failed"; month: string | null; message: Message };

export interface DeliveredFlowsState {
  /** Shown on the map; off by default, and nothing is fetched until it is switched on. */
  visible: boolean;
  data: DeliveredFlowsData;
  /** Bumped when loads were recorded here, so a shown layer fetches again. */
  revision: number;
  setVisible: (visible: boolean) => void;
  setData: (data: DeliveredFlowsData) => void;
  loadsChanged: () => void;
}

export const useDeliveredFlows = create<DeliveredFlowsState>()((set) => ({
  visible: false,
  data: { status: "idle" },
  revision: 0,
  setVisible: (visible) => set({ visible }),
  setData: (data) => set({ data }),
  loadsChanged: () => set((s) => ({ revision: s.revision + 1 })),
}));

/** The month the delivered flows follow: the result's month while a result shows one, else all months (null). */
export function useDeliveredMonth(): string | null {
  return useAppStore((s) => (s.matching.shown ? s.matching.month : null));
}
