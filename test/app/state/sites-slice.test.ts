import { describe, expect, it } from "vitest";
import type { AreaGeometry } from "../../../src/core/geo/geometry";
import { initialSites, newEditor, withOutlineChanged, withOutlineFinished } from "../../../src/app/state/sites-slice";
import { emptySiteDraft } from "../../../src/app/features/sites/site-draft";

const outline = (x: number): AreaGeometry => ({ type: "Polygon", coordinates: [[[x, 59.8], [x + 0.01, 59.8], [x + 0.01, 59.81], [x, 59.8]]] });

describe("sites slice transitions", () => {
  it("a finished outline opens a form for a new site and stops drawing", () => {
    const next = withOutlineFinished({ ...initialSites, drawing: { mode: "draw" } }, outline(10.4));
    expect(next.drawing).toEqual({ mode: "off" });
    expect(next.editor?.base).toBeNull();
    expect(next.editor?.draft.geometry).toEqual(outline(10.4));
  });

  it("a redrawn outline replaces the open form's one and clears its error, keeping what was typed", () => {
    const editor = { ...newEditor({ ...emptySiteDraft(outline(10.4)), name: "Typed" }), errors: { geometry: { key: "sites.form.noOutline" as const } } };
    const next = withOutlineFinished({ ...initialSites, drawing: { mode: "draw" }, editor }, outline(10.5));
    expect(next.editor?.draft).toMatchObject({ name: "Typed", geometry: outline(10.5) });
    expect(next.editor?.errors).toEqual({});
  });

  it("an outline edit without an open form changes nothing", () => {
    expect(withOutlineChanged(initialSites, outline(10.4))).toBe(initialSites);
  });
});
