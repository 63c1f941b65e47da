import { describe, expect, it } from "vitest";
import { defaultGateFeePerTonne, gateFeeFor, gateFeesSchema } from "../../../src/core/special-masses/gate-fees";
import { lotPermitSchema, needsPermit, permitCovers, tonnesNeedingPermit, type PermitFlow } from "../../../src/core/special-masses/permits";

const flow = (over: Partial<PermitFlow>): PermitFlow => ({ kind: "direct", month: "2027-05", contaminationClass: 2, fromProjectId: "P1", toProjectId: "P2", ...over });

describe("permits (forurensningsloven § 11, forurensningsforskriften kap. 2)", () => {
  it("marks class ≥ 2 to another project or into storage, not class 1, a landfill, or the same project", () => {
    expect(needsPermit(flow({}), undefined)).toBe(true);
    expect(needsPermit(flow({ kind: "to_storage" }), undefined)).toBe(true);
    expect(needsPermit(flow({ kind: "from_storage" }), undefined)).toBe(true);
    expect(needsPermit(flow({ contaminationClass: 1 }), undefined)).toBe(false);
    expect(needsPermit(flow({ kind: "to_landfill", contaminationClass: 4 }), undefined)).toBe(false);
    expect(needsPermit(flow({ toProjectId: "P1" }), undefined)).toBe(false);
  });

  it("clears a flow when the lot records a permit or tiltaksplan in force that month", () => {
    const permit = lotPermitSchema.parse({ kind: "tiltaksplan", reference: "2026/1234", validTo: "2027-04-30" });
    expect(needsPermit(flow({ month: "2027-04" }), permit)).toBe(false);
    expect(needsPermit(flow({ month: "2027-05" }), permit)).toBe(true);
    expect(permitCovers({ kind: "tillatelse", reference: "x" }, "2099-12")).toBe(true);
  });

  it("refuses a permit without a reference or with a bad date, naming the field", () => {
    const noReference = lotPermitSchema.safeParse({ kind: "tillatelse", reference: " " });
    expect(noReference.success).toBe(false);
    expect(noReference.error?.issues[0]).toMatchObject({ path: ["reference"], message: expect.stringContaining("must name the permit") });
    expect(lotPermitSchema.safeParse({ kind: "tillatelse", reference: "a", validTo: "2027-13-01" }).error?.issues[0]?.path).toEqual(["validTo"]);
    expect(lotPermitSchema.safeParse({ kind: "dispensasjon", reference: "a" }).error?.issues[0]?.path).toEqual(["kind"]);
  });

  it("counts the tonnes that need a permit", () => {
    expect(tonnesNeedingPermit([{ tonnes: 100, needsPermit: true }, { tonnes: 50 }, { tonnes: 25.5, needsPermit: true }])).toBe(125.5);
  });
});

describe("gate fees per class", () => {
  it("charges a class its own fee, else the flat fee (NOK 320 by default, the Hamar tender)", () => {
    const fees = gateFeesSchema.parse({ byClass: { "1": 150, "3": 600 }, hazardous: 2500 });
    expect(gateFeeFor(fees, 1)).toBe(150);
    expect(gateFeeFor(fees, 3)).toBe(600);
    expect(gateFeeFor(fees, 2)).toBe(defaultGateFeePerTonne);
    expect(gateFeeFor(fees, 2, { flatFeePerTonne: 400 })).toBe(400);
    expect(gateFeeFor(undefined, 4)).toBe(320);
  });

  it("prices hazardous waste apart, and not at all where the receiver gives no fee for it", () => {
    expect(gateFeeFor(gateFeesSchema.parse({ hazardous: 2500 }), 5, { hazardous: true })).toBe(2500);
    expect(gateFeeFor(gateFeesSchema.parse({}), 5, { hazardous: true })).toBeUndefined();
  });

  it("refuses negative fees and unknown classes", () => {
    expect(gateFeesSchema.safeParse({ byClass: { "2": -5 } }).success).toBe(false);
    expect(gateFeesSchema.safeParse({ byClass: { "6": 5 } }).success).toBe(false);
  });
});
