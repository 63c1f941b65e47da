/**
 * A project's history as people read it: "changed by engineer, 2027-03-04 10:12: quantity
 * 1 200 → 1 500 t". Pure: compares an audit entry's record before and after, field by field,
 * and formats each change with its unit in the user's language.
 */
import type { AuditEntry } from "../../../core/domain/registry-api";
import type { Lot, Project } from "../../../core/domain/records";
import { representativePoint, type LocationGeometry } from "../../../core/geo/geometry";
import { distanceM } from "../../../core/haul/geodesy";
import type { MessageKey } from "../../i18n/i18n";
import type { Translator } from "../../i18n/use-t";

/** One field that changed, formatted: "quantity", "1 200", "1 500 t". */
export interface FieldChange {
  field: MessageKey;
  before: string;
  after: string;
}

export interface HistoryLine {
  id: number;
  action: AuditEntry["action"];
  entity: AuditEntry["entity"];
  actor: string;
  /** Local time in Norway, "2027-03-04 10:12". */
  at: string;
  /** What the entry is about: the lot's description for a lot, "" for the project itself. */
  subject: string;
  changes: FieldChange[];
}

/**
 * "2027-03-04 10:12" in the municipality's time zone, whatever the browser's.
 * @param timeZone - default Europe/Oslo
 */
export function formatAuditTime(iso: string, timeZone = "Europe/Oslo"): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(date)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;

const short = (text: string, max = 60) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
/** Quoted as each language quotes: «…» in Norwegian, “…” in English. */
const quoted = (text: string, tr: Translator) =>
  text.trim() === "" ? tr.t("history.empty") : tr.lang === "nb" ? `«${short(text)}»` : `“${short(text)}”`;

function windowText(window: Lot["window"] | undefined): string {
  return window ? `${window.from}–${window.to}` : "";
}

function quantityChange(before: Lot["quantity"], after: Lot["quantity"], tr: Translator): FieldChange {
  const unit = (u: Lot["quantity"]["unit"]) => tr.t(`unit.${u}`);
  if (before.unit === after.unit) {
    return { field: "lots.quantity", before: tr.num(before.value, 3), after: tr.withUnit(after.value, unit(after.unit), 3) };
  }
  return { field: "lots.quantity", before: tr.withUnit(before.value, unit(before.unit), 3), after: tr.withUnit(after.value, unit(after.unit), 3) };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The changed fields of a lot, in the order the form shows them. */
export function lotChanges(before: Partial<Lot>, after: Partial<Lot>, tr: Translator): FieldChange[] {
  const { t } = tr;
  const changes: FieldChange[] = [];
  const push = (field: MessageKey, b: string, a: string) => changes.push({ field, before: b, after: a });
  if (before.direction !== after.direction && before.direction && after.direction) {
    push("lots.direction", t(`direction.${before.direction}`), t(`direction.${after.direction}`));
  }
  if (before.material !== after.material && before.material && after.material) {
    push("lots.material", t(`material.${before.material}`), t(`material.${after.material}`));
  }
  if (before.contaminationClass !== after.contaminationClass) {
    push("lots.class", String(before.contaminationClass ?? ""), String(after.contaminationClass ?? ""));
  }
  if (before.hazardous !== after.hazardous) {
    push("lots.hazardous", t(before.hazardous ? "history.yes" : "history.no"), t(after.hazardous ? "history.yes" : "history.no"));
  }
  if (before.quantity && after.quantity && !same(before.quantity, after.quantity)) changes.push(quantityChange(before.quantity, after.quantity, tr));
  if (!same(before.window, after.window)) push("lots.months", windowText(before.window), windowText(after.window));
  if (!same(before.monthlyProfile ?? null, after.monthlyProfile ?? null)) {
    const profile = (p: number[] | undefined) => (p && p.length > 0 ? p.map((share) => tr.num(share, 2)).join(" ") : t("history.even"));
    push("lots.profile", profile(before.monthlyProfile), profile(after.monthlyProfile));
  }
  if ((before.notes ?? "") !== (after.notes ?? "")) push("field.notes", quoted(before.notes ?? "", tr), quoted(after.notes ?? "", tr));
  return changes;
}

function locationChange(before: LocationGeometry, after: LocationGeometry, tr: Translator): FieldChange {
  if (before.type !== after.type) {
    return { field: "field.location", before: tr.t(`history.geometry.${before.type}`), after: tr.t(`history.geometry.${after.type}`) };
  }
  const metres = distanceM(representativePoint(before), representativePoint(after));
  return { field: "field.location", before: "", after: tr.t("history.moved", { distance: metres >= 1000 ? tr.withUnit(metres / 1000, "km", 1) : tr.withUnit(metres, "m", 0) }) };
}

/** The changed fields of a project (its lots have entries of their own). */
export function projectChanges(before: Partial<Project>, after: Partial<Project>, tr: Translator): FieldChange[] {
  const { t } = tr;
  const changes: FieldChange[] = [];
  if (before.name !== after.name) changes.push({ field: "form.name", before: quoted(before.name ?? "", tr), after: quoted(after.name ?? "", tr) });
  if (before.status !== after.status && before.status && after.status) {
    changes.push({ field: "field.status", before: t(`projectStatus.${before.status}`), after: t(`projectStatus.${after.status}`) });
  }
  if (before.location && after.location && !same(before.location, after.location)) changes.push(locationChange(before.location, after.location, tr));
  if ((before.contact ?? "") !== (after.contact ?? "")) changes.push({ field: "field.contact", before: quoted(before.contact ?? "", tr), after: quoted(after.contact ?? "", tr) });
  if ((before.notes ?? "") !== (after.notes ?? "")) changes.push({ field: "field.notes", before: quoted(before.notes ?? "", tr), after: quoted(after.notes ?? "", tr) });
  if (!same([...(before.members ?? [])].sort(), [...(after.members ?? [])].sort())) {
    const list = (m: string[] | undefined) => (m && m.length > 0 ? m.join(", ") : t("history.none"));
    changes.push({ field: "form.members", before: list(before.members), after: list(after.members) });
  }
  if ((before.owner ?? null) !== (after.owner ?? null)) changes.push({ field: "field.owner", before: before.owner ?? t("history.none"), after: after.owner ?? t("history.none") });
  return changes;
}

/** A lot in a few words: "surplus, rock, class 1, 1 200 t, 2027-01–2027-03". */
export function lotSummary(lot: Partial<Lot>, tr: Translator): string {
  const { t } = tr;
  const parts: string[] = [];
  if (lot.direction) parts.push(t(`direction.${lot.direction}`).toLowerCase());
  if (lot.material) parts.push(t(`material.${lot.material}`).toLowerCase());
  if (lot.contaminationClass !== undefined) parts.push(t("history.class", { class: lot.contaminationClass }));
  if (lot.quantity) parts.push(tr.withUnit(lot.quantity.value, t(`unit.${lot.quantity.unit}`), 3));
  if (lot.window) parts.push(windowText(lot.window));
  return parts.join(", ");
}

/** One audit entry as a line of the history panel. */
export function historyLine(entry: AuditEntry, tr: Translator): HistoryLine {
  const before = isObject(entry.before) ? entry.before : {};
  const after = isObject(entry.after) ? entry.after : {};
  const lot = entry.entity === "lot";
  // An update names the lot briefly (its changes follow); an added or deleted lot is described whole.
  const described = (entry.action === "delete" ? before : after) as Partial<Lot>;
  const subject = !lot ? "" : entry.action === "update" ? lotSummary({ direction: described.direction, material: described.material }, tr) : lotSummary(described, tr);
  const changes =
    entry.action !== "update"
      ? []
      : lot
        ? lotChanges(before as Partial<Lot>, after as Partial<Lot>, tr)
        : projectChanges(before as Partial<Project>, after as Partial<Project>, tr);
  return { id: entry.id, action: entry.action, entity: entry.entity, actor: entry.actor, at: formatAuditTime(entry.at), subject, changes };
}

/** A change as text: "quantity 1 200 → 1 500 t", or "location moved 120 m" when there is no before. */
export function changeText(change: FieldChange, tr: Translator): string {
  const field = tr.t(change.field).toLowerCase();
  return change.before === "" ? `${field} ${change.after}` : `${field} ${change.before} → ${change.after}`;
}

/** The whole line as one sentence, as the history panel reads: "changed by engineer, 2027-03-04 10:12: quantity 1 200 → 1 500 t". */
export function historySentence(line: HistoryLine, tr: Translator): string {
  const head = tr.t(`history.${line.entity === "lot" ? "lot" : "project"}.${line.action}`, { actor: line.actor, at: line.at });
  const subject = line.subject ? ` (${line.subject})` : "";
  const changes =
    line.action === "update" && line.changes.length === 0 ? tr.t("history.noFieldChanged") : line.changes.map((change) => changeText(change, tr)).join("; ");
  return `${head}${subject}${changes ? `: ${changes}` : ""}`;
}
