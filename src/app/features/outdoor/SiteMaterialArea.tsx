/** A storage site's area for outdoor materials, read-only in its details: "Material area 2 500 m² (covered)". */
import type { Site } from "../../../core/domain/records";
import { useT } from "../../i18n/use-t";

export function SiteMaterialArea({ site }: { site: Site }) {
  const { t, withUnit } = useT();
  if (site.kind !== "storage") return null;
  const area = site.materialAreaM2 ?? 0;
  return (
    <dl className="fields">
      <div className="field-row">
        <dt>{t("outdoor.materialArea")}</dt>
        <dd>
          {area > 0
            ? t(site.materialAreaCovered ? "outdoor.materialAreaCovered" : "outdoor.materialAreaOpen", { area: withUnit(area, "m²", 0) })
            : t("outdoor.materialAreaNone")}
        </dd>
      </div>
    </dl>
  );
}
