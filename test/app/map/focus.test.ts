import { describe, expect, it } from "vitest";
import { draftPoint, focusPadding } from "../../../src/app/map/focus";

describe("draftPoint", () => {
  it("shows the typed location once it is a valid point in Norway, nothing before", () => {
    expect(draftPoint({ kind: "point", crs: "EPSG:4326", x: "10.43", y: "59.83" }).features[0]!.geometry.coordinates).toEqual([10.43, 59.83]);
    expect(draftPoint({ kind: "point", crs: "EPSG:4326", x: "59.83", y: "10.43" }).features).toEqual([]);
    expect(draftPoint({ kind: "point", crs: "EPSG:25832", x: "", y: "" }).features).toEqual([]);
    expect(draftPoint(undefined).features).toEqual([]);
  });
});

describe("focusPadding", () => {
  it("leaves room for open panels, but never more than a third of the map per side", () => {
    expect(focusPadding(1280, 700, { leftPanel: true, rightPanel: true })).toEqual({ top: 64, bottom: 64, left: 360, right: 426 });
    expect(focusPadding(1280, 700, { leftPanel: false, rightPanel: false })).toEqual({ top: 64, bottom: 64, left: 48, right: 48 });
    const narrow = focusPadding(360, 200, { leftPanel: true, rightPanel: true });
    expect(narrow.left + narrow.right).toBeLessThan(360);
    expect(narrow.top).toBe(50);
  });
});
