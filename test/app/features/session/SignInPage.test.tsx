// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { SignInPage } from "../../../../src/app/features/session/SignInPage";
import { sessionHintKey } from "../../../../src/app/features/session/session-actions";
import { signedOut } from "../../../../src/app/state/session-slice";
import { resetAppStore, useAppStore } from "../../../../src/app/state/store";
import { apiError as realApiError } from "../../../../src/core/domain/api-error";
import { message } from "../../../../src/core/messages/message";

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
const apiError = (code: string, message: string) => ({ error: { code, message, fields: [] } });

function renderSignIn(lang: "nb" | "en") {
  useAppStore.getState().setLang(lang);
  useAppStore.getState().setSession(signedOut());
  return render(<SignInPage />);
}

async function submit(username: string, password: string, lang: "nb" | "en" = "en") {
  const names = lang === "en" ? ["Username", "Password", "Log in"] : ["Brukernavn", "Passord", "Logg inn"];
  fireEvent.change(screen.getByLabelText(names[0]!), { target: { value: username } });
  fireEvent.change(screen.getByLabelText(names[1]!), { target: { value: password } });
  fireEvent.click(screen.getByRole("button", { name: names[2] }));
}

beforeEach(() => {
  resetAppStore();
  localStorage.clear();
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("SignInPage", () => {
  it("names its controls in English", () => {
    renderSignIn("en");
    expect(screen.getByRole("textbox", { name: "Username" })).toBeTruthy();
    expect(screen.getByLabelText("Password").getAttribute("type")).toBe("password");
    expect(screen.getByRole("button", { name: "Log in" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Language" })).toBeTruthy();
  });

  it("names its controls in Norwegian", () => {
    renderSignIn("nb");
    expect(screen.getByRole("textbox", { name: "Brukernavn" })).toBeTruthy();
    expect(screen.getByLabelText("Passord")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Logg inn" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Språk" })).toBeTruthy();
  });

  it("shows a wrong password in the user's language", async () => {
    const fetchMock = vi.fn(async () => json(401, apiError("invalid_credentials", "Wrong username or password.")));
    vi.stubGlobal("fetch", fetchMock);
    renderSignIn("nb");
    await submit("planner", "feil", "nb");
    expect((await screen.findByRole("alert")).textContent).toBe("Feil brukernavn eller passord");
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(useAppStore.getState().session.status).toBe("signedOut");
  });

  it("re-renders the error when the language changes", async () => {
    vi.stubGlobal("fetch", async () => json(401, apiError("invalid_credentials", "Wrong username or password.")));
    renderSignIn("en");
    await submit("planner", "nope");
    expect((await screen.findByRole("alert")).textContent).toBe("Wrong username or password");
    fireEvent.click(screen.getByRole("button", { name: "Language" }));
    fireEvent.click(screen.getByRole("menuitemradio", { name: "Norsk (bokmål)" }));
    expect(screen.getByRole("alert").textContent).toBe("Feil brukernavn eller passord");
    expect(screen.getByRole("button", { name: "Logg inn" })).toBeTruthy();
    expect(localStorage.getItem("massekart.lang")).toBe("nb");
  });

  it("says so when there were too many attempts", async () => {
    vi.stubGlobal("fetch", async () => json(429, realApiError("too_many_attempts", message("error.tooManyAttempts", { seconds: 60 }))));
    renderSignIn("en");
    await submit("planner", "nope");
    expect((await screen.findByRole("alert")).textContent).toBe("Too many failed sign-ins; try again in 60 s.");
  });

  it("asks for both fields before calling the server", async () => {
    const fetchMock = vi.fn();
    vi.stubGlobal("fetch", fetchMock);
    renderSignIn("en");
    await submit("planner", "");
    expect((await screen.findByRole("alert")).textContent).toBe("Enter username and password");
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it("signs in and remembers that this browser has a session", async () => {
    vi.stubGlobal("fetch", async () => json(200, { username: "planner", role: "planner" }));
    renderSignIn("en");
    await submit(" planner ", "demo");
    await waitFor(() => expect(useAppStore.getState().session.status).toBe("signedIn"));
    expect(useAppStore.getState().session).toEqual({ status: "signedIn", user: { username: "planner", role: "planner" } });
    expect(localStorage.getItem(sessionHintKey)).toBe("1");
  });
});
