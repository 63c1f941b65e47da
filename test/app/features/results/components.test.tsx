// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { FlowsTable } from "../../../../src/app/features/results/FlowsTable";
import { KpiCards } from "../../../../src/app/features/results/KpiCards";
import { UnplacedList } from "../../../../src/app/features/results/UnplacedList";
import { FlowLegend } from "../../../../src/app/features/results/FlowLegend";
import { DeliveredFlowsResultToggle } from "../../../../src/app/features/delivered/DeliveredFlowsToggle";
import { useDeliveredFlows } from "../../../../src/app/state/delivered-flows-store";
import { resetAppStore, useAppStore } from "../../../../src/app/state/store";
import { places, result } from "../../../support/match-result-fixtures";

afterEach(cleanup);

const r = result();
if (r.status === "error") throw new Error("fixture");

describe("KpiCards", () => {
  it("shows each figure beside the baseline and the saving, with units", () => {
    render(<KpiCards result={r} lang="en" />);
    const list = screen.getByRole("list", { name: "Key figures" });
    const cards = within(list).getAllByRole("listitem");
    expect(cards).toHaveLength(10);
    expect(cards[0]!.textContent).toBe("Reuse rate50\u00a0%No exchange: 0\u00a0%Saving: 50\u00a0pp");
    expect(list.querySelector('[data-kpi="tonneKm"]')!.textContent).toBe("Tonne-km4,000\u00a0tkmNo exchange: 9,000\u00a0tkmSaving: 5,000\u00a0tkm");
  });

  it("shows only the figures asked for, in Norwegian", () => {
    render(<KpiCards result={r} lang="nb" keys={["tonneKm", "reuseRate"]} />);
    const cards = within(screen.getByRole("list", { name: "Nøkkeltall" })).getAllByRole("listitem");
    expect(cards.map((c) => c.dataset.kpi)).toEqual(["tonneKm", "reuseRate"]);
  });
});

describe("FlowsTable", () => {
  it("sorts by a column and tells which flow a row picks", () => {
    const onSelect = vi.fn();
    render(<FlowsTable flows={r.flows} places={places} lang="en" onSelect={onSelect} />);
    const rows = () => screen.getAllByRole("row").slice(1) as HTMLTableRowElement[];
    // Tonnes descending by default.
    expect(rows()[0]!.textContent).toContain("500\u00a0t");
    fireEvent.click(screen.getByRole("button", { name: "To" }));
    expect(rows().map((row) => row.cells[1]!.textContent)).toEqual(["Lahell", "Landfill", "Road", "School", "School"]);
    expect(screen.getByRole("columnheader", { name: "To" }).getAttribute("aria-sort")).toBe("ascending");
    fireEvent.click(within(rows()[1]!).getByRole("button", { name: "Tunnel" }));
    expect(onSelect).toHaveBeenCalledWith(3);
  });

  it("shows one month's flows", () => {
    render(<FlowsTable flows={r.flows} places={places} lang="en" month="2027-03" />);
    expect(screen.getAllByRole("row")).toHaveLength(2);
    expect(screen.getByText("1 flows")).toBeTruthy();
  });
});

describe("UnplacedList", () => {
  it("lists what could not be placed with its reason", () => {
    render(
      <UnplacedList
        unplaced={[{ lotId: "L1", direction: "surplus", tonnes: 1200, months: ["2027-05"], reason: "no receiver accepts class 4 clay_silt within 60 km in 2027-05" }]}
        places={places}
        lang="en"
      />,
    );
    expect(screen.getByRole("listitem").textContent).toBe("Tunnel: 1,200\u00a0t (Surplus) – no receiver accepts class 4 clay_silt within 60 km in 2027-05");
  });
});

describe("FlowLegend and the delivered loads", () => {
  it("names solid planned and dashed delivered lines only while the delivered loads are shown", () => {
    const { rerender } = render(<FlowLegend flows={r.flows} lang="nb" />);
    expect(screen.queryByText("Levert (stiplet)")).toBeNull();
    rerender(<FlowLegend flows={r.flows} lang="nb" delivered />);
    expect(screen.getByText("Planlagt (heltrukket)")).toBeTruthy();
    expect(screen.getByText("Levert (stiplet)").querySelector(".swatch-dashed")).not.toBeNull();
  });

  it("switches the delivered loads from the results panel, named in the user's language", () => {
    useDeliveredFlows.setState(useDeliveredFlows.getInitialState(), true);
    resetAppStore();
    useAppStore.getState().setLang("en");
    // The lots the loads name have come (the places of a route need them).
    useAppStore.getState().setProjectsWithLots({ status: "ready", items: [] });
    render(<DeliveredFlowsResultToggle />);
    const toggle = screen.getByRole("checkbox", { name: "Show delivered loads" }) as HTMLInputElement;
    expect(toggle.checked).toBe(false);
    fireEvent.click(toggle);
    expect(useDeliveredFlows.getState().visible).toBe(true);
    expect(screen.getByRole("status").textContent).toBe("Loading delivered loads …");
    act(() => useDeliveredFlows.getState().setData({ status: "ready", month: "2027-02", items: [] }));
    expect(screen.getByRole("status").textContent).toBe("No delivered loads in 2027-02.");
  });
});
