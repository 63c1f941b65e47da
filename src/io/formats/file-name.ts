/** A layer or export name as a file name: no path separators or characters Windows refuses, no leading dots. */
export const safeFileName = (name: string) =>
  [...name]
    .map((char) => (char.charCodeAt(0) < 0x20 || '\\/:*?"<>|'.includes(char) ? "_" : char))
    .join("")
    .replace(/^\.+/, "")
    .trim() || "layer";
