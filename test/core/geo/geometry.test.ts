import { describe, expect, it } from "vitest";
import { bboxOf, locationSchema, parseBbox } from "../../../src/core/geo/geometry";
import { englishText } from "../../../src/core/messages/message";

describe("bboxOf", () => {
  it("spans every position of a multipolygon", () => {
    const square = (x: number, y: number) => [[[x, y], [x + 1, y], [x + 1, y + 1], [x, y + 1], [x, y]]];
    expect(bboxOf({ type: "MultiPolygon", coordinates: [square(10, 59), square(12, 58)] } as never)).toEqual([10, 58, 13, 60]);
  });

  it("is a degenerate box for a point", () => {
    expect(bboxOf({ type: "Point", coordinates: [10.4, 59.8] } as never)).toEqual([10.4, 59.8, 10.4, 59.8]);
  });
});

describe("parseBbox", () => {
  it("reads four numbers", () => {
    expect(parseBbox("10.2, 59.6,10.7,59.9")).toEqual({ ok: true, bbox: [10.2, 59.6, 10.7, 59.9] });
  });

  it.each([
    ["10,59,11", "four numbers"],
    ["10,59,x,60", "four numbers"],
    ["11,59,10,60", "must not exceed"],
    ["500,59,600,60", "WGS84"],
  ])("rejects %s saying %s", (text, message) => {
    const parsed = parseBbox(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(englishText(parsed.problem)).toContain(message);
  });
});

describe("locationSchema", () => {
  it("rejects coordinates outside WGS84 and names the position", () => {
    const result = locationSchema.safeParse({ type: "Point", coordinates: [600000, 6630000] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["coordinates", 0]);
  });

  it("rejects a polygon ring with too few positions", () => {
    const result = locationSchema.safeParse({ type: "Polygon", coordinates: [[[10, 59], [10.1, 59], [10, 59]]] });
    expect(result.success).toBe(false);
  });
});
