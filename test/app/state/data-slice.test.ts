import { beforeEach, describe, expect, it } from "vitest";
import type { ApiFailure } from "../../../src/app/api/client";
import { anyIllustrative, initialData, withDataLoaded, withDataLoading } from "../../../src/app/state/data-slice";
import { signedIn, signedOut } from "../../../src/app/state/session-slice";
import { resetAppStore, useAppStore } from "../../../src/app/state/store";
import { projectSummary, site, zoningArea } from "../../support/record-fixtures";

const serverError: ApiFailure = { status: 500, code: "internal", message: "boom", fields: [] };

describe("data transitions", () => {
  it("loading clears the last failures and keeps what was shown", () => {
    const before = withDataLoaded(initialData, { projects: [projectSummary()] }, [{ part: "sites", failure: serverError }]);
    const loading = withDataLoading(before);
    expect(loading.status).toBe("loading");
    expect(loading.failures).toEqual([]);
    expect(loading.projects).toHaveLength(1);
  });

  it("a full load is ready", () => {
    const data = withDataLoaded(withDataLoading(initialData), {
      projects: [projectSummary()],
      sites: [site()],
      zoning: [zoningArea()],
    });
    expect(data.status).toBe("ready");
    expect([data.projects.length, data.sites.length, data.zoning.length]).toEqual([1, 1, 1]);
  });

  it("a partial load shows what arrived and reports what failed", () => {
    const data = withDataLoaded(withDataLoading(initialData), { projects: [projectSummary()], zoning: [] }, [
      { part: "sites", failure: serverError },
    ]);
    expect(data.status).toBe("error");
    expect(data.projects).toHaveLength(1);
    expect(data.failures.map((f) => f.part)).toEqual(["sites"]);
  });

  it("knows whether any record is illustrative", () => {
    expect(anyIllustrative(initialData)).toBe(false);
    const real = { projects: [projectSummary({ illustrative: false })], sites: [site({ illustrative: false })], zoning: [] };
    expect(anyIllustrative(real)).toBe(false);
    expect(anyIllustrative({ ...real, zoning: [zoningArea({ illustrative: true })] })).toBe(true);
  });
});

describe("session and selection slices", () => {
  beforeEach(resetAppStore);

  it("start checking, then hold the signed-in user", () => {
    expect(useAppStore.getState().session).toEqual({ status: "checking" });
    useAppStore.getState().setSession(signedIn({ username: "kari", role: "planner" }));
    expect(useAppStore.getState().session).toEqual({ status: "signedIn", user: { username: "kari", role: "planner" } });
    useAppStore.getState().setSession(signedOut("session.expired"));
    expect(useAppStore.getState().session).toEqual({ status: "signedOut", notice: "session.expired" });
  });

  it("select and clear a record", () => {
    useAppStore.getState().select({ kind: "site", id: "S1" });
    expect(useAppStore.getState().selection).toEqual({ kind: "site", id: "S1" });
    useAppStore.getState().select(null);
    expect(useAppStore.getState().selection).toBeNull();
  });
});
