/**
 * After an admin's reset the password is temporary: until the user sets their own, their session
 * may only read who they are, change the password, see or end sessions, and sign out.
 */
const allowedBeforePasswordChange: readonly (readonly [method: string, path: RegExp])[] = [
  ["GET", /^\/api\/me$/],
  ["PUT", /^\/api\/me\/password$/],
  ["GET", /^\/api\/me\/sessions$/],
  ["DELETE", /^\/api\/me\/sessions(\/[^/]+)?$/],
  ["DELETE", /^\/api\/session$/],
  ["GET", /^\/api\/auth\/config$/],
  ["GET", /^\/api\/health$/],
];

export const allowedBeforePasswordChangeRoute = (method: string, path: string): boolean =>
  allowedBeforePasswordChange.some(([allowedMethod, pattern]) => allowedMethod === method && pattern.test(path));
