/**
 * The illustrative sites of the Asker demo set: candidate storage sites (mellomlager), mass
 * receivers (massemottak/deponi) and quarries (pukkverk). Invented for demonstration, placed at
 * real places; names of real places do not mean a real site exists there. Script-only data.
 *
 * Each site names the demo zoning area it lies in (`zoneKey`), so the build can check that the
 * suitability rating has a mix to judge: industry, LNFR, extraction, and one beside housing.
 */
import { materials, type Material } from "../../src/core/domain/materials";
import type { Position } from "./geo";

export interface SiteSpec {
  key: string;
  name: string;
  kind: "storage" | "landfill" | "quarry";
  status: "candidate" | "proposed" | "allocated" | "in_use";
  centre: Position;
  /** Rectangle size, metres (width east–west before rotation, height north–south). */
  sizeM: [widthM: number, heightM: number];
  rotationDeg: number;
  /** The demo zoning area (data/demo/zoning.json key) the whole site lies in. */
  zoneKey?: string;
  capacityTonnes?: number;
  accepts?: { materials: Material[]; worstClass: number };
  handlingCostPerTonne?: number;
  /**
   * A candidate for allocation (issue 11) with its costs, by the planning estimate of
   * src/core/matching/generate.ts (candidateCosts) at the middle of its ranges: fixed NOK 400,000
   * (zoning and permits, access, a weighbridge) + NOK 140 per m² of outline (stripping, gravel pad,
   * fence, drainage and sediment pond, restoring the land); rent NOK 4 per m² and month (a lease of
   * industrial or farm land around Asker).
   */
  candidate?: boolean;
  fixedCostNok?: number;
  rentNokPerMonth?: number;
  gateFeePerTonne?: number;
  materials?: Material[];
  pricePerTonne?: number;
  kgCO2ePerTonne?: number;
  window?: { from: string; to: string };
  /** Area reserved for outdoor materials (kerbs, pipes …), m², and whether it is under cover. */
  materialAreaM2?: number;
  materialAreaCovered?: boolean;
  notes: string;
}

// Every material kind, crushed concrete, reclaimed asphalt and peat included (issue 17).
const allMaterials: Material[] = [...materials];
const demoWindow = { from: "2027-01", to: "2029-12" };
const illustrative = "Illustrativt eksempel for Massekart, ikke et reelt anlegg eller vedtak.";

export const demoSites: readonly SiteSpec[] = [
  // Storage candidates. Handling cost NOK 15–40 per tonne covers unloading, stockpiling and reloading (DESIGN §2).
  {
    key: "S01",
    name: "Lahell mellomlager",
    kind: "storage",
    status: "candidate",
    centre: [10.425, 59.758],
    sizeM: [200, 150],
    rotationDeg: 20,
    zoneKey: "Z22",
    capacityTonnes: 90000,
    accepts: { materials: allMaterials, worstClass: 2 },
    handlingCostPerTonne: 25,
    candidate: true,
    fixedCostNok: 4600000,
    rentNokPerMonth: 120000,
    window: demoWindow,
    materialAreaM2: 2500,
    materialAreaCovered: false,
    notes: `${illustrative} Skogsareal i LNFR sør for Spikkestad mot Røyken; krever dispensasjon eller planendring.`,
  },
  {
    key: "S02",
    name: "Slemmestad sementfabrikk-tomta",
    kind: "storage",
    status: "proposed",
    centre: [10.493, 59.7725],
    sizeM: [200, 200],
    rotationDeg: 10,
    zoneKey: "Z14",
    capacityTonnes: 150000,
    accepts: { materials: allMaterials, worstClass: 3 },
    handlingCostPerTonne: 18,
    window: demoWindow,
    materialAreaM2: 4000,
    materialAreaCovered: false,
    notes: `${illustrative} Tidligere industritomt med fast dekke og adkomst fra Fv165.`,
  },
  {
    key: "S03",
    name: "Heggedal næringsområde",
    kind: "storage",
    status: "allocated",
    centre: [10.432, 59.78],
    sizeM: [160, 125],
    rotationDeg: -15,
    zoneKey: "Z11",
    capacityTonnes: 60000,
    accepts: { materials: ["rock", "gravel_sand", "moraine"], worstClass: 2 },
    handlingCostPerTonne: 20,
    window: demoWindow,
    notes: `${illustrative} Ubebygd del av næringsområdet; egnet for stein og grus.`,
  },
  {
    key: "S04",
    name: "Sætre industriområde",
    kind: "storage",
    status: "candidate",
    centre: [10.513, 59.675],
    sizeM: [180, 140],
    rotationDeg: 30,
    zoneKey: "Z24",
    capacityTonnes: 80000,
    accepts: { materials: ["rock", "gravel_sand", "moraine", "clay_silt", "mixed"], worstClass: 3 },
    handlingCostPerTonne: 22,
    candidate: true,
    fixedCostNok: 3928000,
    rentNokPerMonth: 100800,
    window: demoWindow,
    notes: `${illustrative} Industriområde nær E134.`,
  },
  {
    key: "S05",
    name: "Tofte – tidligere fabrikkområde",
    kind: "storage",
    status: "proposed",
    centre: [10.553, 59.553],
    sizeM: [200, 200],
    rotationDeg: -5,
    zoneKey: "Z26",
    capacityTonnes: 120000,
    accepts: { materials: allMaterials, worstClass: 4 },
    handlingCostPerTonne: 15,
    window: demoWindow,
    materialAreaM2: 1200,
    materialAreaCovered: true,
    notes: `${illustrative} Stor, flat industritomt; kan ta masser opp til tilstandsklasse 4 på tett dekke.`,
  },
  {
    key: "S06",
    name: "Vettre grustak",
    kind: "storage",
    status: "candidate",
    centre: [10.458, 59.818],
    sizeM: [200, 150],
    rotationDeg: 45,
    zoneKey: "Z16",
    capacityTonnes: 100000,
    accepts: { materials: ["rock", "gravel_sand", "moraine", "mixed"], worstClass: 2 },
    handlingCostPerTonne: 20,
    candidate: true,
    fixedCostNok: 4600000,
    rentNokPerMonth: 120000,
    window: demoWindow,
    notes: `${illustrative} Uttatt del av et råstoffområde; sentralt mellom Asker sentrum og Slemmestad.`,
  },
  {
    key: "S07",
    name: "Spikkestad næringspark",
    kind: "storage",
    status: "candidate",
    centre: [10.349, 59.7445],
    sizeM: [150, 130],
    rotationDeg: 0,
    zoneKey: "Z21",
    capacityTonnes: 50000,
    accepts: { materials: ["rock", "gravel_sand", "moraine", "topsoil"], worstClass: 2 },
    handlingCostPerTonne: 28,
    candidate: true,
    fixedCostNok: 3130000,
    rentNokPerMonth: 78000,
    window: demoWindow,
    notes: `${illustrative} Foreslått næringsareal rett ved et boligområde: støy og støv må vurderes.`,
  },
  {
    key: "S08",
    name: "Billingstad/Nesbru næring",
    kind: "storage",
    status: "candidate",
    centre: [10.482, 59.867],
    sizeM: [120, 100],
    rotationDeg: 15,
    zoneKey: "Z08",
    capacityTonnes: 25000,
    accepts: { materials: ["rock", "gravel_sand"], worstClass: 1 },
    handlingCostPerTonne: 35,
    window: demoWindow,
    notes: `${illustrative} Liten, sentral tomt ved E18; dyr å drive, kort kjøring.`,
  },
  {
    key: "S09",
    name: "Åros jordmellomlager",
    kind: "storage",
    status: "candidate",
    centre: [10.46, 59.722],
    sizeM: [130, 115],
    rotationDeg: 10,
    zoneKey: "Z31",
    capacityTonnes: 20000,
    accepts: { materials: ["topsoil", "moraine"], worstClass: 1 },
    handlingCostPerTonne: 15,
    window: demoWindow,
    notes: `${illustrative} Mellomlager for matjord ved gårdsbruk i LNFR; kun rene masser.`,
  },
  {
    key: "S10",
    name: "Klokkarstua mellomlager",
    kind: "storage",
    status: "candidate",
    centre: [10.49, 59.625],
    sizeM: [160, 125],
    rotationDeg: -25,
    zoneKey: "Z28",
    capacityTonnes: 40000,
    accepts: { materials: ["rock", "gravel_sand", "moraine", "clay_silt"], worstClass: 2 },
    handlingCostPerTonne: 22,
    candidate: true,
    fixedCostNok: 3200000,
    rentNokPerMonth: 80000,
    window: demoWindow,
    notes: `${illustrative} Skogsareal i LNFR på Hurumhalvøya; lang kjøring fra nord.`,
  },
  // Receivers. Gate fee around DESIGN §5's NOK 320 per tonne.
  {
    key: "S11",
    name: "Kjekstad massemottak (Røyken)",
    kind: "landfill",
    status: "in_use",
    centre: [10.372, 59.728],
    sizeM: [250, 200],
    rotationDeg: 15,
    zoneKey: "Z33",
    capacityTonnes: 400000,
    accepts: { materials: allMaterials, worstClass: 4 },
    gateFeePerTonne: 320,
    window: demoWindow,
    notes: `${illustrative} Regulert massemottak ved E134; tar imot masser til og med tilstandsklasse 4, ikke farlig avfall.`,
  },
  {
    key: "S12",
    name: "Hurum massedeponi",
    kind: "landfill",
    status: "in_use",
    centre: [10.53, 59.6],
    sizeM: [250, 220],
    rotationDeg: -10,
    zoneKey: "Z34",
    capacityTonnes: 250000,
    accepts: { materials: allMaterials, worstClass: 5 },
    gateFeePerTonne: 380,
    window: demoWindow,
    notes: `${illustrative} Deponi med tillatelse for forurensede masser til og med tilstandsklasse 5; ikke farlig avfall.`,
  },
  // Quarries: virgin rock and gravel. Price NOK/t and kg CO2e/t (extraction and crushing) are demo values.
  {
    key: "S13",
    name: "Spikkestad pukkverk",
    kind: "quarry",
    status: "in_use",
    centre: [10.355, 59.765],
    sizeM: [250, 200],
    rotationDeg: 30,
    zoneKey: "Z35",
    materials: ["rock", "gravel_sand"],
    pricePerTonne: 135,
    kgCO2ePerTonne: 3.2,
    notes: `${illustrative} Pukkverk som selger sprengstein, pukk og grus.`,
  },
  {
    key: "S14",
    name: "Lier pukkverk (Gjellebekk)",
    kind: "quarry",
    status: "in_use",
    centre: [10.305, 59.778],
    sizeM: [300, 250],
    rotationDeg: 0,
    materials: ["rock", "gravel_sand"],
    pricePerTonne: 120,
    kgCO2ePerTonne: 2.6,
    notes: `${illustrative} Ligger i Lier kommune, like vest for Asker; pris og utslipp er eksempelverdier.`,
  },
];
