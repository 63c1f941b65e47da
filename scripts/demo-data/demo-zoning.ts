/**
 * The illustrative zoning of the Asker demo set: a hand-laid sketch of a kommuneplan (KPA) with
 * real KpArealformål codes around real places, plus detail plans (RpArealformål) for the mass
 * receivers, the quarry and two industrial sites, because 1201 Steinbrudd og masseuttak,
 * 1202 Massemottak and 1340 Industri exist only in the RP list (KP has 1200 and 1300).
 * Not Asker's real plan. Script-only data.
 */
import type { Position } from "./geo";

export interface PlanRef {
  codeList: "kp" | "rp";
  planId: string;
  planName: string;
  status: "in_force" | "proposed";
}

const kpa: PlanRef = {
  codeList: "kp",
  planId: "3203-KPA-2023 (eksempel)",
  planName: "Kommuneplanens arealdel 2023 (illustrativ)",
  status: "in_force",
};
const kpaProposal: PlanRef = {
  codeList: "kp",
  planId: "3203-KPA-2027 (eksempel)",
  planName: "Kommuneplanens arealdel 2027 – forslag (illustrativ)",
  status: "proposed",
};
const rpKjekstad: PlanRef = {
  codeList: "rp",
  planId: "3203-R-2021-04 (eksempel)",
  planName: "Detaljregulering for Kjekstad massemottak (illustrativ)",
  status: "in_force",
};
const rpHurumDeponi: PlanRef = {
  codeList: "rp",
  planId: "3203-R-2022-11 (eksempel)",
  planName: "Detaljregulering for Hurum massedeponi (illustrativ)",
  status: "in_force",
};
const rpSlemmestadIndustri: PlanRef = {
  codeList: "rp",
  planId: "3203-R-2019-06 (eksempel)",
  planName: "Detaljregulering for Slemmestad industriområde (illustrativ)",
  status: "in_force",
};
const rpTofteFabrikk: PlanRef = {
  codeList: "rp",
  planId: "3203-R-2026-03 (eksempel)",
  planName: "Detaljregulering for Tofte fabrikkområde – forslag (illustrativ)",
  status: "proposed",
};
const rpSpikkestadPukkverk: PlanRef = {
  codeList: "rp",
  planId: "3203-R-2020-02 (eksempel)",
  planName: "Detaljregulering for Spikkestad pukkverk (illustrativ)",
  status: "in_force",
};

export interface ZoneSpec {
  key: string;
  /** SOSI arealformål code in the plan's list. */
  code: number;
  plan: PlanRef;
  /** What the area is, for the reader of this file (zoning records have no name). */
  label: string;
  centre: Position;
  /** Mean radius of the irregular outline, metres. */
  radiusM: number;
  /** East–west stretch (> 1 wider, < 1 taller) and rotation, for areas that follow a valley or shore. */
  aspect?: number;
  rotationDeg?: number;
}

/** A corridor along a stretch of an N1000 road, instead of a blob. */
export interface CorridorSpec {
  key: string;
  code: number;
  plan: PlanRef;
  label: string;
  roadRef: string;
  /** Road vertices in this box [minLon, minLat, maxLon, maxLat] form the corridor's centre line. */
  bbox: [number, number, number, number];
  widthM: number;
}

export const demoZones: readonly ZoneSpec[] = [
  { key: "Z01", code: 1130, plan: kpa, label: "Asker sentrum", centre: [10.434, 59.833], radiusM: 350, aspect: 1.2 },
  { key: "Z02", code: 1110, plan: kpa, label: "Drengsrud, boliger", centre: [10.452, 59.847], radiusM: 550 },
  { key: "Z03", code: 1110, plan: kpa, label: "Borgen, boliger", centre: [10.418, 59.821], radiusM: 500, aspect: 0.8 },
  { key: "Z04", code: 3001, plan: kpa, label: "Grøntdrag mellom sentrum og Vettre", centre: [10.447, 59.826], radiusM: 250, aspect: 1.5, rotationDeg: -30 },
  { key: "Z05", code: 1110, plan: kpa, label: "Hvalstad, boliger", centre: [10.452, 59.862], radiusM: 450 },
  { key: "Z06", code: 1160, plan: kpaProposal, label: "Hvalstad, ny skoletomt", centre: [10.468, 59.853], radiusM: 180 },
  { key: "Z07", code: 1300, plan: kpa, label: "Nesbru, næring", centre: [10.489, 59.86], radiusM: 280 },
  { key: "Z08", code: 1300, plan: kpa, label: "Billingstad, næring", centre: [10.482, 59.868], radiusM: 350, aspect: 1.3 },
  { key: "Z10", code: 1130, plan: kpa, label: "Heggedal sentrum", centre: [10.443, 59.787], radiusM: 250 },
  { key: "Z11", code: 1300, plan: kpa, label: "Heggedal, industri", centre: [10.432, 59.78], radiusM: 280 },
  { key: "Z12", code: 1110, plan: kpa, label: "Heggedal, boliger", centre: [10.452, 59.796], radiusM: 450 },
  { key: "Z13", code: 1130, plan: kpa, label: "Slemmestad sentrum", centre: [10.495, 59.783], radiusM: 220 },
  { key: "Z14", code: 1340, plan: rpSlemmestadIndustri, label: "Slemmestad, tidligere sementfabrikk", centre: [10.493, 59.7725], radiusM: 280 },
  { key: "Z15", code: 1110, plan: kpa, label: "Vollen, boliger", centre: [10.478, 59.806], radiusM: 500, aspect: 0.75 },
  { key: "Z16", code: 1200, plan: kpa, label: "Vettre, råstoffutvinning", centre: [10.458, 59.818], radiusM: 300 },
  { key: "Z17", code: 1110, plan: kpa, label: "Slemmestad, boliger", centre: [10.482, 59.789], radiusM: 400 },
  { key: "Z18", code: 1110, plan: kpa, label: "Røyken, boliger", centre: [10.392, 59.75], radiusM: 550 },
  { key: "Z19", code: 1160, plan: kpa, label: "Røyken, skoletomt", centre: [10.405, 59.742], radiusM: 200 },
  { key: "Z20", code: 1110, plan: kpa, label: "Spikkestad, boliger", centre: [10.338, 59.751], radiusM: 450 },
  { key: "Z21", code: 1300, plan: kpaProposal, label: "Spikkestad næringspark (forslag)", centre: [10.349, 59.7445], radiusM: 230 },
  { key: "Z22", code: 5100, plan: kpa, label: "Lahell, LNFR", centre: [10.432, 59.76], radiusM: 900, aspect: 1.3 },
  { key: "Z23", code: 1130, plan: kpa, label: "Sætre sentrum", centre: [10.523, 59.684], radiusM: 220 },
  { key: "Z24", code: 1300, plan: kpa, label: "Sætre, industri", centre: [10.513, 59.675], radiusM: 300 },
  { key: "Z25", code: 1110, plan: kpa, label: "Sætre, boliger", centre: [10.51, 59.693], radiusM: 450 },
  { key: "Z26", code: 1340, plan: rpTofteFabrikk, label: "Tofte, tidligere fabrikkområde", centre: [10.553, 59.553], radiusM: 300 },
  { key: "Z27", code: 1110, plan: kpa, label: "Tofte, boliger", centre: [10.548, 59.54], radiusM: 380 },
  { key: "Z28", code: 5100, plan: kpa, label: "Hurumhalvøya, LNFR", centre: [10.49, 59.622], radiusM: 1600, aspect: 0.9 },
  { key: "Z29", code: 1110, plan: kpa, label: "Klokkarstua, boliger", centre: [10.442, 59.644], radiusM: 300 },
  { key: "Z30", code: 1160, plan: kpa, label: "Klokkarstua, skoletomt", centre: [10.447, 59.636], radiusM: 150 },
  { key: "Z31", code: 5100, plan: kpa, label: "Åros, LNFR", centre: [10.455, 59.727], radiusM: 700 },
  { key: "Z32", code: 1110, plan: kpa, label: "Holmsbu, boliger", centre: [10.448, 59.566], radiusM: 350 },
  { key: "Z33", code: 1202, plan: rpKjekstad, label: "Kjekstad massemottak", centre: [10.372, 59.728], radiusM: 320 },
  { key: "Z34", code: 1202, plan: rpHurumDeponi, label: "Hurum massedeponi", centre: [10.53, 59.6], radiusM: 320 },
  { key: "Z35", code: 1201, plan: rpSpikkestadPukkverk, label: "Spikkestad pukkverk", centre: [10.355, 59.765], radiusM: 330 },
  { key: "Z36", code: 5100, plan: kpa, label: "Vestmarka, LNFR", centre: [10.385, 59.848], radiusM: 1300, aspect: 1.2 },
  { key: "Z37", code: 3001, plan: kpa, label: "Holmen, friområde ved sjøen", centre: [10.482, 59.845], radiusM: 250 },
];

export const demoCorridors: readonly CorridorSpec[] = [
  // 2010 Veg, the current KP code for roads (2000 is the generalised code, "utgått etter 2011").
  { key: "Z09", code: 2010, plan: kpa, label: "E18 vest for Asker sentrum", roadRef: "E18", bbox: [10.355, 59.8, 10.42, 59.85], widthM: 120 },
];
