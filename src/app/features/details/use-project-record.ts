/** The selected project whole (its lots, contact, notes): the map holds only its summary. */
import { useEffect, useState } from "react";
import type { Project } from "../../../core/domain/records";
import type { ProjectSummary } from "../../../core/domain/registry-api";
import { fetchProject } from "../../api/client";
import { failureMessage, type Message } from "../../api/failure-message";

export type ProjectRecord = { status: "loading" } | { status: "ready"; project: Project } | { status: "error"; message: Message };

/**
 * Fetches `GET /api/projects/:id` for a summary, and again whenever the summary is replaced (the
 * registry reloads its summaries after every write, so the details never lag a change).
 */
export function useProjectRecord(summary: ProjectSummary): ProjectRecord {
  const [record, setRecord] = useState<{ of: ProjectSummary; value: ProjectRecord }>({ of: summary, value: { status: "loading" } });
  useEffect(() => {
    let current = true;
    void fetchProject(summary.id).then((result) => {
      if (!current) return;
      setRecord({ of: summary, value: result.ok ? { status: "ready", project: result.value } : { status: "error", message: failureMessage(result.failure) } });
    });
    return () => {
      current = false;
    };
  }, [summary]);
  // Another project chosen: its record is on the way, the last one's must not show meanwhile.
  if (record.of.id !== summary.id) return { status: "loading" };
  return record.value;
}
