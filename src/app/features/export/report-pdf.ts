/**
 * Lays a `ReportModel` out on A4 portrait with jsPDF's drawing primitives: text, tables with
 * wrapped cells and page breaks, a horizontal bar chart on one shared axis, and map images.
 * jsPDF's standard Helvetica is WinAnsi-encoded: it has æøå and the other Latin-1 letters, so
 * text is only mapped where a character lies outside it (minus sign, subscript ₂, dashes, ★).
 */
import { jsPDF } from "jspdf";
import type { ReportBarChart, ReportModel, ReportTable } from "./report-model";

const page = { width: 210, height: 297, margin: 15, bottom: 282 } as const;
const contentWidth = page.width - 2 * page.margin;
const ptToMm = 0.3528;

/** Characters outside WinAnsi that the report may contain, mapped to what Helvetica has. */
const replacements: Readonly<Record<string, string>> = {
  "\u2212": "-",
  "\u2013": "-",
  "\u2014": "-",
  "\u2018": "'",
  "\u2019": "'",
  "\u201c": '"',
  "\u201d": '"',
  "\u2026": "...",
  "\u2082": "2",
  "\u2605": "*",
  "\u2192": "->",
  "\u2248": "~",
  "\u2264": "<=",
  "\u2265": ">=",
  "\u202f": "\u00a0",
};

/** Text as Helvetica (WinAnsi) can print it; anything else unknown becomes "?". */
export function pdfSafe(text: string): string {
  let out = "";
  for (const char of text) {
    const code = char.codePointAt(0)!;
    out += replacements[char] ?? (code <= 0xff ? char : "?");
  }
  return out;
}

class Layout {
  y: number = page.margin;
  constructor(readonly doc: jsPDF) {}

  ensure(heightMm: number): void {
    if (this.y + heightMm > page.bottom) {
      this.doc.addPage();
      this.y = page.margin;
    }
  }

  text(text: string, { size = 9, bold = false, gapAfter = 1.5 }: { size?: number; bold?: boolean; gapAfter?: number } = {}): void {
    const { doc } = this;
    doc.setFont("helvetica", bold ? "bold" : "normal");
    doc.setFontSize(size);
    const lines = doc.splitTextToSize(pdfSafe(text), contentWidth) as string[];
    const lineHeight = size * ptToMm * 1.3;
    for (const line of lines) {
      this.ensure(lineHeight);
      doc.text(line, page.margin, this.y + size * ptToMm);
      this.y += lineHeight;
    }
    this.y += gapAfter;
  }

  table(table: ReportTable): void {
    const { doc } = this;
    const size = 8;
    const lineHeight = size * ptToMm * 1.25;
    const padding = 1.2;
    const weights = table.widths ?? table.header.map(() => 1);
    const totalWeight = weights.reduce((s, w) => s + w, 0);
    const widths = weights.map((w) => (w / totalWeight) * contentWidth);
    const drawRow = (cells: string[], { header = false, bold = [] as boolean[] } = {}) => {
      doc.setFontSize(size);
      const wrapped = cells.map((cell, i) => {
        doc.setFont("helvetica", header || bold[i] ? "bold" : "normal");
        return doc.splitTextToSize(pdfSafe(cell), widths[i]! - 2 * padding) as string[];
      });
      const height = Math.max(1, ...wrapped.map((lines) => lines.length)) * lineHeight + 2 * padding;
      this.ensure(height);
      if (header) {
        doc.setFillColor(232, 237, 241);
        doc.rect(page.margin, this.y, contentWidth, height, "F");
      }
      let x = page.margin;
      wrapped.forEach((lines, i) => {
        doc.setFont("helvetica", header || bold[i] ? "bold" : "normal");
        const numeric = !header && table.numeric?.[i];
        lines.forEach((line, j) => {
          const baseline = this.y + padding + (j + 1) * lineHeight - 0.8;
          if (numeric) doc.text(line, x + widths[i]! - padding, baseline, { align: "right" });
          else doc.text(line, x + padding, baseline);
        });
        x += widths[i]!;
      });
      this.y += height;
      doc.setDrawColor(205, 212, 219);
      doc.line(page.margin, this.y, page.margin + contentWidth, this.y);
    };
    this.ensure(lineHeight * 3);
    drawRow(table.header, { header: true });
    table.rows.forEach((row, r) => drawRow(row, { bold: table.bold?.[r] ?? [] }));
    this.y += 3;
  }

  chart(chart: ReportBarChart): void {
    const { doc } = this;
    const labelWidth = 38;
    const valueWidth = 24;
    const barArea = contentWidth - labelWidth - valueWidth;
    const barHeight = 4.2;
    const gap = 1.2;
    const scale = (v: number) => (Math.max(0, v) / chart.maxValue) * barArea;
    for (const group of chart.groups) {
      this.ensure(6 + group.bars.length * (barHeight + gap));
      doc.setFont("helvetica", "bold");
      doc.setFontSize(9);
      doc.text(pdfSafe(group.label), page.margin, this.y + 3.5);
      this.y += 5;
      doc.setFont("helvetica", "normal");
      doc.setFontSize(8);
      for (const bar of group.bars) {
        doc.setTextColor(29, 35, 41);
        doc.text(pdfSafe(bar.label), page.margin, this.y + barHeight - 1);
        const [r, g, b] = hexToRgb(bar.colour);
        doc.setFillColor(r, g, b);
        const width = scale(bar.value);
        if (width > 0) doc.rect(page.margin + labelWidth, this.y, width, barHeight, "F");
        doc.text(pdfSafe(bar.valueText), page.margin + labelWidth + width + 1.5, this.y + barHeight - 1);
        this.y += barHeight + gap;
      }
      this.y += 2;
    }
    // The shared axis: 0, half and the top, so bars in different groups read on one scale.
    this.ensure(8);
    doc.setDrawColor(91, 101, 112);
    doc.line(page.margin + labelWidth, this.y, page.margin + labelWidth + barArea, this.y);
    doc.setFontSize(7);
    for (const share of [0, 0.5, 1]) {
      const x = page.margin + labelWidth + share * barArea;
      doc.line(x, this.y, x, this.y + 1.2);
      doc.text(pdfSafe(formatTick(chart.maxValue * share)), x, this.y + 4, { align: "center" });
    }
    doc.text(pdfSafe(chart.axisLabel), page.margin + labelWidth + barArea / 2, this.y + 7.5, { align: "center" });
    this.y += 11;
  }

  image(caption: string, dataUrl: string, widthPx: number, heightPx: number): void {
    const width = contentWidth;
    const height = Math.min(150, (width * heightPx) / Math.max(1, widthPx));
    const drawnWidth = (height * widthPx) / Math.max(1, heightPx);
    this.ensure(height + 8);
    const format = dataUrl.startsWith("data:image/jpeg") ? "JPEG" : "PNG";
    this.doc.addImage(dataUrl, format, page.margin, this.y, drawnWidth, height);
    this.y += height + 1;
    this.text(caption, { size: 8, gapAfter: 3 });
  }
}

const formatTick = (value: number) => `${Math.round(value).toLocaleString("en-GB").replace(/,/g, "\u00a0")}`;

function hexToRgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.replace("#", ""), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** The report as a jsPDF document (call `.output("arraybuffer")` or `.output("blob")`). */
export function reportPdf(model: ReportModel): jsPDF {
  const doc = new jsPDF({ unit: "mm", format: "a4", orientation: "portrait", compress: true });
  doc.setProperties({ title: pdfSafe(model.title), creator: "Massekart" });
  doc.setTextColor(29, 35, 41);
  const layout = new Layout(doc);
  layout.text(model.title, { size: 16, bold: true, gapAfter: 3 });
  for (const block of model.blocks) {
    switch (block.kind) {
      case "heading":
        layout.ensure(14);
        layout.y += 2;
        layout.text(block.text, { size: 12, bold: true, gapAfter: 1.5 });
        break;
      case "paragraph":
        layout.text(block.text);
        break;
      case "table":
        layout.table(block.table);
        break;
      case "chart":
        layout.chart(block.chart);
        break;
      case "image":
        layout.image(block.caption, block.dataUrl, block.widthPx, block.heightPx);
        break;
    }
  }
  const pages = doc.getNumberOfPages();
  for (let n = 1; n <= pages; n += 1) {
    doc.setPage(n);
    doc.setFont("helvetica", "normal");
    doc.setFontSize(7);
    doc.setTextColor(91, 101, 112);
    doc.text(pdfSafe(model.pageLabel.replace("{n}", String(n)).replace("{total}", String(pages))), page.width - page.margin, page.height - 8, { align: "right" });
  }
  return doc;
}
