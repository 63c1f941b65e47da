import { useT } from "../i18n/use-t";
import { anyIllustrative } from "../state/data-slice";
import { useAppStore } from "../state/store";

/** Says plainly that the records are illustrative, whenever any loaded record is. */
export function DemoBanner() {
  const { t } = useT();
  const show = useAppStore((s) => anyIllustrative(s.data));
  if (!show) return null;
  return (
    <p className="demo-banner" role="note">
      {t("demo.banner")}
    </p>
  );
}
