/**
 * Single sign-on through an OpenID Connect provider (Microsoft Entra ID or any other), as the
 * relying party, with `openid-client` (the maintained certified client): authorization code flow
 * with PKCE (S256), `state` and `nonce` checked, and the ID token's signature verified against the
 * provider's published keys (JWKS) — not only trusted for arriving over TLS.
 *
 * The sign-in transaction (state, nonce, PKCE verifier) waits in memory under a random id that
 * the browser holds in a short-lived httpOnly cookie, so a callback is accepted only in the
 * browser that started it (no login CSRF).
 */
import { randomBytes } from "node:crypto";
import * as client from "openid-client";
import type { Role } from "../../core/domain/accounts";
import type { OidcSettings } from "../config";
import { claimValues, mapRole } from "./role-mapping";

export const oidcCallbackPath = "/api/auth/oidc/callback";
export const oidcLoginPath = "/api/auth/oidc/login";
export const oidcTransactionCookie = "massekart_oidc";
/** How long a user may take at the provider before the sign-in must start again. */
export const oidcTransactionSeconds = 10 * 60;
/** Unfinished sign-ins kept at most, so anonymous requests cannot fill the memory. */
const maxTransactions = 10_000;

interface Transaction {
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
  createdAtMs: number;
}

/** Who the provider says signed in, with the role their claim maps to. */
export interface OidcIdentity {
  issuer: string;
  subject: string;
  /** The claim value a new username is made from (e.g. kari.nordmann@asker.kommune.no). */
  usernameSource: string;
  displayName: string;
  /** undefined when no value of the role claim is mapped: the user is refused. */
  role: Role | undefined;
  roleClaimValues: string[];
}

export type OidcOutcome =
  | { ok: true; identity: OidcIdentity; returnTo: string }
  | { ok: false; status: 401 | 502; code: OidcRefusalCode; detail: string; returnTo: string };

export type OidcRefusalCode = "oidc_no_transaction" | "oidc_provider_error" | "oidc_state_mismatch" | "oidc_invalid_response" | "oidc_unreachable";

export interface OidcService {
  readonly settings: OidcSettings;
  /** Starts a sign-in: where to send the browser, and the transaction id for its cookie. */
  begin(returnTo: string | undefined): Promise<{ ok: true; url: URL; transactionId: string } | { ok: false; detail: string }>;
  /** Checks the provider's answer to the callback address and reads the identity from the ID token. */
  finish(transactionId: string | undefined, callbackUrl: URL): Promise<OidcOutcome>;
}

export function createOidcService(settings: OidcSettings, publicUrl: string): OidcService {
  const transactions = new Map<string, Transaction>();
  const redirectUri = new URL(oidcCallbackPath, publicUrl).toString();
  let configuration: Promise<client.Configuration> | undefined;

  // Discovery once, on first use; a failure is forgotten so the next sign-in tries again.
  const discover = (): Promise<client.Configuration> => {
    configuration ??= client
      .discovery(new URL(settings.issuer), settings.clientId, settings.clientSecret, undefined, {
        execute: [
          client.enableNonRepudiationChecks,
          // Plain http only for a provider on this machine (tests, development); config.ts refuses it elsewhere.
          ...(new URL(settings.issuer).protocol === "http:" ? [client.allowInsecureRequests] : []),
        ],
      })
      .catch((error: unknown) => {
        configuration = undefined;
        throw error;
      });
    return configuration;
  };

  const dropExpired = (nowMs: number) => {
    for (const [id, transaction] of transactions) {
      if (nowMs - transaction.createdAtMs < oidcTransactionSeconds * 1000 && transactions.size < maxTransactions) break;
      transactions.delete(id);
    }
  };

  return {
    settings,

    async begin(returnTo) {
      let config: client.Configuration;
      try {
        config = await discover();
      } catch (error) {
        return { ok: false, detail: `discovery at ${settings.issuer} failed: ${describeError(error)}` };
      }
      const transaction: Transaction = {
        state: client.randomState(),
        nonce: client.randomNonce(),
        codeVerifier: client.randomPKCECodeVerifier(),
        returnTo: safeReturnTo(returnTo),
        createdAtMs: Date.now(),
      };
      dropExpired(transaction.createdAtMs);
      const transactionId = randomBytes(24).toString("base64url");
      transactions.set(transactionId, transaction);
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri,
        scope: settings.scopes,
        response_type: "code",
        state: transaction.state,
        nonce: transaction.nonce,
        code_challenge: await client.calculatePKCECodeChallenge(transaction.codeVerifier),
        code_challenge_method: "S256",
      });
      return { ok: true, url, transactionId };
    },

    async finish(transactionId, callbackUrl) {
      const transaction = transactionId ? transactions.get(transactionId) : undefined;
      // One use only, whatever the outcome: a replayed callback finds nothing.
      if (transactionId) transactions.delete(transactionId);
      if (!transaction || Date.now() - transaction.createdAtMs > oidcTransactionSeconds * 1000) {
        return refusalOf(401, "oidc_no_transaction", "no live sign-in transaction for the callback's cookie");
      }
      const refusal = (status: 401 | 502, code: OidcRefusalCode, detail: string) => refusalOf(status, code, detail, transaction.returnTo);
      const providerError = callbackUrl.searchParams.get("error");
      if (providerError) {
        const description = callbackUrl.searchParams.get("error_description") ?? "";
        return refusal(401, "oidc_provider_error", `provider answered ${providerError} ${description}`.trim());
      }
      if (callbackUrl.searchParams.get("state") !== transaction.state) {
        return refusal(401, "oidc_state_mismatch", "state in the callback differs from the transaction's");
      }
      let config: client.Configuration;
      let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
      try {
        config = await discover();
        tokens = await client.authorizationCodeGrant(config, callbackUrl, {
          pkceCodeVerifier: transaction.codeVerifier,
          expectedState: transaction.state,
          expectedNonce: transaction.nonce,
          idTokenExpected: true,
        });
      } catch (error) {
        if (isNetworkError(error)) {
          return refusal(502, "oidc_unreachable", describeError(error));
        }
        return refusal(401, "oidc_invalid_response", describeError(error));
      }
      const idClaims = tokens.claims();
      if (!idClaims) return refusal(401, "oidc_invalid_response", "no ID token");
      let claims: Record<string, unknown> = { ...idClaims };
      // Some providers put profile and group claims only in the userinfo answer; the ID token's own claims win.
      const missing = [settings.roleClaim, settings.usernameClaim].some((name) => claimValues(claims, name).length === 0);
      if (missing && config.serverMetadata().userinfo_endpoint) {
        try {
          claims = { ...(await client.fetchUserInfo(config, tokens.access_token, idClaims.sub)), ...idClaims };
        } catch (error) {
          return refusal(401, "oidc_invalid_response", describeError(error));
        }
      }
      const roleClaimValues = claimValues(claims, settings.roleClaim);
      const usernameSource = claimValues(claims, settings.usernameClaim)[0] ?? claimValues(claims, "email")[0] ?? idClaims.sub;
      return {
        ok: true,
        returnTo: transaction.returnTo,
        identity: {
          issuer: idClaims.iss,
          subject: idClaims.sub,
          usernameSource,
          displayName: claimValues(claims, "name")[0] ?? "",
          role: mapRole(settings.roleMapping, roleClaimValues),
          roleClaimValues,
        },
      };
    },
  };
}

/** A refused sign-in; the browser goes back to `returnTo` (the page it started from, when known) to read why. */
const refusalOf = (status: 401 | 502, code: OidcRefusalCode, detail: string, returnTo = "/"): OidcOutcome => ({ ok: false, status, code, detail, returnTo });

/** Only a path on this site: never another site (an open redirect). */
export function safeReturnTo(returnTo: string | undefined): string {
  if (!returnTo || !returnTo.startsWith("/") || returnTo.startsWith("//") || returnTo.startsWith("/\\")) return "/";
  return returnTo;
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : "";
  return `${typeof code === "string" ? `${code}: ` : ""}${error.message}${cause}`;
}

/** fetch() failing to connect, as opposed to the provider answering something wrong. */
const isNetworkError = (error: unknown) =>
  error instanceof TypeError && /fetch failed|ECONNREFUSED|ENOTFOUND|ETIMEDOUT/i.test(`${error.message} ${String(error.cause ?? "")}`);

/**
 * A username for a new SSO account, made from the provider's claim: the part before any `@`,
 * Norwegian letters spelled out (æ → ae, ø → o, å → a), anything else outside `[a-z0-9._-]`
 * turned into `-`. The caller adds a number when the name is taken.
 */
export function usernameFromClaim(value: string): string {
  const local = value.split("@")[0] ?? "";
  const ascii = local
    .toLowerCase()
    .replace(/æ/g, "ae")
    .replace(/ø/g, "o")
    .replace(/ß/g, "ss")
    .normalize("NFKD")
    .replace(/\p{M}/gu, "");
  const cleaned = ascii
    .replace(/[^a-z0-9._-]+/g, "-")
    .replace(/^[-._]+|[-._]+$/g, "")
    .slice(0, 58);
  return cleaned.length >= 2 ? cleaned : `user-${cleaned || "sso"}`;
}
