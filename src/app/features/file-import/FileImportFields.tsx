/**
 * The parts every file-import dialog shares (zoning, sites, road network; issue 13): the format
 * choice ("tell from the file" or one format), the layer chooser for files with several layers,
 * and the reader's notes. One look and one behaviour across the dialogs.
 */
import type { FileLayer } from "../../../core/zoning/file-layers";
import { useT } from "../../i18n/use-t";
import { Field } from "../../ui/Field";

/** The file picker's accept list of the vector imports (see `formatOfFileName` in io/formats). */
export const vectorFileAccept = ".geojson,.json,.gpkg,.zip,.kml,.kmz,.fgb";

/** "auto": the server tells the format from the file's content and name. */
export type FormatChoice<F extends string> = F | "auto";

/** The format select: "tell from the file", then each format by its name. */
export function FormatField<F extends string>({
  path,
  formats,
  value,
  onChange,
}: {
  path: string;
  formats: readonly F[];
  value: FormatChoice<F>;
  onChange: (format: FormatChoice<F>) => void;
}) {
  const { t } = useT();
  return (
    <Field path={path} label={t("zoningImport.format")}>
      {(control) => (
        <select {...control} value={value} onChange={(e) => onChange(e.target.value as FormatChoice<F>)}>
          <option value="auto">{t("zoningImport.format.auto")}</option>
          {formats.map((f) => (
            <option key={f} value={f}>
              {t(`zoningImport.format.${f as "geojson"}`)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/**
 * The layer chooser, shown when the file has more than one layer. `allLabel` adds a first option
 * for "every layer" (value ""); without it the user must pick one (the first option asks to).
 */
export function LayerField({
  path,
  layers,
  value,
  onChange,
  disabled,
  hint,
  allLabel,
}: {
  path: string;
  layers: readonly FileLayer[];
  value: string;
  onChange: (layer: string) => void;
  disabled?: boolean;
  hint: string;
  allLabel?: string;
}) {
  const { t, num } = useT();
  if (layers.length < 2) return null;
  return (
    <Field path={path} label={t("zoningImport.layer")} hint={hint}>
      {(control) => (
        <select {...control} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)}>
          <option value="" disabled={allLabel === undefined}>
            {allLabel ?? t("fileImport.chooseLayer")}
          </option>
          {layers.map((l) => (
            <option key={l.name} value={l.name}>
              {t("zoningImport.layerOption", { name: l.name, count: num(l.featureCount) })}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** What the file's reader noticed without stopping (a guessed encoding, a missing .prj …). */
export function ReaderWarnings({ warnings }: { warnings: readonly string[] }) {
  const { t } = useT();
  if (warnings.length === 0) return null;
  return (
    <>
      <h4 className="subsection-title">{t("zoningImport.warnings")}</h4>
      <ul>
        {warnings.map((w, i) => (
          <li key={i}>{w}</li>
        ))}
      </ul>
    </>
  );
}
