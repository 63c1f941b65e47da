/**
 * "Register load" (Registrer lass, issue 16): one screen on a phone (390 × 844) — pick a lot of my
 * projects, where the load went (or came from, for a demand lot), tonnes or m³, vehicle (recent
 * ones remembered on this device), weighbridge ticket and time. Numbers take a decimal comma;
 * every field has a label, the quantity its unit.
 */
import { useId, useMemo, useState, type FormEvent } from "react";
import type { Load } from "../../../core/loads/load";
import { createLoad } from "../../api/client";
import { useDeliveredFlows } from "../../state/delivered-flows-store";
import { failureMessage } from "../../api/failure-message";
import { formatWithUnit, translateMessage, type MessageKey } from "../../i18n/i18n";
import type { Translator } from "../../i18n/use-t";
import { useAppStore } from "../../state/store";
import { useProjectsWithLots } from "../map-data/projects-with-lots";
import { mayEditProject } from "../projects/permissions";
import { loadBody, localInputValue, myLots, readRecentVehicles, rememberVehicle, type LoadDraft } from "./load-form-model";

const storage = (): Storage | undefined => {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
};

export function RegisterLoadForm({ tr }: { tr: Translator }) {
  const { t, lang } = tr;
  const id = useId();
  const me = useAppStore((s) => (s.session.status === "signedIn" ? s.session.user : null));
  // The form picks a lot, so it needs the lots: fetched when it opens.
  const { projects } = useProjectsWithLots();
  const sites = useAppStore((s) => s.data.sites);
  const groups = useMemo(() => myLots(projects, (p) => mayEditProject(me, p)), [projects, me]);
  const allLots = useMemo(() => projects.flatMap((p) => p.lots.map((lot) => ({ lot, project: p }))), [projects]);
  const [recent, setRecent] = useState(() => readRecentVehicles(storage()));
  const [draft, setDraft] = useState<LoadDraft>(() => ({
    lotId: "",
    placeKind: "site",
    placeId: "",
    quantity: "",
    unit: "tonnes",
    vehicle: readRecentVehicles(storage())[0] ?? "",
    ticket: "",
    time: localInputValue(new Date()),
  }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<{ kind: "saved"; load: Load } | { kind: "failed"; text: string } | { kind: "saving" } | null>(null);
  const set = <K extends keyof LoadDraft>(key: K, value: LoadDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const lot = allLots.find((entry) => entry.lot.id === draft.lotId)?.lot;
  const lotLabel = (l: (typeof allLots)[number]["lot"], projectName?: string) =>
    `${projectName ? `${projectName}: ` : ""}${t(`material.${l.material}` as MessageKey)}, ${t(`direction.${l.direction}` as MessageKey).toLowerCase()} ${formatWithUnit(lang, l.tonnes, "t")}`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!lot) problems.lot = t("loads.form.pickLot");
    if (!draft.placeId) problems.place = t("loads.form.pickPlace");
    const { body, quantityOk } = lot ? loadBody(draft, lot, new Date(draft.time).getTimezoneOffset()) : { body: null, quantityOk: false };
    if (!quantityOk) problems.quantity = t("loads.form.quantityNumber");
    setErrors(problems);
    if (Object.keys(problems).length > 0 || !body) return;
    setStatus({ kind: "saving" });
    const result = await createLoad(body);
    if (result.ok) {
      setRecent(rememberVehicle(storage(), body.vehicle));
      setStatus({ kind: "saved", load: result.value });
      useDeliveredFlows.getState().loadsChanged();
      setDraft((d) => ({ ...d, quantity: "", ticket: "" }));
      return;
    }
    const fieldProblems: Record<string, string> = {};
    for (const field of result.failure.fields) {
      const text = translateMessage(lang, { key: field.key ?? "", params: field.params ?? {} }, field.message);
      const name = field.path.startsWith("quantity") ? "quantity" : field.path === "time" ? "time" : field.path.startsWith("vehicle") ? "vehicle" : field.path.startsWith("ticket") ? "ticket" : "place";
      fieldProblems[name] = text;
    }
    setErrors(fieldProblems);
    const message = failureMessage(result.failure);
    setStatus({ kind: "failed", text: t(message.key, message.params) });
  }

  const describedBy = (name: string) => (errors[name] ? `${id}-${name}-error` : undefined);
  const fieldError = (name: string) =>
    errors[name] ? (
      <p id={`${id}-${name}-error`} className="load-field-error">
        {errors[name]}
      </p>
    ) : null;

  if (groups.length === 0) return <p className="loads-empty">{t("loads.form.noLots")}</p>;

  return (
    <form className="load-form" onSubmit={(e) => void submit(e)} noValidate aria-label={t("loads.form.title")}>
      <div className="load-field">
        <label htmlFor={`${id}-lot`}>{t("loads.form.lot")}</label>
        <select id={`${id}-lot`} value={draft.lotId} onChange={(e) => set("lotId", e.target.value)} aria-invalid={Boolean(errors.lot)} aria-describedby={describedBy("lot")}>
          <option value="">{t("loads.form.choose")}</option>
          {groups.map(({ project, lots }) => (
            <optgroup key={project.id} label={project.name}>
              {lots.map((l) => (
                <option key={l.id} value={l.id}>
                  {lotLabel(l)}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        {fieldError("lot")}
      </div>

      <fieldset className="load-field load-place">
        <legend>{lot?.direction === "demand" ? t("loads.form.source") : t("loads.form.destination")}</legend>
        <div className="load-segmented">
          <label>
            <input type="radio" name={`${id}-kind`} checked={draft.placeKind === "site"} onChange={() => setDraft((d) => ({ ...d, placeKind: "site", placeId: "" }))} />
            {t("loads.form.site")}
          </label>
          <label>
            <input type="radio" name={`${id}-kind`} checked={draft.placeKind === "lot"} onChange={() => setDraft((d) => ({ ...d, placeKind: "lot", placeId: "" }))} />
            {t("loads.form.otherLot")}
          </label>
        </div>
        <label htmlFor={`${id}-place`} className="visually-hidden">
          {draft.placeKind === "site" ? t("loads.form.site") : t("loads.form.otherLot")}
        </label>
        <select id={`${id}-place`} value={draft.placeId} onChange={(e) => set("placeId", e.target.value)} aria-invalid={Boolean(errors.place)} aria-describedby={describedBy("place")}>
          <option value="">{t("loads.form.choose")}</option>
          {draft.placeKind === "site"
            ? sites
                .filter((s) => s.kind !== "quarry" || lot?.direction === "demand")
                .map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))
            : allLots
                .filter((entry) => entry.lot.id !== draft.lotId && entry.lot.direction !== lot?.direction)
                .map((entry) => (
                  <option key={entry.lot.id} value={entry.lot.id}>
                    {lotLabel(entry.lot, entry.project.name)}
                  </option>
                ))}
        </select>
        {fieldError("place")}
      </fieldset>

      <div className="load-field load-quantity">
        <label htmlFor={`${id}-quantity`}>{t("loads.form.quantity")}</label>
        <div className="load-quantity-row">
          <input
            id={`${id}-quantity`}
            type="text"
            inputMode="decimal"
            autoComplete="off"
            enterKeyHint="next"
            value={draft.quantity}
            onChange={(e) => set("quantity", e.target.value)}
            aria-invalid={Boolean(errors.quantity)}
            aria-describedby={describedBy("quantity")}
          />
          <label htmlFor={`${id}-unit`} className="visually-hidden">
            {t("loads.form.unit")}
          </label>
          <select id={`${id}-unit`} value={draft.unit} onChange={(e) => set("unit", e.target.value as LoadDraft["unit"])}>
            <option value="tonnes">{t("loads.unit.tonnes")}</option>
            <option value="m3">{t("loads.unit.m3")}</option>
          </select>
        </div>
        {fieldError("quantity")}
      </div>

      <div className="load-field">
        <label htmlFor={`${id}-vehicle`}>{t("loads.form.vehicle")}</label>
        <input
          id={`${id}-vehicle`}
          type="text"
          list={`${id}-vehicles`}
          autoCapitalize="characters"
          autoComplete="off"
          enterKeyHint="next"
          value={draft.vehicle}
          onChange={(e) => set("vehicle", e.target.value)}
          aria-describedby={describedBy("vehicle")}
        />
        <datalist id={`${id}-vehicles`}>
          {recent.map((v) => (
            <option key={v} value={v} />
          ))}
        </datalist>
        {recent.length > 0 && (
          <div className="load-recent" role="group" aria-label={t("loads.form.recentVehicles")}>
            {recent.slice(0, 4).map((v) => (
              <button key={v} type="button" className="button load-chip" aria-pressed={draft.vehicle === v} onClick={() => set("vehicle", v)}>
                {v}
              </button>
            ))}
          </div>
        )}
        {fieldError("vehicle")}
      </div>

      <div className="load-field">
        <label htmlFor={`${id}-ticket`}>{t("loads.form.ticket")}</label>
        <input id={`${id}-ticket`} type="text" autoComplete="off" enterKeyHint="next" value={draft.ticket} onChange={(e) => set("ticket", e.target.value)} aria-describedby={describedBy("ticket")} />
        {fieldError("ticket")}
      </div>

      <div className="load-field">
        <label htmlFor={`${id}-time`}>{t("loads.form.time")}</label>
        <input id={`${id}-time`} type="datetime-local" value={draft.time} onChange={(e) => set("time", e.target.value)} aria-describedby={describedBy("time")} />
        {fieldError("time")}
      </div>

      <button type="submit" className="button button-primary load-submit" disabled={status?.kind === "saving"}>
        {t("loads.form.submit")}
      </button>
      <p className="load-status" role="status" aria-live="polite">
        {status?.kind === "saved" && t("loads.form.saved", { tonnes: formatWithUnit(lang, status.load.tonnes, "t"), ticket: status.load.ticket || "–" })}
        {status?.kind === "failed" && status.text}
        {status?.kind === "saving" && t("loads.form.saving")}
      </p>
    </form>
  );
}
