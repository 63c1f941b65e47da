/**
 * A reader for SOSI, the Norwegian exchange format for map and plan data (Kartverket, "SOSI
 * standard del 1: realisering i SOSI-format"). Hand-written because no maintained npm parser
 * exists: the packages found (sosi.js, sosi-json) are unmaintained browser-era code without
 * character-set handling or plan-data support.
 *
 * The format is a tree of dot-prefixed elements: `.HODE` (header), one level-1 element per object
 * (`.PUNKT 1:`, `.KURVE 12:`, `.FLATE 30:` …), `..` properties below them, `...` below those, and
 * `.SLUTT` at the end. Values follow an element name on the same or the next lines; `!` starts a
 * comment; strings are quoted with `"` or `'` (a doubled quote is a literal one) and joined with
 * `&`. Coordinate blocks (`..NØ`, `..NØH`) hold north east [height] integers in units of the
 * header's `...ENHET`, offset by `...ORIGO-NØ`, with `...KP` node flags between them.
 *
 * This module reads the text into elements and objects; `sosi-geometry.ts` builds geometry and
 * `sosi-zoning.ts` picks the land-use areas.
 */

export interface SosiElement {
  /** The name as written, without dots: "FLATE", "NØ", "RPAREALFORMÅL". */
  name: string;
  /** Number of leading dots: 1 for objects, 2 for their properties … */
  level: number;
  /** Values in order; strings unquoted and `&`-joined. */
  values: string[];
  children: SosiElement[];
  /** 1-based line of the element name, for messages. */
  line: number;
}

/** Element names of coordinate blocks: stride 2 (NØ) or 3 (with height or depth). */
const coordinateStride: Readonly<Record<string, number>> = { "NØ": 2, "NØH": 3, "NØD": 3 };

/** Characters that end a bare value or name. */
const isSpace = (code: number) => code === 32 || code === 9 || code === 10 || code === 13 || code === 12 || code === 0xfeff;

/** A letter (ASCII or not) right after the dots makes an element name; a digit makes a number like ".5". */
const startsName = (code: number) => (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code >= 0xc0;

/** The elements of SOSI text, level 1 at the top (`.HODE` first, `.SLUTT` last if present). */
export function readSosiElements(text: string): SosiElement[] {
  const roots: SosiElement[] = [];
  const stack: SosiElement[] = [];
  // Where values go: normally the last element; a child of a coordinate block (`...KP 1`,
  // `...KVALITET 21 10`) describes the point on its line, so values after it (on later lines, or
  // after KP's one value) go back to the block.
  let target: SosiElement | undefined;
  let concatenate = false;
  let line = 1;
  let k = 0;
  const n = text.length;

  const addValue = (value: string) => {
    if (!target) return; // values before any element: nothing to attach them to
    const parent = stack[stack.length - 2];
    if (
      parent &&
      target !== parent &&
      coordinateStride[parent.name.toUpperCase()] !== undefined &&
      !concatenate &&
      // ...KP (node flag) always has one value; others (…KVALITET 21 10) end with their line.
      (line > target.line || (target.name.toUpperCase() === "KP" && target.values.length >= 1))
    ) {
      target = parent;
    }
    if (concatenate && target.values.length > 0) target.values[target.values.length - 1] += value;
    else target.values.push(value);
    concatenate = false;
  };

  while (k < n) {
    const code = text.charCodeAt(k);
    if (code === 10) {
      line++;
      k++;
      continue;
    }
    if (isSpace(code)) {
      k++;
      continue;
    }
    if (code === 33 /* ! */) {
      while (k < n && text.charCodeAt(k) !== 10) k++;
      continue;
    }
    if (code === 34 /* " */ || code === 39 /* ' */) {
      // A string ends at its closing quote or, unterminated, at the end of the line.
      let value = "";
      k++;
      while (k < n) {
        const c = text.charCodeAt(k);
        if (c === 10 || c === 13) break;
        if (c === code) {
          if (text.charCodeAt(k + 1) === code) {
            value += text[k];
            k += 2;
            continue;
          }
          k++;
          break;
        }
        value += text[k];
        k++;
      }
      addValue(value);
      continue;
    }
    if (code === 38 /* & */ && (k + 1 >= n || isSpace(text.charCodeAt(k + 1)))) {
      concatenate = true;
      k++;
      continue;
    }
    if (code === 46 /* . */) {
      let dots = 0;
      while (k + dots < n && text.charCodeAt(k + dots) === 46) dots++;
      if (k + dots < n && startsName(text.charCodeAt(k + dots))) {
        let end = k + dots;
        while (end < n && !isSpace(text.charCodeAt(end)) && text.charCodeAt(end) !== 33 && text.charCodeAt(end) !== 34) end++;
        const element: SosiElement = { name: text.slice(k + dots, end), level: dots, values: [], children: [], line };
        while (stack.length > 0 && stack[stack.length - 1]!.level >= dots) stack.pop();
        const parent = stack[stack.length - 1];
        if (parent) parent.children.push(element);
        else roots.push(element);
        stack.push(element);
        target = element;
        concatenate = false;
        k = end;
        continue;
      }
    }
    let end = k;
    while (end < n && !isSpace(text.charCodeAt(end)) && text.charCodeAt(end) !== 33) end++;
    addValue(text.slice(k, end));
    k = end;
  }
  return roots;
}

/** The first child with one of the names (case-insensitive, as SOSI tools disagree on case). */
export function childNamed(element: SosiElement, ...names: string[]): SosiElement | undefined {
  const wanted = names.map((name) => name.toUpperCase());
  return element.children.find((child) => wanted.includes(child.name.toUpperCase()));
}

/** Every child with the name (case-insensitive). */
export function childrenNamed(element: SosiElement, name: string): SosiElement[] {
  const wanted = name.toUpperCase();
  return element.children.filter((child) => child.name.toUpperCase() === wanted);
}

/** One SOSI object: a level-1 element other than `.HODE` and `.SLUTT`. */
export interface SosiObject {
  /** "PUNKT", "KURVE", "LINJE", "BUEP", "FLATE", "TEKST" … (upper case). */
  kind: string;
  /** The serial number (`.FLATE 123:` → 123), unique per file. */
  serial: number | undefined;
  /** The object as a reader finds it in the file: ".FLATE 123:". */
  label: string;
  element: SosiElement;
}

/** The header values that place coordinates. */
export interface SosiHeader {
  element: SosiElement;
  /** `...KOORDSYS`, the SOSI code of the coordinate system (22 = EUREF89 UTM 32 …). */
  koordsys: number | undefined;
  /** `...ORIGO-NØ`, metres (or degrees for geographic systems). */
  origoN: number;
  origoE: number;
  /** `...ENHET`: the size of one coordinate unit, e.g. 0.01 (cm). */
  unit: number;
}

export interface SosiDocument {
  header: SosiHeader;
  objects: SosiObject[];
  /** Objects by serial number; duplicates are reported, the first one kept. */
  bySerial: Map<number, SosiObject>;
  /** How many objects of each kind: { PUNKT: 14, KURVE: 313, FLATE: 71 }. */
  counts: Record<string, number>;
  warnings: string[];
}

/**
 * Header element names of SOSI 4.x–5.x (SOSI del 1, "Hodet"), used only to catch misspellings:
 * an unknown name within one letter of one of these is treated as a typo. Other unknown names
 * (vendor additions such as NVDB's SOSINVDB-FORMAT-VERSJON) are accepted.
 */
const headerElementNames = [
  "TEGNSETT", "TRANSPAR", "KOORDSYS", "TRANSSYS", "GEOSYS", "GEOKOORD", "ORIGO-NØ", "ENHET", "ENHET-H", "ENHET-D",
  "VERT-DATUM", "VERT-INT", "VERT-DELTA", "VINKELENHET", "OMRÅDE", "MIN-NØ", "MAX-NØ", "SOSI-VERSJON", "SOSI-NIVÅ",
  "INNHOLD", "PRODUKTSPEK", "OBJEKTKATALOG", "EIER", "PRODUSENT", "KVALITET", "DATO", "VERIFISERINGSDATO",
  "OPPDATERINGSDATO", "DATAFANGSTDATO", "KOMMENTAR", "KOPIDATA", "OMRÅDEID", "ORIGINALDATAVERT", "KOPIDATO",
  "TEGNFORKLARING", "SYMBOLTABELL", "REFERANSE", "DIGITALISERINGSMÅLESTOKK", "STATUS", "PROSESS_HISTORIE",
];

/** Damerau-free edit distance, bounded: enough to tell "PRODUSEN" from "PRODUSENT". */
function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      previous[j] = Math.min(above + 1, previous[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length]!;
}

/** A header element name one edit away from a standard one, with the name it probably meant. */
function misspeltHeaderElement(element: SosiElement): { found: SosiElement; meant: string } | undefined {
  for (const child of element.children) {
    const name = child.name.toUpperCase();
    if (!headerElementNames.includes(name)) {
      const meant = headerElementNames.find((known) => Math.abs(known.length - name.length) <= 1 && editDistance(known, name) === 1);
      if (meant) return { found: child, meant };
    }
    const nested = misspeltHeaderElement(child);
    if (nested) return nested;
  }
  return undefined;
}

const finiteNumber = (text: string | undefined): number | undefined => {
  if (text === undefined) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
};

function readHeader(element: SosiElement, warnings: string[]): { ok: true; header: SosiHeader } | { ok: false; problem: string } {
  // SOSI 4.x and later nest these under ..TRANSPAR; older files put them directly in the header.
  const transpar = childNamed(element, "TRANSPAR");
  const find = (name: string) => (transpar ? childNamed(transpar, name) : undefined) ?? childNamed(element, name);
  const koordsysElement = find("KOORDSYS");
  const koordsys = finiteNumber(koordsysElement?.values[0]);
  if (koordsysElement && koordsys === undefined) {
    return { ok: false, problem: `.HODE: ...KOORDSYS "${koordsysElement.values.join(" ")}" (line ${koordsysElement.line}) is not a number.` };
  }
  const origo = find("ORIGO-NØ");
  const origoN = origo ? finiteNumber(origo.values[0]) : 0;
  const origoE = origo ? finiteNumber(origo.values[1]) : 0;
  if (origoN === undefined || origoE === undefined) {
    return { ok: false, problem: `.HODE: ...ORIGO-NØ "${origo?.values.join(" ")}" (line ${origo?.line}) must be two numbers, north and east.` };
  }
  const unitElement = find("ENHET");
  const unit = unitElement ? finiteNumber(unitElement.values[0]) : 1;
  if (unit === undefined || unit <= 0) {
    return { ok: false, problem: `.HODE: ...ENHET "${unitElement?.values.join(" ")}" (line ${unitElement?.line}) must be a positive number such as 0.01.` };
  }
  if (!unitElement) warnings.push(".HODE has no ...ENHET: coordinates are read in whole units (ENHET 1).");
  return { ok: true, header: { element, koordsys, origoN, origoE, unit } };
}

/**
 * The header and objects of SOSI text, or the problem that makes the whole file unreadable: no
 * `.HODE` first, a header value that is not a number, or a misspelt header element (a header
 * typo can silently change how every coordinate is read, so such a file is refused).
 */
export function readSosiDocument(text: string): { ok: true; document: SosiDocument } | { ok: false; problem: string } {
  const elements = readSosiElements(text);
  const first = elements[0];
  if (!first || first.level !== 1 || first.name.toUpperCase() !== "HODE") {
    const found = first ? `${".".repeat(first.level)}${first.name} on line ${first.line}` : "no SOSI elements at all";
    return { ok: false, problem: `not a SOSI file: it must start with .HODE (found ${found}).` };
  }
  const typo = misspeltHeaderElement(first);
  if (typo) {
    const dots = ".".repeat(typo.found.level);
    return {
      ok: false,
      problem:
        `.HODE: ${dots}${typo.found.name} (line ${typo.found.line}) is not a SOSI header element; did you mean ${dots}${typo.meant}? ` +
        "A misspelt header element can change how coordinates are read, so the file is refused: correct the header and import it again.",
    };
  }
  const warnings: string[] = [];
  const header = readHeader(first, warnings);
  if (!header.ok) return header;

  const objects: SosiObject[] = [];
  const bySerial = new Map<number, SosiObject>();
  const counts: Record<string, number> = {};
  let ended = false;
  for (const element of elements.slice(1)) {
    const kind = element.name.toUpperCase();
    if (kind === "SLUTT") {
      ended = true;
      break;
    }
    if (element.level !== 1) continue;
    const serialText = element.values[0];
    const serial = serialText !== undefined && /^\d+:?$/.test(serialText) ? Number(serialText.replace(":", "")) : undefined;
    const object: SosiObject = { kind, serial, label: `.${element.name}${serial === undefined ? "" : ` ${serial}:`}`, element };
    objects.push(object);
    counts[kind] = (counts[kind] ?? 0) + 1;
    if (serial !== undefined) {
      if (bySerial.has(serial)) warnings.push(`${object.label} (line ${element.line}) repeats serial number ${serial}; references use the first object.`);
      else bySerial.set(serial, object);
    }
  }
  if (!ended) warnings.push("the file has no .SLUTT: it may be cut short.");
  return { ok: true, document: { header: header.header, objects, bySerial, counts, warnings } };
}

/**
 * The coordinates of an object in the file's coordinate system, [east, north] in metres (degrees
 * for geographic systems), from all its `..NØ`/`..NØH` blocks in order.
 */
export function objectPositions(object: SosiObject, header: SosiHeader): { ok: true; positions: [number, number][] } | { ok: false; problem: string } {
  const positions: [number, number][] = [];
  for (const block of object.element.children) {
    const stride = coordinateStride[block.name.toUpperCase()];
    if (stride === undefined) continue;
    if (block.values.length % stride !== 0) {
      return { ok: false, problem: `..${block.name} on line ${block.line} holds ${block.values.length} numbers, not a multiple of ${stride}.` };
    }
    for (let k = 0; k < block.values.length; k += stride) {
      const n = Number(block.values[k]);
      const e = Number(block.values[k + 1]);
      if (!Number.isFinite(n) || !Number.isFinite(e)) {
        return { ok: false, problem: `..${block.name} on line ${block.line}: "${block.values[k]} ${block.values[k + 1]}" is not a north-east pair of numbers.` };
      }
      positions.push([header.origoE + e * header.unit, header.origoN + n * header.unit]);
    }
  }
  return { ok: true, positions };
}
