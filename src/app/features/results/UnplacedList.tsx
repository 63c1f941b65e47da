/** Lots (or parts) the plan could not place, each with the reason a planner reads. Presentational. */
import type { Unplaced } from "../../../core/matching/result";
import { formatWithUnit, translate, type Lang } from "../../i18n/i18n";
import type { Places } from "./result-data";

export function UnplacedList({ unplaced, places, lang }: { unplaced: readonly Unplaced[]; places: Places; lang: Lang }) {
  if (unplaced.length === 0) return <p className="muted">{translate(lang, "results.unplacedNone")}</p>;
  return (
    <ul className="unplaced-list">
      {unplaced.map((u, i) => (
        <li key={`${u.lotId}-${i}`}>
          {translate(lang, "results.unplacedItem", {
            lot: places[u.lotId]?.name ?? u.lotId,
            tonnes: formatWithUnit(lang, u.tonnes, translate(lang, "unit.tonnes")),
            direction: translate(lang, `direction.${u.direction}`),
            // A special mass stopped by its flag (DESIGN §8) reads in the user's language; other reasons come as written.
            reason: u.flagRefusal
              ? translate(lang, `unplaced.flag.${u.flagRefusal.reason}`, { flag: translate(lang, `flag.${u.flagRefusal.flag}`) })
              : u.reason,
          })}
        </li>
      ))}
    </ul>
  );
}
