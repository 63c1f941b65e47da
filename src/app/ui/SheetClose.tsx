import { useT } from "../i18n/use-t";

/**
 * The close button of a side panel that becomes a full-screen sheet below 700 px (styles.css shows
 * it only there; on a wide screen the header button that opened the panel closes it).
 */
export function SheetClose({ onClose }: { onClose: () => void }) {
  const { t } = useT();
  return (
    <button type="button" className="button button-small sheet-close" onClick={onClose}>
      {t("panel.close")}
    </button>
  );
}
