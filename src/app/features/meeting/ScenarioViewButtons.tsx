import { useT } from "../../i18n/use-t";
import { compareButtonId } from "../compare/compare-ids";
import { useScenarioViews } from "../compare/scenario-data";
import { presentationButtonId } from "./meeting-ids";

/** The header's Compare and Presentation mode buttons; every signed-in user may use both (they only read). */
export function ScenarioViewButtons() {
  const { t } = useT();
  const openCompare = useScenarioViews((s) => s.openCompare);
  const openPresentation = useScenarioViews((s) => s.openPresentation);
  return (
    <>
      <button type="button" id={compareButtonId} className="button" aria-haspopup="dialog" onClick={openCompare}>
        {t("compare.open")}
      </button>
      <button type="button" id={presentationButtonId} className="button" aria-haspopup="dialog" onClick={openPresentation}>
        {t("meeting.open")}
      </button>
    </>
  );
}
