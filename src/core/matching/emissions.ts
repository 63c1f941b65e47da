/**
 * Truck trips and transport emissions (DESIGN §5, issue 17 item 6): one rule for the KPIs and the
 * LP objective, so that a plan's CO2 follows vehicle-km and therefore the payload.
 *
 * - A flow is carried in whole loads: trips = ⌈tonnes ÷ payload⌉ (the last load may be part-full).
 * - Every trip drives the leg loaded and returns empty: vehicle-km = trips × km × 2.
 * - kg CO2 = vehicle-km × kgCO2PerVehicleKm: tailpipe CO2 of fossil diesel, loaded and empty alike.
 * - The LP cannot count whole loads (that would make it an integer programme), so it prices a
 *   tonne-km at 2 × kgCO2PerVehicleKm ÷ payload: full loads and an empty return. The KPIs count
 *   whole trips, so a plan's reported CO2 is at least what the objective assumed.
 */

/**
 * Tailpipe CO2 of a tipper lorry, kg per vehicle-km, loaded or empty: 3.75 l diesel per 10 km ×
 * 2.66 kg CO2 per litre of fossil diesel ≈ 1.0. Source: Miljødirektoratet's conversion tables
 * (DESIGN §5); a biofuel share of the diesel is to be deducted by the user. GLEC v2 gives
 * 0.095 kg/tkm for a rigid 26–32 t truck, about the same at 17 t with the empty return.
 */
export const defaultKgCO2PerVehicleKm = 1.0;

/** The parameters the emission rule reads (a subset of `MatchingParameters`). */
export interface EmissionParameters {
  truckPayloadTonnes: number;
  /** kg CO2 per vehicle-km; `defaultKgCO2PerVehicleKm` when absent. */
  kgCO2PerVehicleKm?: number | undefined;
  /** Deprecated: kg CO2e per tonne-km including the empty return, from instances before issue 17. */
  kgCO2ePerTonneKm?: number | undefined;
}

/** The vehicle-km factor in force and where it came from (for a note in the result). */
export interface VehicleEmissionFactor {
  kgCO2PerVehicleKm: number;
  source: "given" | "default" | "from_kgCO2ePerTonneKm";
}

/**
 * The kg CO2 per vehicle-km a run uses. `kgCO2PerVehicleKm` when given; else an older instance's
 * `kgCO2ePerTonneKm` (which meant full loads with an empty return) turned back into vehicle-km:
 * kgCO2ePerTonneKm × payload ÷ 2, so such an instance keeps its per-tonne-km cost in the LP; else
 * the default 1.0.
 */
export function vehicleEmissionFactor(parameters: EmissionParameters): VehicleEmissionFactor {
  if (parameters.kgCO2PerVehicleKm !== undefined) return { kgCO2PerVehicleKm: parameters.kgCO2PerVehicleKm, source: "given" };
  if (parameters.kgCO2ePerTonneKm !== undefined) {
    return { kgCO2PerVehicleKm: (parameters.kgCO2ePerTonneKm * parameters.truckPayloadTonnes) / 2, source: "from_kgCO2ePerTonneKm" };
  }
  return { kgCO2PerVehicleKm: defaultKgCO2PerVehicleKm, source: "default" };
}

/** The LP's price of one tonne-km in kg CO2: full loads out, empty back (2 × kg/vkm ÷ payload). */
export function kgCO2PerTonneKm(parameters: EmissionParameters): number {
  return (2 * vehicleEmissionFactor(parameters).kgCO2PerVehicleKm) / parameters.truckPayloadTonnes;
}

// A flow of 34.0000001 t at 17 t per load is two loads: solver noise must not add a third.
const wholeLoadTolerance = 1e-6;

/** Whole truck loads that carry `tonnes` at `payloadTonnes` each: ⌈tonnes ÷ payload⌉, 0 for nothing. */
export function truckTrips(tonnes: number, payloadTonnes: number): number {
  if (!(tonnes > 0)) return 0;
  return Math.max(1, Math.ceil(tonnes / payloadTonnes - wholeLoadTolerance));
}

/** Trips, vehicle-km (loaded out, empty back) and kg CO2 of one flow of `tonnes` over `km`. */
export function flowTransport(tonnes: number, km: number, parameters: EmissionParameters): { trips: number; vehicleKm: number; kgCO2: number } {
  const trips = truckTrips(tonnes, parameters.truckPayloadTonnes);
  const vehicleKm = trips * km * 2;
  return { trips, vehicleKm, kgCO2: vehicleKm * vehicleEmissionFactor(parameters).kgCO2PerVehicleKm };
}

/** What a run should say about the emission factor: a note when an older per-tonne-km factor was converted. */
export function emissionFactorWarnings(parameters: EmissionParameters): string[] {
  const factor = vehicleEmissionFactor(parameters);
  if (factor.source === "from_kgCO2ePerTonneKm") {
    return [
      `kgCO2ePerTonneKm ${parameters.kgCO2ePerTonneKm} (per tonne-km incl. the empty return) was read as ` +
        `${Number(factor.kgCO2PerVehicleKm.toFixed(4))} kg CO2 per vehicle-km at the payload of ${parameters.truckPayloadTonnes} t; ` +
        "give kgCO2PerVehicleKm instead, so emissions follow whole loads and the payload.",
    ];
  }
  if (factor.source === "given" && parameters.kgCO2ePerTonneKm !== undefined) {
    return [`kgCO2ePerTonneKm was left unused: kgCO2PerVehicleKm ${factor.kgCO2PerVehicleKm} is given and sets the transport emissions.`];
  }
  return [];
}
