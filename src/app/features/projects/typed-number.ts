/** Numbers as people type them, apart from the rest so light modules need not load proj4. */

/** A number as typed in Norway or England: "59,83", "59.83", "580 166", "580 166,5". */
export function parseTypedNumber(text: string): number | undefined {
  const compact = text.trim().replace(/[\s\u00a0\u202f]/g, "");
  if (compact === "") return undefined;
  const normalised = /^[-+]?\d+,\d+$/.test(compact) ? compact.replace(",", ".") : compact;
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(normalised)) return undefined;
  return Number(normalised);
}
