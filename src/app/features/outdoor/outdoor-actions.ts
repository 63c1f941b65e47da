/** Loading the catalogue once for the whole app, and the messages of a failed write. */
import type { ApiFailure } from "../../api/client";
import { failureMessage, type Message } from "../../api/failure-message";
import { useAppStore } from "../../state/store";
import { fieldMessage } from "../../i18n/field-errors";
import { fetchOutdoorTypes } from "../../api/client";

let loading: Promise<void> | null = null;

/** Loads the catalogue into the store unless it is there or on its way; a failure lets the next call try again. */
export function ensureOutdoorTypes(): Promise<void> {
  if (useAppStore.getState().outdoor.types) return Promise.resolve();
  loading ??= fetchOutdoorTypes().then((result) => {
    if (result.ok) useAppStore.getState().setOutdoorTypes(result.value);
    loading = null;
  });
  return loading;
}

/** A failed write as messages: one per field the server named (translated where known), else the status. */
export function writeFailureMessages(failure: ApiFailure): { path: string; message: Message }[] {
  if (failure.status === 400 && failure.fields.length > 0) {
    return failure.fields.map((field) => ({ path: field.path, message: fieldMessage(field) }));
  }
  return [{ path: "", message: failureMessage(failure) }];
}
