/**
 * A table of outdoor-material lots: type, direction, quantity in its unit, area as stored, weight,
 * condition, months and storage site; optional edit and delete (asked twice), and for available
 * lots the receiving projects the matching suggests, opened under the row.
 */
import { Fragment, useState } from "react";
import type { OutdoorLot } from "../../../core/outdoor/api";
import type { Translator } from "../../i18n/use-t";
import { useAppStore } from "../../state/store";
import { OutdoorSuggestions } from "./OutdoorSuggestions";
import { outdoorUnitLabel } from "./outdoor-model";

export function OutdoorLotsTable({
  lots,
  caption,
  tr,
  showProject = false,
  compact = false,
  onEdit,
  onDelete,
}: {
  lots: readonly OutdoorLot[];
  caption: string;
  tr: Translator;
  showProject?: boolean;
  /** Four columns (material, quantity with area and weight, months and site, actions) for the narrow details panel. */
  compact?: boolean;
  onEdit?: (lot: OutdoorLot) => void;
  onDelete?: (lot: OutdoorLot) => void;
}) {
  const { t, lang, withUnit } = tr;
  const types = useAppStore((s) => s.outdoor.types);
  const sites = useAppStore((s) => s.data.sites);
  const projects = useAppStore((s) => s.data.projects);
  const [openSuggestions, setOpenSuggestions] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const typeName = (lot: OutdoorLot) => types?.find((type) => type.id === lot.typeId)?.names[lang] ?? lot.typeId;
  const siteName = (lot: OutdoorLot) => {
    if (lot.direction !== "available") return "–";
    const name = sites.find((site) => site.id === lot.storage.siteId)?.name ?? lot.storage.siteId;
    if (!name) return t("outdoor.noSite");
    return lot.storage.chosen === "nearest" ? t("outdoor.siteNearest", { site: name }) : name;
  };
  const months = (lot: OutdoorLot) =>
    lot.direction === "available" ? `${lot.availableFrom}${lot.wantedBy ? ` – ${lot.wantedBy.month}` : ""}` : t("outdoor.neededByValue", { month: lot.neededBy });
  const actions = Boolean(onEdit || onDelete) || lots.some((lot) => lot.direction === "available");
  const columns = (compact ? 3 : 8) + (showProject ? 1 : 0) + (actions ? 1 : 0);
  return (
    <div className="table-scroll">
      <table className="lots-table outdoor-lots-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {showProject && <th scope="col">{t("outdoor.project")}</th>}
            {compact ? (
              <>
                <th scope="col">{t("outdoor.type")}</th>
                <th scope="col" className="numeric">{t("outdoor.quantity")}</th>
                <th scope="col">{t("outdoor.monthsAndSite")}</th>
              </>
            ) : (
              <>
                <th scope="col">{t("outdoor.type")}</th>
                <th scope="col">{t("outdoor.direction")}</th>
                <th scope="col" className="numeric">{t("outdoor.quantity")}</th>
                <th scope="col" className="numeric">{t("outdoor.area")}</th>
                <th scope="col" className="numeric">{t("lots.tonnes")}</th>
                <th scope="col">{t("outdoor.condition")}</th>
                <th scope="col">{t("outdoor.months")}</th>
                <th scope="col">{t("outdoor.storageSite")}</th>
              </>
            )}
            {actions && <th scope="col">{t("outdoor.actions")}</th>}
          </tr>
        </thead>
        <tbody>
          {lots.map((lot) => {
            const name = typeName(lot);
            return (
              <Fragment key={lot.id}>
                <tr>
                  {showProject && <td>{projects.find((p) => p.id === lot.projectId)?.name ?? lot.projectId}</td>}
                  {compact ? (
                    <>
                      <td>
                        {name}
                        <span className="outdoor-sub">
                          <span className={`direction outdoor-direction-${lot.direction}`}>{t(`outdoor.direction.${lot.direction}`)}</span> ·{" "}
                          {t(`outdoor.condition.${lot.condition}`)}
                        </span>
                      </td>
                      <td className="numeric nowrap">
                        {withUnit(lot.quantity, outdoorUnitLabel(lot.unit, tr))}
                        <span className="outdoor-sub">
                          {lot.direction === "available" ? `${withUnit(lot.storageAreaM2, "m²", 1)} · ` : ""}
                          {withUnit(lot.tonnes, t("unit.tonnes"))}
                        </span>
                      </td>
                      <td>
                        <span className="nowrap">{months(lot)}</span>
                        {lot.direction === "available" && <span className="outdoor-sub">{siteName(lot)}</span>}
                      </td>
                    </>
                  ) : (
                    <>
                      <td>{name}</td>
                      <td>
                        <span className={`direction outdoor-direction-${lot.direction}`}>{t(`outdoor.direction.${lot.direction}`)}</span>
                      </td>
                      <td className="numeric nowrap">{withUnit(lot.quantity, outdoorUnitLabel(lot.unit, tr))}</td>
                      <td className="numeric nowrap">{lot.direction === "available" ? withUnit(lot.storageAreaM2, "m²", 1) : "–"}</td>
                      <td className="numeric nowrap">{withUnit(lot.tonnes, t("unit.tonnes"))}</td>
                      <td>{t(`outdoor.condition.${lot.condition}`)}</td>
                      <td className="nowrap">{months(lot)}</td>
                      <td>{siteName(lot)}</td>
                    </>
                  )}
                  {actions && (
                    <td className="outdoor-actions">
                      {lot.direction === "available" && (
                        <button
                          type="button"
                          className="button button-small"
                          aria-expanded={openSuggestions === lot.id}
                          aria-label={t("outdoor.suggestionsFor", { type: name })}
                          onClick={() => setOpenSuggestions((open) => (open === lot.id ? null : lot.id))}
                        >
                          {t("outdoor.suggestions")}
                        </button>
                      )}
                      {onEdit && (
                        <button type="button" className="button button-small" aria-label={t("outdoor.editNamed", { type: name })} onClick={() => onEdit(lot)}>
                          {t("outdoor.edit")}
                        </button>
                      )}
                      {onDelete &&
                        (confirming === lot.id ? (
                          <button
                            type="button"
                            className="button button-small button-danger"
                            aria-label={t("outdoor.confirmDeleteNamed", { type: name })}
                            onClick={() => {
                              setConfirming(null);
                              onDelete(lot);
                            }}
                          >
                            {t("outdoor.confirmDelete")}
                          </button>
                        ) : (
                          <button type="button" className="button button-small" aria-label={t("outdoor.deleteNamed", { type: name })} onClick={() => setConfirming(lot.id)}>
                            {t("outdoor.delete")}
                          </button>
                        ))}
                    </td>
                  )}
                </tr>
                {openSuggestions === lot.id && (
                  <tr className="outdoor-suggestions-row">
                    <td colSpan={columns}>
                      <OutdoorSuggestions lotId={lot.id} typeName={name} tr={tr} />
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
