/** The receiving projects the matching suggests for one available lot, nearest first, with what reuse saves. */
import { useEffect, useState } from "react";
import type { OutdoorSuggestion } from "../../../core/outdoor/api";
import { failureMessage, type Message } from "../../api/failure-message";
import type { Translator } from "../../i18n/use-t";
import { fetchOutdoorSuggestions } from "../../api/client";
import { suggestionText } from "./outdoor-model";

type Loaded = { status: "loading" } | { status: "ready"; suggestions: OutdoorSuggestion[] } | { status: "failed"; message: Message };

export function OutdoorSuggestions({ lotId, typeName, tr }: { lotId: string; typeName: string; tr: Translator }) {
  const { t } = tr;
  const [loaded, setLoaded] = useState<Loaded>({ status: "loading" });
  useEffect(() => {
    let live = true;
    void fetchOutdoorSuggestions(lotId).then((result) => {
      if (live) setLoaded(result.ok ? { status: "ready", suggestions: result.value.suggestions } : { status: "failed", message: failureMessage(result.failure) });
    });
    return () => {
      live = false;
    };
  }, [lotId]);
  if (loaded.status === "loading") return <p className="muted">{t("outdoor.loading")}</p>;
  if (loaded.status === "failed") return <p className="field-error">{t(loaded.message.key, loaded.message.params)}</p>;
  if (loaded.suggestions.length === 0) return <p className="muted">{t("outdoor.noSuggestions")}</p>;
  return (
    <table className="lots-table outdoor-suggestions">
      <caption className="visible-caption">{t("outdoor.suggestionsCaption", { type: typeName })}</caption>
      <thead>
        <tr>
          <th scope="col">{t("outdoor.receiver")}</th>
          <th scope="col">{t("outdoor.neededBy")}</th>
          <th scope="col" className="numeric">{t("outdoor.haul")}</th>
          <th scope="col" className="numeric">{t("outdoor.quantity")}</th>
          <th scope="col" className="numeric">{t("lots.tonnes")}</th>
          <th scope="col" className="numeric">{t("outdoor.co2eSaving")}</th>
        </tr>
      </thead>
      <tbody>
        {loaded.suggestions.map((s) => {
          const text = suggestionText(s, tr);
          return (
            <tr key={s.wantedLotId}>
              <td>{text.project}</td>
              <td className="nowrap">{text.neededBy}</td>
              <td className="numeric nowrap">{text.haul}</td>
              <td className="numeric nowrap">{text.quantity}</td>
              <td className="numeric nowrap">{text.tonnes}</td>
              <td className="numeric nowrap">{text.co2e}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
