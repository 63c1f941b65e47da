/** Reads a PDF's text with pdf.js in Node, for the export tests (unit and browser). */
import { createRequire } from "node:module";
import path from "node:path";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { pdfSafe } from "../../src/app/features/export/report-pdf";

const standardFontDataUrl = `${path.join(path.dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json")), "standard_fonts")}/`;

/** Text as compared in tests: characters mapped as the PDF writer does, runs of white space (incl. no-break) as one space. */
export const normalise = (s: string) => pdfSafe(s).replace(/[\s\u00a0]+/g, " ");

/** The PDF's text, all pages, normalised. */
export async function pdfText(bytes: ArrayBuffer | Uint8Array): Promise<{ text: string; pages: number }> {
  const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const pdf = await getDocument({ data, standardFontDataUrl, isEvalSupported: false }).promise;
  let text = "";
  for (let n = 1; n <= pdf.numPages; n += 1) {
    const content = await (await pdf.getPage(n)).getTextContent();
    text += `${content.items.map((item) => ("str" in item ? item.str : "")).join(" ")}\n`;
  }
  await pdf.destroy();
  return { text: normalise(text), pages: pdf.numPages };
}
