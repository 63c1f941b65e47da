/**
 * Keeps several maps on the same view: a map publishes its view when a person moves it, every
 * other map in the group jumps there. No MapLibre types, so it is tested without WebGL.
 */
export interface MapViewState {
  center: [lon: number, lat: number];
  zoom: number;
  bearing: number;
  pitch: number;
}

export interface ViewSync {
  /** Adds a map; answers the function that removes it (also its identity when publishing). */
  join(apply: (view: MapViewState) => void): () => void;
  /** Sends a view to every member but the sender. */
  publish(view: MapViewState, sender?: () => void): void;
}

export function createViewSync(): ViewSync {
  const members = new Map<() => void, (view: MapViewState) => void>();
  return {
    join(apply) {
      const leave = () => {
        members.delete(leave);
      };
      members.set(leave, apply);
      return leave;
    },
    publish(view, sender) {
      for (const [leave, apply] of members) if (leave !== sender) apply(view);
    },
  };
}
