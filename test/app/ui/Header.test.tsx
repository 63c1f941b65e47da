// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Header, headerMenuId } from "../../../src/app/ui/Header";
import { resetAppStore, useAppStore } from "../../../src/app/state/store";

beforeEach(() => {
  resetAppStore();
  useAppStore.getState().setLang("en");
});

afterEach(cleanup);

describe("Header's phone menu", () => {
  it("holds the view buttons, opens and closes with aria-expanded, and Escape returns focus to it", () => {
    render(<Header user={{ username: "planner", role: "planner" }} />);
    const menu = screen.getByRole("button", { name: "Menu" });
    expect(menu.getAttribute("aria-controls")).toBe(headerMenuId);
    expect(menu.getAttribute("aria-expanded")).toBe("false");
    const views = document.getElementById(headerMenuId)!;
    // The view buttons keep their names inside the menu.
    for (const name of ["Projects", "Sites", "Layers", "Mass balance", "Scenarios", "Compare", "Log out"]) {
      expect(views.contains(screen.getByRole("button", { name }))).toBe(true);
    }

    fireEvent.click(menu);
    expect(menu.getAttribute("aria-expanded")).toBe("true");
    expect(views.dataset.open).toBe("true");
    screen.getByRole("button", { name: "Layers" }).focus();
    fireEvent.keyDown(screen.getByRole("button", { name: "Layers" }), { key: "Escape" });
    expect(menu.getAttribute("aria-expanded")).toBe("false");
    expect(document.activeElement).toBe(menu);
  });

  it("closes when a view is chosen, and the view opens", () => {
    render(<Header user={{ username: "planner", role: "planner" }} />);
    const menu = screen.getByRole("button", { name: "Menu" });
    fireEvent.click(menu);
    fireEvent.click(screen.getByRole("button", { name: "Projects" }));
    expect(menu.getAttribute("aria-expanded")).toBe("false");
    expect(useAppStore.getState().layout.projectsPanelOpen).toBe(true);
  });
});
