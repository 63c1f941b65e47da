import { describe, expect, it } from "vitest";
import { projectQuerySchema } from "../../../../src/core/domain/registry-api";
import {
  countActiveFilters,
  filtersActive,
  monthRangeReversed,
  noFilters,
  projectQueryString,
} from "../../../../src/app/features/projects/project-query";

describe("projectQueryString", () => {
  it("is empty without filters", () => {
    expect(projectQueryString(noFilters)).toBe("");
    expect(filtersActive(noFilters)).toBe(false);
    expect(filtersActive({ ...noFilters, q: "   " })).toBe(false);
  });

  it("puts every set filter in the query, in a stable order, that the shared schema accepts", () => {
    const filters = {
      q: " Asker sentrum ",
      status: "planned",
      material: "rock",
      contaminationClass: "2",
      direction: "surplus",
      from: "2027-01",
      to: "2027-06",
      includeDeleted: true,
    } as const;
    const query = projectQueryString(filters);
    expect(query).toBe("?q=Asker+sentrum&status=planned&material=rock&contaminationClass=2&direction=surplus&from=2027-01&to=2027-06&includeDeleted=true");
    const parsed = projectQuerySchema.safeParse(Object.fromEntries(new URLSearchParams(query)));
    expect(parsed.success).toBe(true);
    expect(countActiveFilters(filters)).toBe(7);
  });

  it("tells a reversed month range", () => {
    expect(monthRangeReversed({ ...noFilters, from: "2027-06", to: "2027-01" })).toBe(true);
    expect(monthRangeReversed({ ...noFilters, from: "2027-06" })).toBe(false);
  });
});
