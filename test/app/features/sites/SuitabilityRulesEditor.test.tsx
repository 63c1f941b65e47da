// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { parseRulesText, SuitabilityRulesEditor } from "../../../../src/app/features/sites/SuitabilityRulesEditor";
import { resetAppStore, useAppStore } from "../../../../src/app/state/store";
import { defaultSuitabilityRules } from "../../../../src/core/suitability/rules";

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
// The answers are parsed with the rules' contract, so the fake server answers with real rules.
const rules = defaultSuitabilityRules;
const edited = { ...rules, zoning: { ...rules.zoning, toleratedExcludedShare: 0.1 } };

describe("the suitability rules editor", () => {
  let calls: { method: string; url: string; body: unknown }[];
  let putAnswer: (body: unknown) => Response;
  beforeEach(() => {
    resetAppStore();
    useAppStore.getState().setLang("en");
    calls = [];
    putAnswer = (body) => json(200, body);
    vi.stubGlobal(
      "fetch",
      vi.fn(async (url: string, init?: RequestInit) => {
        const method = init?.method ?? "GET";
        const body = typeof init?.body === "string" ? JSON.parse(init.body) : undefined;
        calls.push({ method, url, body });
        return method === "PUT" ? putAnswer(body) : json(200, rules);
      }),
    );
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it("loads the rules, refuses text that is not JSON without sending it, and saves valid rules", async () => {
    const onSaved = vi.fn();
    render(<SuitabilityRulesEditor onSaved={onSaved} />);
    fireEvent.click(screen.getByRole("button", { name: "Edit suitability rules" }));
    const text = (await screen.findByLabelText("Suitability rules (JSON)")) as HTMLTextAreaElement;
    expect(JSON.parse(text.value)).toEqual(rules);

    fireEvent.change(text, { target: { value: "{ not json" } });
    fireEvent.click(screen.getByRole("button", { name: "Save rules" }));
    expect((await screen.findByRole("alert")).textContent).toMatch(/not valid JSON/);
    expect(calls.filter((c) => c.method === "PUT")).toEqual([]);

    fireEvent.change(text, { target: { value: JSON.stringify(edited) } });
    fireEvent.click(screen.getByRole("button", { name: "Save rules" }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
    expect(calls.find((c) => c.method === "PUT")).toMatchObject({ url: "/api/suitability/rules", body: { zoning: { toleratedExcludedShare: 0.1 } } });
  });

  it("shows the server's reason when it refuses the rules", async () => {
    putAnswer = () => json(400, { error: { code: "invalid_input", message: "tolerancePercent: must be at most 100", fields: [] } });
    const onSaved = vi.fn();
    render(<SuitabilityRulesEditor onSaved={onSaved} />);
    fireEvent.click(screen.getByRole("button", { name: "Edit suitability rules" }));
    await screen.findByLabelText("Suitability rules (JSON)");
    fireEvent.click(screen.getByRole("button", { name: "Save rules" }));
    expect((await screen.findByRole("alert")).textContent).toContain("tolerancePercent: must be at most 100");
    expect(onSaved).not.toHaveBeenCalled();
  });
});

describe("parseRulesText", () => {
  it("says where JSON is broken", () => {
    expect(parseRulesText('{"a": 1}')).toEqual({ ok: true, value: { a: 1 } });
    const broken = parseRulesText('{"a": }');
    expect(broken.ok).toBe(false);
  });
});
