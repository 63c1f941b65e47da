import { describe, expect, it } from "vitest";
import type { AreaGeometry, LonLat } from "../../../src/core/geo/geometry";
import { demandLandUses, landUseAt, landUseClassWarnings, withLandUseWarnings } from "../../../src/core/special-masses/land-use";
import { buildZoningIndex, type SuitabilityZoning } from "../../../src/core/suitability/zoning-index";
import { lot, solve } from "../matching/helpers";

const lon0 = 10.43;
const lat0 = 59.8;
const at = (x: number, y: number): LonLat => [lon0 + x / 56_000, lat0 + y / 110_574];
const box = (x0: number, y0: number, x1: number, y1: number): AreaGeometry => ({
  type: "Polygon",
  coordinates: [[at(x0, y0), at(x1, y0), at(x1, y1), at(x0, y1), at(x0, y0)]],
});
const zone = (code: number, geometry: AreaGeometry, codeList: "kp" | "rp" = "rp"): SuitabilityZoning => ({ code, codeList, geometry });

// Housing west, business in the middle (under a housing plan in its north half), industry east, farmland south.
const zoning = [
  zone(1110, box(0, 0, 100, 100)),
  zone(1300, box(100, 0, 200, 100), "kp"),
  zone(1110, box(100, 50, 200, 100)),
  zone(1340, box(200, 0, 300, 100)),
  zone(5100, box(0, -100, 300, 0), "kp"),
];
const index = buildZoningIndex(zoning);

describe("the TA-2553 land use at a demand lot (DESIGN §5)", () => {
  it("reads housing as ≤ 2 in the top metre and ≤ 3 deeper, business ≤ 3 / ≤ 4, industry ≤ 4 / ≤ 5", () => {
    expect(landUseAt(at(50, 50), index)).toMatchObject({ code: 1110, name: "Boligbebyggelse", row: "residential", topLayer: 2, deeper: 3 });
    expect(landUseAt(at(150, 25), index)).toMatchObject({ code: 1300, row: "commercial", topLayer: 3, deeper: 4 });
    expect(landUseAt(at(250, 50), index)).toMatchObject({ code: 1340, row: "industry_transport", topLayer: 4, deeper: 5 });
  });

  it("takes the strictest where plans overlap, and nothing where the table has no row (LNFR) or no zoning", () => {
    expect(landUseAt(at(150, 75), index)).toMatchObject({ code: 1110, row: "residential" });
    expect(landUseAt(at(150, -50), index)).toBeUndefined();
    expect(landUseAt(at(1000, 1000), index)).toBeUndefined();
  });
});

describe("warnings on a plan that sends too dirty masses to a demand lot", () => {
  const m = "2027-03";
  const instance = (cls: number) => ({
    months: [m],
    parameters: { maxHaulKm: 100 },
    lots: [
      lot("S", "surplus", "mixed", cls, 500, m, m, { location: at(250, 50) }),
      // The demand lot takes class 4 (its engineer's choice), but lies on housing.
      lot("D", "demand", "mixed", 4, 500, m, m, { location: at(50, 50) }),
    ],
    distances: [{ from: "S", to: "D", km: 2 }],
  });
  const warned = async (cls: number) => {
    const raw = instance(cls);
    const result = await solve(raw);
    return withLandUseWarnings(result, raw.lots.map((l) => ({ id: l.id, direction: l.direction, location: l.location as LonLat })), zoning);
  };

  it("says nothing when the class fits the top metre (class 2 on housing)", async () => {
    expect((await warned(2)).warnings).toEqual([]);
  });

  it("warns of class 3 on housing: above the top-metre class 2, fits only deeper", async () => {
    const result = await warned(3);
    expect(result.status).toBe("optimal");
    expect(result.flows).toHaveLength(1);
    expect(result.warnings).toEqual([
      "lot D lies on 1110 Boligbebyggelse (housing or public services in the TA-2553 land-use table) and receives 500 t of class 3, above the class 2 the table allows in the top metre; they fit only deeper than 1 m (class 3 at most there). Check the receiving layer and the tiltaksplan before using the plan.",
    ]);
  });

  it("warns that class 4 on housing is above even the deeper limit", async () => {
    expect((await warned(4)).warnings[0]).toContain("class 4 is above even the class 3 allowed deeper than 1 m");
  });

  it("counts the tonnes per class over every flow into the lot, through storage too", () => {
    const uses = demandLandUses([{ id: "D", direction: "demand", location: at(150, 25) }, { id: "S", direction: "surplus", location: at(50, 50) }], zoning);
    expect([...uses.keys()]).toEqual(["D"]);
    const warnings = landUseClassWarnings(
      [
        { to: "D", tonnes: 100, contaminationClass: 4, kind: "direct" },
        { to: "D", tonnes: 50.4, contaminationClass: 4, kind: "from_storage" },
        { to: "D", tonnes: 80, contaminationClass: 3, kind: "direct" },
        { to: "J", tonnes: 80, contaminationClass: 5, kind: "to_storage" },
      ],
      uses,
    );
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain("receives 150 t of class 4, above the class 3");
  });
});
