/**
 * The suitability report in the user's language — pure. Each reason is translated by its
 * `reasonDetails` key (`suitability.<key>`) with its params formatted for the language; a key the
 * catalogue does not know falls back to the English sentence the server wrote.
 */
import type { SuitabilityReason } from "../../../core/suitability/reasons";
import type { ZoneEntry } from "../../../core/suitability/zone-findings";
import { zoneHazards, type ZoneHazard } from "../../../core/zoning/hazard-zones";
import type { Verdict } from "../../../core/suitability/report";
import { catalogues, type MessageKey, type MessageParams } from "../../i18n/i18n";
import type { Translator } from "../../i18n/use-t";

/** "130 m" below a kilometre, "1,2 km" from there, in the language's number format. */
export function distanceLabel(metres: number, tr: Translator): string {
  if (metres < 999.5) return tr.withUnit(Math.round(metres), "m", 0);
  return tr.withUnit(metres / 1000, "km", 1);
}

/** A share 0–1 as "42 %" / "98,5 %". */
export function percentLabel(share: number, tr: Translator): string {
  return tr.withUnit(share * 100, "%", 1);
}

const conflictKindKey = (kind: string) => `suitability.conflictKind.${kind}`;

function isKey(key: string): key is MessageKey {
  return Object.hasOwn(catalogues.nb, key);
}

/** The params of a reason, numbers formatted with their units for the sentence. */
export function reasonParams(reason: SuitabilityReason, tr: Translator): MessageParams {
  const out: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(reason.params)) {
    if (typeof value !== "number") out[name] = value;
    else if (name.endsWith("Percent")) out[name] = tr.withUnit(value, "%", 1);
    else if (name.endsWith("M") || name === "distanceM" || name === "bufferM" || name === "maxDistanceM") out[name] = distanceLabel(value, tr);
    else if (name === "areaM2") out[name] = tr.withUnit(value, "m²", 0);
    else if (name === "code") out[name] = String(value);
    else out[name] = tr.num(value, 1);
  }
  if (typeof reason.params.kind === "string") {
    const key = conflictKindKey(reason.params.kind);
    out.what = isKey(key) ? tr.t(key) : String(reason.params.label ?? reason.params.kind);
  }
  // Hazard and protection zones (issue 17): the zone named, and why it matters, in the language.
  if (isZoneHazard(reason.params.hazard)) {
    const hazard = reason.params.hazard;
    out.why = tr.t(`hazardWhy.${hazard}`);
    out.zone = zoneLabel(
      {
        source: reason.params.source === "nve" ? "nve" : "plan",
        hazard,
        objectType: String(reason.params.objectType ?? ""),
        code: typeof reason.params.code === "number" ? reason.params.code : null,
        name: String(reason.params.zoneName ?? ""),
      },
      tr,
    );
  }
  if (typeof reason.params.category === "string") {
    const key = `zoningCategory.${reason.params.category}`;
    out.categoryName = isKey(key) ? tr.t(key) : reason.params.category;
  }
  return out;
}

/** One reason as a sentence in the user's language (the server's English text when the key is unknown). */
export function reasonText(reason: SuitabilityReason, tr: Translator): string {
  const key = `suitability.${reason.key}`;
  if (!isKey(key)) return reason.text;
  return tr.t(key, reasonParams(reason, tr));
}

/** What a conflict kind is called ("school or kindergarten"), falling back to the kind id. */
export function conflictKindLabel(kind: string, tr: Translator): string {
  const key = conflictKindKey(kind);
  return isKey(key) ? tr.t(key) : kind.replace(/_/g, " ");
}

const isZoneHazard = (value: unknown): value is ZoneHazard => typeof value === "string" && (zoneHazards as readonly string[]).includes(value);

/** A zone as a planner names it: "hensynssone H310_1 (Ras- og skredfare, RpFareSone 310)", "NVEs Kvikkleire-sone Hafella". */
export function zoneLabel(zone: Pick<ZoneEntry, "source" | "hazard" | "objectType" | "code" | "name">, tr: Translator): string {
  const params = { zoneName: zone.name, hazardName: tr.t(`hazard.${zone.hazard}`), objectType: zone.objectType, code: zone.code === null ? "" : String(zone.code) };
  const text = tr.t(zone.source === "nve" ? "suitability.zoneLabel.nve" : "suitability.zoneLabel.plan", params);
  // No name in the file: drop the gap it leaves.
  return text.replace(/\s+\(/, " (").replace(/\s+\)/, ")").replace(/\s{2,}/g, " ").trim();
}

export function verdictLabel(verdict: Verdict, tr: Translator): string {
  return tr.t(`suitability.verdict.${verdict}`);
}
