/**
 * "Outdoor materials" in a project's details, beside its mass lots: the project's outdoor-material
 * lots with the area each needs and where it is stored, and — for those who may edit the project —
 * "Add material", edit and delete. Each lot's receiving projects are a click away ("Suggestions").
 */
import { useEffect, useState } from "react";
import "./outdoor.css";
import type { OutdoorLot } from "../../../core/outdoor/api";
import type { Project } from "../../../core/domain/records";
import { failureMessage, type Message } from "../../api/failure-message";
import { useT } from "../../i18n/use-t";
import { useAppStore } from "../../state/store";
import { mayEditProject } from "../projects/permissions";
import { ensureOutdoorTypes } from "./outdoor-actions";
import { deleteOutdoorLot, fetchProjectOutdoorLots } from "../../api/client";
import { OutdoorLotForm } from "./OutdoorLotForm";
import { OutdoorLotsTable } from "./OutdoorLotsTable";

type Loaded = { status: "loading" } | { status: "ready"; lots: OutdoorLot[] } | { status: "failed"; message: Message };

export function ProjectOutdoorLots({ project }: { project: Project }) {
  const tr = useT();
  const { t } = tr;
  const me = useAppStore((s) => (s.session.status === "signedIn" ? s.session.user : null));
  const lotsVersion = useAppStore((s) => s.outdoor.lotsVersion);
  const changed = useAppStore((s) => s.outdoorLotsChanged);
  const [loaded, setLoaded] = useState<Loaded>({ status: "loading" });
  const [editing, setEditing] = useState<OutdoorLot | "new" | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const mayEdit = mayEditProject(me, project);

  useEffect(() => {
    let live = true;
    void ensureOutdoorTypes();
    void fetchProjectOutdoorLots(project.id).then((result) => {
      if (!live) return;
      setLoaded(result.ok ? { status: "ready", lots: result.value } : { status: "failed", message: failureMessage(result.failure) });
    });
    return () => {
      live = false;
    };
  }, [project.id, lotsVersion]);

  const remove = async (lot: OutdoorLot) => {
    setMessage(null);
    const result = await deleteOutdoorLot(lot.id);
    if (!result.ok) setMessage(failureMessage(result.failure));
    else changed();
  };

  return (
    <section className="outdoor-project" aria-label={t("outdoor.title")}>
      <h3 className="section-title">{t("outdoor.title")}</h3>
      {loaded.status === "loading" && <p className="muted">{t("outdoor.loading")}</p>}
      {loaded.status === "failed" && <p className="field-error">{t(loaded.message.key, loaded.message.params)}</p>}
      {loaded.status === "ready" &&
        (loaded.lots.length === 0 ? (
          <p className="muted">{t("outdoor.noLots")}</p>
        ) : (
          <OutdoorLotsTable
            lots={loaded.lots}
            caption={t("outdoor.projectCaption", { project: project.name })}
            tr={tr}
            compact
            {...(mayEdit ? { onEdit: (lot: OutdoorLot) => setEditing(lot), onDelete: (lot: OutdoorLot) => void remove(lot) } : {})}
          />
        ))}
      {message && <p className="field-error">{t(message.key, message.params)}</p>}
      {mayEdit &&
        (editing ? (
          <OutdoorLotForm key={editing === "new" ? "new" : editing.id} project={project} lot={editing === "new" ? null : editing} onDone={() => setEditing(null)} />
        ) : (
          <div className="button-row">
            <button type="button" className="button button-accent" onClick={() => setEditing("new")}>
              {t("outdoor.addMaterial")}
            </button>
          </div>
        ))}
    </section>
  );
}
