import { readFileSync } from "node:fs";
import path from "node:path";
import { checkPassword, type PasswordProblem } from "../../core/domain/users-api";
import { repoRoot } from "../config";

/** The NCSC's list of the 100,000 most used passwords (data/common-passwords/PROVENANCE.md). */
export const commonPasswordsFile = path.join(repoRoot, "data", "common-passwords", "PwnedPasswordsTop100k.txt");

let commonPasswords: ReadonlySet<string> | undefined;

/** The shipped list as a set, read once on first use (about 10 ms, a few MB). */
function loadCommonPasswords(): ReadonlySet<string> {
  if (!commonPasswords) {
    const lines = readFileSync(commonPasswordsFile, "utf8").split("\n");
    // The file opens with the NCSC's note: lines starting "***", then "--" and an empty line.
    const start = lines.findIndex((line) => line.trim() === "--");
    commonPasswords = new Set(lines.slice(start + 1).map((line) => line.replace(/\r$/, "")).filter((line) => line.length > 0));
  }
  return commonPasswords;
}

export const isCommonPassword = (password: string): boolean => loadCommonPasswords().has(password);

/** The password rules with the shipped list of common passwords; null when the password may be used. */
export function passwordProblem(password: string, username: string): PasswordProblem | null {
  return checkPassword(password, { username, isCommon: isCommonPassword });
}
