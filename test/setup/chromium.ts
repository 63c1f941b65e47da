import { existsSync } from "node:fs";
import { aptInstall } from "./install";

/** CHROMIUM_PATH, else Debian's /usr/bin/chromium, installed when missing and possible. */
export function findOrInstallChromium(log: (message: string) => void): string {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) {
    if (!existsSync(configured)) throw new Error(`CHROMIUM_PATH=${configured} does not exist: point it at a Chromium binary.`);
    return configured;
  }
  const debian = "/usr/bin/chromium";
  if (!existsSync(debian)) aptInstall(["chromium", "fonts-dejavu-core"], "Chromium (for the browser tests)", log);
  return debian;
}
