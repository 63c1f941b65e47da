import { failureMessage } from "../api/failure-message";
import { loadMapData } from "../features/map-data/load-map-data";
import { useT } from "../i18n/use-t";
import { useAppStore } from "../state/store";

/** Loading indication and load errors of the map data, over the top of the map. */
export function DataStatus() {
  const { t } = useT();
  const status = useAppStore((s) => s.data.status);
  const failures = useAppStore((s) => s.data.failures);
  if (status === "loading") {
    return (
      <div className="map-toast" role="status">
        <span className="spinner" aria-hidden="true" />
        {t("data.loading")}
      </div>
    );
  }
  if (status !== "error") return null;
  const detail = failures
    .map(({ part, failure }) => {
      const message = failureMessage(failure);
      return `${t(`data.what.${part}`)}: ${t(message.key, message.params)}`;
    })
    .join("; ");
  return (
    <div className="map-toast map-toast-error" role="alert">
      <span>{t("data.failed", { detail })}</span>
      <button type="button" className="button" onClick={() => void loadMapData()}>
        {t("data.retry")}
      </button>
    </div>
  );
}
