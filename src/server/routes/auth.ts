import { Hono, type Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { signInErrorParam, type AuthConfig, type SsoRefusalCode } from "../../core/domain/users-api";
import { oidcCallbackPath, oidcLoginPath, oidcTransactionCookie, oidcTransactionSeconds, safeReturnTo, usernameFromClaim, type OidcService } from "../auth/oidc";
import { signInSsoUser } from "../auth/user-accounts";
import type { Database } from "../db/database";
import type { AppEnv } from "../http";
import { startSession, type SessionRouteSettings } from "./session";

/**
 * How to sign in: `GET /api/auth/config` tells the sign-in page which ways exist; the OpenID
 * Connect routes send the browser to the provider and take it back (issue 14).
 */
export function authRoutes(
  db: Database,
  oidc: OidcService | undefined,
  settings: SessionRouteSettings & { publicUrl: string | undefined; log: (message: string) => void },
) {
  const routes = new Hono<AppEnv>();

  routes.get("/auth/config", (c) =>
    c.json({
      localLogin: settings.localLogin,
      oidc: oidc ? { name: oidc.settings.displayName, loginUrl: oidcLoginPath } : null,
    } satisfies AuthConfig),
  );

  if (!oidc) return routes;

  routes.get("/auth/oidc/login", async (c) => {
    const started = await oidc.begin(c.req.query("returnTo"));
    if (!started.ok) {
      settings.log(`Single sign-on: cannot start a sign-in (${started.detail}).`);
      return page(c, 502, "oidc_unreachable", safeReturnTo(c.req.query("returnTo")));
    }
    // Lax, not Strict: the provider's redirect back is a navigation from another site.
    setCookie(c, oidcTransactionCookie, started.transactionId, {
      httpOnly: true,
      sameSite: "Lax",
      secure: settings.secureCookies || settings.publicUrl?.startsWith("https:") === true,
      path: "/api/auth/oidc",
      maxAge: oidcTransactionSeconds,
    });
    return c.redirect(started.url.toString(), 302);
  });

  routes.get("/auth/oidc/callback", async (c) => {
    const transactionId = getCookie(c, oidcTransactionCookie);
    deleteCookie(c, oidcTransactionCookie, { path: "/api/auth/oidc" });
    // The address the provider sent the browser to, as the provider knows it (not as a proxy rewrote it).
    const callbackUrl = new URL(oidcCallbackPath + new URL(c.req.url).search, settings.publicUrl);
    const outcome = await oidc.finish(transactionId, callbackUrl);
    if (!outcome.ok) {
      settings.log(`Single sign-on refused (${outcome.code}): ${outcome.detail}.`);
      return page(c, outcome.status, outcome.code, outcome.returnTo);
    }
    const { identity } = outcome;
    const account = await signInSsoUser(
      db,
      { ...identity, usernameBase: usernameFromClaim(identity.usernameSource) },
      { log: settings.log },
    );
    if (!account.ok) {
      const who = account.username ?? identity.usernameSource;
      if (account.code === "account_deactivated") {
        settings.log(`Single sign-on refused (account_deactivated): ${who} is deactivated.`);
        return page(c, 403, "account_deactivated", outcome.returnTo);
      }
      settings.log(
        `Single sign-on refused (oidc_no_role): ${who} has no mapped value in the claim ${oidc.settings.roleClaim} (values: ${identity.roleClaimValues.join(", ") || "none"}).`,
      );
      return page(c, 403, "oidc_no_role", outcome.returnTo);
    }
    await startSession(c, db, account.userId, "oidc", settings);
    return c.redirect(outcome.returnTo, 302);
  });

  return routes;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[char] ?? char);

/** Why a single sign-on failed, as the user reads it (bokmål first, then English). */
const refusalTexts: Record<SsoRefusalCode, { nb: string; en: string }> = {
  oidc_unreachable: {
    nb: "Innloggingstjenesten svarer ikke. Prøv igjen om litt, eller kontakt administrator.",
    en: "The sign-in provider cannot be reached; try again shortly, or ask the administrator.",
  },
  oidc_no_transaction: {
    nb: "Denne innloggingen ble ikke startet i denne nettleseren, eller den tok for lang tid. Start på nytt.",
    en: "This sign-in was not started in this browser, or it took too long. Start again.",
  },
  oidc_provider_error: { nb: "Innloggingstjenesten logget deg ikke inn.", en: "The sign-in provider did not sign you in." },
  oidc_state_mismatch: { nb: "Svaret fra innloggingstjenesten hører ikke til denne innloggingen.", en: "The sign-in answer does not belong to this sign-in." },
  oidc_invalid_response: { nb: "Svaret fra innloggingstjenesten kunne ikke bekreftes.", en: "The sign-in provider's answer could not be verified." },
  account_deactivated: { nb: "Massekart-kontoen din er deaktivert. Be en administrator aktivere den.", en: "Your Massekart account is deactivated; ask an admin to reactivate it." },
  oidc_no_role: {
    nb: "Organisasjonen din har ikke gitt deg en rolle i Massekart. Be administrator om tilgang.",
    en: "Your organisation has not given you a role in Massekart; ask the administrator for access.",
  },
};

/** The page the sign-in started from, with the refusal's code for the sign-in page to show in the user's language. */
function backToSignIn(returnTo: string, code: string): string {
  const url = new URL(safeReturnTo(returnTo), "http://massekart.invalid");
  url.searchParams.set(signInErrorParam, code);
  return url.pathname + url.search;
}

/**
 * The browser arrives here by navigation. A refusal keeps its status (401, 403, 502) and says why
 * in both languages, and sends the browser straight on to the sign-in page, which shows the reason
 * in the user's language beside the ways to sign in (a meta refresh: the status stays honest for
 * scripts and logs, and a browser without the app still reads the text).
 */
function page(c: Context, status: 401 | 403 | 502, code: SsoRefusalCode, returnTo: string) {
  const text = refusalTexts[code];
  const back = escapeHtml(backToSignIn(returnTo, code));
  return c.html(
    `<!doctype html>
<html lang="nb"><head><meta charset="utf-8"><meta http-equiv="refresh" content="0; url=${back}"><title>Massekart – innlogging mislyktes</title></head>
<body>
<main>
<h1>Innlogging mislyktes</h1>
<p>${escapeHtml(text.nb)}</p>
<p><a href="${back}">Tilbake til innlogging</a></p>
<h2 lang="en">Sign-in failed</h2>
<p lang="en">${escapeHtml(text.en)}</p>
<p lang="en"><a href="${back}">Back to sign-in</a></p>
<p><small>${escapeHtml(code)}</small></p>
</main>
</body></html>`,
    status,
  );
}
