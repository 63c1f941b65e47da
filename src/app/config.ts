/**
 * Run-time configuration the server injects into the page as `window.__MASSEKART_CONFIG__`
 * (so a municipality can point the app elsewhere without rebuilding it).
 */
import { defaultTopoTileUrl } from "./map/style";

export interface MassekartConfig {
  /** XYZ tile URL template of the optional online topographic map. */
  topoTileUrl?: string;
}

declare global {
  interface Window {
    __MASSEKART_CONFIG__?: MassekartConfig;
  }
}

/** The topographic tile URL: the injected one, else Kartverket's open cache. */
export function topoTileUrl(
  config: MassekartConfig | undefined = typeof window === "undefined" ? undefined : window.__MASSEKART_CONFIG__,
): string {
  const url = config?.topoTileUrl;
  return typeof url === "string" && url.trim() !== "" ? url : defaultTopoTileUrl;
}
