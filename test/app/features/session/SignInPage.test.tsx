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

const passwordOnly = { localLogin: true, oidc: null };

/** The server stand-in (jsdom has none): `GET /api/auth/config` answers `config`, every other call `answer`. */
function serve(answer: () => Promise<Response> | Response, config: unknown = passwordOnly) {
  const calls: string[] = [];
  const fetchMock = vi.fn(async (url: string) => {
    calls.push(url);
    return url === "/api/auth/config" ? json(200, config) : answer();
  });
  vi.stubGlobal("fetch", fetchMock);
  /** The calls other than the sign-in options. */
  return () => calls.filter((url) => url !== "/api/auth/config");
}

/** Renders the page and waits until it knows the ways of signing in. */
async function renderSignIn(lang: "nb" | "en") {
  useAppStore.getState().setLang(lang);
  useAppStore.getState().setSession(signedOut());
  const rendered = render(<SignInPage />);
  await waitFor(() => expect(screen.queryByRole("status")).toBeNull());
  return rendered;
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
  serve(() => json(500, apiError("unexpected", "No call expected.")));
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("SignInPage", () => {
  it("names its controls in English", async () => {
    await renderSignIn("en");
    expect(screen.getByRole("textbox", { name: "Username" })).toBeTruthy();
    expect(screen.getByLabelText("Password").getAttribute("type")).toBe("password");
    expect(screen.getByRole("button", { name: "Log in" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Language EN" })).toBeTruthy();
  });

  it("names its controls in Norwegian", async () => {
    await renderSignIn("nb");
    expect(screen.getByRole("textbox", { name: "Brukernavn" })).toBeTruthy();
    expect(screen.getByLabelText("Passord")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Logg inn" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Språk NB" })).toBeTruthy();
  });

  it("shows a wrong password in the user's language", async () => {
    const calls = serve(() => json(401, apiError("invalid_credentials", "Wrong username or password.")));
    await renderSignIn("nb");
    await submit("planner", "feil", "nb");
    expect((await screen.findByRole("alert")).textContent).toBe("Feil brukernavn eller passord");
    expect(calls()).toEqual(["/api/session"]);
    expect(useAppStore.getState().session.status).toBe("signedOut");
  });

  it("re-renders the error when the language changes", async () => {
    serve(() => json(401, apiError("invalid_credentials", "Wrong username or password.")));
    await renderSignIn("en");
    await submit("planner", "nope");
    expect((await screen.findByRole("alert")).textContent).toBe("Wrong username or password");
    fireEvent.click(screen.getByRole("button", { name: "Language EN" }));
    fireEvent.click(screen.getByRole("menuitemradio", { name: "Norsk (bokmål)" }));
    expect(screen.getByRole("alert").textContent).toBe("Feil brukernavn eller passord");
    expect(screen.getByRole("button", { name: "Logg inn" })).toBeTruthy();
    expect(localStorage.getItem("massekart.lang")).toBe("nb");
  });

  it("says so when there were too many attempts", async () => {
    serve(() => json(429, realApiError("too_many_attempts", message("error.tooManyAttempts", { seconds: 60 }))));
    await renderSignIn("en");
    await submit("planner", "nope");
    expect((await screen.findByRole("alert")).textContent).toBe("Too many failed sign-ins; try again in 60 s.");
  });

  it("asks for both fields before calling the server", async () => {
    const calls = serve(() => json(500, apiError("unexpected", "No call expected.")));
    await renderSignIn("en");
    await submit("planner", "");
    expect((await screen.findByRole("alert")).textContent).toBe("Enter username and password");
    expect(calls()).toEqual([]);
  });

  it("signs in and remembers that this browser has a session", async () => {
    serve(() => json(200, { username: "planner", role: "planner" }));
    await renderSignIn("en");
    await submit(" planner ", "demo");
    await waitFor(() => expect(useAppStore.getState().session.status).toBe("signedIn"));
    expect(useAppStore.getState().session).toEqual({ status: "signedIn", user: { username: "planner", role: "planner" } });
    expect(localStorage.getItem(sessionHintKey)).toBe("1");
  });

  it("offers single sign-on by the provider's name, keeping the page's address to come back to", async () => {
    serve(() => json(500, apiError("unexpected", "No call expected.")), { localLogin: true, oidc: { name: "Asker kommune", loginUrl: "/api/auth/oidc/login" } });
    await renderSignIn("en");
    const link = screen.getByRole("link", { name: "Sign in with Asker kommune" });
    expect(link.getAttribute("href")).toBe(`/api/auth/oidc/login?returnTo=${encodeURIComponent(window.location.pathname + window.location.search)}`);
    expect(screen.getByRole("textbox", { name: "Username" })).toBeTruthy();
    // Coming back with a cookie the page cannot see: the start-up check must ask the server.
    link.addEventListener("click", (event) => event.preventDefault());
    fireEvent.click(link);
    expect(localStorage.getItem(sessionHintKey)).toBe("1");
  });

  it("hides the password form when passwords are switched off", async () => {
    serve(() => json(500, apiError("unexpected", "No call expected.")), { localLogin: false, oidc: { name: "Microsoft Entra ID", loginUrl: "/api/auth/oidc/login" } });
    await renderSignIn("nb");
    expect(screen.getByRole("link", { name: "Logg inn med Microsoft Entra ID" })).toBeTruthy();
    expect(screen.queryByLabelText("Passord")).toBeNull();
    expect(screen.queryByRole("button", { name: "Logg inn" })).toBeNull();
  });
});
