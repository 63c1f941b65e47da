/** Lots (or parts) the plan could not place, each with the reason a planner reads. Presentational. */
import type { Unplaced } from "../../../core/matching/result";
import { formatWithUnit, translate, translateMessage, type Lang } from "../../i18n/i18n";
import type { Places } from "./result-data";

/** Why a lot is unplaced, in the user's language (the English reason from a result saved before keys existed). */
export function unplacedReason(u: Unplaced, lang: Lang): string {
  // A special mass stopped by its flag (DESIGN §8) names the rule by key.
  if (u.flagRefusal) return translate(lang, `unplaced.flag.${u.flagRefusal.reason}`, { flag: translate(lang, `flag.${u.flagRefusal.flag}`) });
  if (!u.reasonDetails || u.reasonDetails.length === 0) return u.reason;
  return u.reasonDetails.map((detail) => translateMessage(lang, detail)).join("; ");
}

export function UnplacedList({ unplaced, places, lang }: { unplaced: readonly Unplaced[]; places: Places; lang: Lang }) {
  if (unplaced.length === 0) return <p className="muted">{translate(lang, "results.unplacedNone")}</p>;
  return (
    // It scrolls when long: focusable and named, so keyboard users can scroll it too (WCAG 2.1.1).
    <ul className="unplaced-list" tabIndex={0} aria-label={translate(lang, "results.unplaced")}>
      {unplaced.map((u, i) => (
        <li key={`${u.lotId}-${i}`}>
          {translate(lang, "results.unplacedItem", {
            lot: places[u.lotId]?.name ?? u.lotId,
            tonnes: formatWithUnit(lang, u.tonnes, translate(lang, "unit.tonnes")),
            direction: translate(lang, `direction.${u.direction}`),
            reason: unplacedReason(u, lang),
          })}
        </li>
      ))}
    </ul>
  );
}
