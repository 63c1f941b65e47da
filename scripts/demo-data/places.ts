/**
 * Real places in Asker used to label the basemap and to place the illustrative demo records.
 * Script-only data.
 *
 * Positions are approximate centres of the settlements (WGS84 lon, lat), set by hand for the
 * demo, because N1000 has only cartographic label positions (often offset by up to ~2 km, some
 * over water) and lacks Vollen, Nesbru, Spikkestad, Hvalstad and Billingstad.
 * Some were nudged a few hundred metres inland so that they fall inside the simplified
 * Asker boundary (noted per place).
 */
import type { Position } from "./geo";

export interface DemoPlace {
  name: string;
  /** N1000 `navneobjekttype` vocabulary: tettsted (village/town) or tettbebyggelse (neighbourhood). */
  kind: "tettsted" | "tettbebyggelse";
  position: Position;
}

export const demoPlaces = {
  asker: { name: "Asker", kind: "tettsted", position: [10.434, 59.833] },
  slemmestad: { name: "Slemmestad", kind: "tettsted", position: [10.495, 59.781] },
  heggedal: { name: "Heggedal", kind: "tettsted", position: [10.443, 59.787] },
  royken: { name: "Røyken", kind: "tettsted", position: [10.393, 59.748] },
  spikkestad: { name: "Spikkestad", kind: "tettsted", position: [10.341, 59.747] },
  saetre: { name: "Sætre", kind: "tettsted", position: [10.523, 59.683] },
  // Tofte sits on the shore; 10.564, 59.542 falls 50 m outside the simplified boundary.
  tofte: { name: "Tofte", kind: "tettsted", position: [10.557, 59.545] },
  vollen: { name: "Vollen", kind: "tettsted", position: [10.481, 59.802] },
  nesbru: { name: "Nesbru", kind: "tettbebyggelse", position: [10.49, 59.857] },
  billingstad: { name: "Billingstad", kind: "tettbebyggelse", position: [10.478, 59.866] },
  hvalstad: { name: "Hvalstad", kind: "tettbebyggelse", position: [10.461, 59.858] },
  // Holmen lies by Holmensvingen, east of Nesbru; 10.505, 59.852 is over water on the simplified boundary.
  holmen: { name: "Holmen", kind: "tettbebyggelse", position: [10.489, 59.851] },
  drengsrud: { name: "Drengsrud", kind: "tettbebyggelse", position: [10.452, 59.844] },
  borgen: { name: "Borgen", kind: "tettbebyggelse", position: [10.421, 59.824] },
  vettre: { name: "Vettre", kind: "tettbebyggelse", position: [10.466, 59.823] },
  filtvet: { name: "Filtvet", kind: "tettsted", position: [10.592, 59.573] },
  holmsbu: { name: "Holmsbu", kind: "tettsted", position: [10.448, 59.565] },
  aros: { name: "Åros", kind: "tettsted", position: [10.476, 59.712] },
  // 10.421, 59.640 falls west of the simplified boundary; moved 1.1 km east.
  klokkarstua: { name: "Klokkarstua", kind: "tettbebyggelse", position: [10.44, 59.64] },
  bodalen: { name: "Bødalen", kind: "tettbebyggelse", position: [10.416, 59.815] },
} as const satisfies Record<string, DemoPlace>;

export type DemoPlaceKey = keyof typeof demoPlaces;

/** N1000 place names replaced by a demo position (their N1000 label point is dropped). */
export const replacedN1000Names: readonly string[] = [
  "Asker",
  "Slemmestad",
  "Heggedal",
  "Røyken",
  "Sætre",
  "Tofte",
  "Filtvet",
  "Holmsbu",
  "Åros",
  "Klokkarstua",
];

/** Bigger neighbours (and the fjord) kept from N1000 however far they are, for orientation on the map. */
export const keptNeighbourNames: readonly string[] = ["Sandvika", "Drammen", "Oslo", "Lierbyen", "Drøbak", "Oslofjorden"];
