/**
 * The matching parameters a report lists, with their DESIGN §5 default and source. The numbers and
 * sources are those in the TSDoc of `parametersSchema` (src/core/matching/instance.ts); keep both
 * in step.
 */
import type { MatchingParameters } from "../../../core/matching/instance";

export interface ParameterSource {
  key: keyof MatchingParameters;
  /** The unit label shown after the value ("" for a word such as the distance mode). */
  unit: string;
  /** Where the default comes from; empty when it is a policy choice, not a reference number. */
  source: string;
}

export const parameterSources: readonly ParameterSource[] = [
  { key: "truckPayloadTonnes", unit: "t", source: "4-axle tipper, 32 t gross (weight limits of the bruksforskriften); tipper semi-trailers 30–37 t" },
  { key: "costPerTonneKm", unit: "NOK/tkm", source: "A Norwegian haulier's list: NOK 40/m³ at 1 km, 85 at 20 km, 160 at 40 km" },
  { key: "loadingCostPerTonne", unit: "NOK/t", source: "As the haul price (haulier's list)" },
  {
    key: "kgCO2PerVehicleKm",
    unit: "kg CO2/vkm",
    source: "Miljødirektoratet conversion tables: 3.75 l diesel per 10 km × 2.66 kg/l (tailpipe CO2, fossil diesel), loaded and empty alike; whole loads × km × 2",
  },
  { key: "carbonPricePerKg", unit: "NOK/kg CO2e", source: "" },
  { key: "maxHaulKm", unit: "km", source: "" },
  { key: "distanceMode", unit: "", source: "" },
  { key: "circuityFactor", unit: "", source: "DESIGN §5: road km per straight-line km" },
  { key: "objective", unit: "", source: "" },
];
