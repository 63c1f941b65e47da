/**
 * A small, strict XML reader for SOSI-GML plan files: elements, attributes, text, namespaces,
 * comments, CDATA, processing instructions and the five predefined entities plus character
 * references. It checks well-formedness (matching tags, quoted attributes, one root) and names
 * the line of the first error. It does not read DTDs (a DOCTYPE is refused: GML never needs one,
 * and refusing it rules out entity-expansion attacks) or non-UTF-8 encodings.
 *
 * Why hand-written: no XML parser is a direct dependency (saxes is present only through jsdom, a
 * dev dependency), and SOSI-GML needs this much and no more. If one is added, saxes (strict,
 * namespace-aware, streaming; used by jsdom) is the recommended replacement for this module.
 */

import { maxNestingDepth } from "../../core/domain/input-bounds";

export interface XmlElement {
  /** The qualified name as written: "gml:posList". */
  name: string;
  /** The local part: "posList". */
  local: string;
  /** The namespace URI of the prefix (or the default namespace), "" when none. */
  namespace: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The element's own text (character data directly inside it), entity-decoded. */
  text: string;
  line: number;
}

export type XmlRead = { ok: true; root: XmlElement } | { ok: false; problem: string };

const predefined: Readonly<Record<string, string>> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function decodeEntities(text: string, line: number): { ok: true; text: string } | { ok: false; problem: string } {
  if (!text.includes("&")) return { ok: true, text };
  let problem: string | undefined;
  const decoded = text.replace(/&([^;\s&]*);?/g, (whole, name: string) => {
    if (!whole.endsWith(";")) {
      problem ??= `line ${line}: "&" must start an entity such as &amp;`;
      return whole;
    }
    if (predefined[name] !== undefined) return predefined[name]!;
    const numeric = /^#(x[0-9a-fA-F]+|\d+)$/.exec(name);
    if (numeric) {
      const codePoint = numeric[1]!.startsWith("x") ? parseInt(numeric[1]!.slice(1), 16) : parseInt(numeric[1]!, 10);
      if (codePoint <= 0x10ffff) return String.fromCodePoint(codePoint);
    }
    problem ??= `line ${line}: unknown entity &${name};`;
    return whole;
  });
  return problem ? { ok: false, problem } : { ok: true, text: decoded };
}

const nameChar = /[^\s/>=]/;

/** Reads XML text into its root element, or names the first well-formedness error and its line. */
export function readXml(text: string): XmlRead {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const stack: { element: XmlElement; scope: Map<string, string> }[] = [];
  let root: XmlElement | undefined;
  let k = 0;
  let line = 1;
  const n = source.length;
  const countLines = (from: number, to: number) => {
    for (let i = from; i < to; i++) if (source.charCodeAt(i) === 10) line++;
  };
  const fail = (message: string): XmlRead => ({ ok: false, problem: `not well-formed XML: line ${line}: ${message}` });

  while (k < n) {
    const open = source.indexOf("<", k);
    const textEnd = open < 0 ? n : open;
    if (textEnd > k) {
      const raw = source.slice(k, textEnd);
      const top = stack[stack.length - 1];
      if (top) {
        const decoded = decodeEntities(raw, line);
        if (!decoded.ok) return { ok: false, problem: `not well-formed XML: ${decoded.problem}` };
        top.element.text += decoded.text;
      } else if (raw.trim() !== "") {
        return fail("text outside the root element");
      }
      countLines(k, textEnd);
      k = textEnd;
    }
    if (open < 0) break;

    if (source.startsWith("<!--", k)) {
      const end = source.indexOf("-->", k + 4);
      if (end < 0) return fail("a comment is never closed");
      countLines(k, end);
      k = end + 3;
      continue;
    }
    if (source.startsWith("<![CDATA[", k)) {
      const end = source.indexOf("]]>", k + 9);
      if (end < 0) return fail("a CDATA section is never closed");
      const top = stack[stack.length - 1];
      if (!top) return fail("CDATA outside the root element");
      top.element.text += source.slice(k + 9, end);
      countLines(k, end);
      k = end + 3;
      continue;
    }
    if (source.startsWith("<?", k)) {
      const end = source.indexOf("?>", k + 2);
      if (end < 0) return fail("a processing instruction is never closed");
      const declaration = source.slice(k + 2, end);
      const encoding = /^xml\s[^]*encoding\s*=\s*["']([^"']+)["']/.exec(declaration);
      if (encoding && !/^utf-?8$/i.test(encoding[1]!)) {
        return { ok: false, problem: `the XML declaration says encoding="${encoding[1]}"; only UTF-8 GML is read. Save the file as UTF-8.` };
      }
      countLines(k, end);
      k = end + 2;
      continue;
    }
    if (source.startsWith("<!", k)) return fail("DOCTYPE and other declarations are not accepted in GML");

    if (source.startsWith("</", k)) {
      const end = source.indexOf(">", k);
      if (end < 0) return fail("an end tag is never closed");
      const name = source.slice(k + 2, end).trim();
      const top = stack.pop();
      if (!top) return fail(`end tag </${name}> without a start tag`);
      if (top.element.name !== name) return fail(`end tag </${name}> does not match <${top.element.name}> (line ${top.element.line})`);
      countLines(k, end);
      k = end + 1;
      continue;
    }

    // A start tag: name, attributes, then ">" or "/>".
    const startLine = line;
    let p = k + 1;
    while (p < n && nameChar.test(source[p]!)) p++;
    const name = source.slice(k + 1, p);
    if (name === "") return fail('"<" must start a tag');
    const attributes: Record<string, string> = {};
    let selfClosing = false;
    for (;;) {
      while (p < n && /\s/.test(source[p]!)) {
        if (source.charCodeAt(p) === 10) line++;
        p++;
      }
      if (p >= n) return fail(`the start tag <${name}> is never closed`);
      if (source[p] === ">") {
        p++;
        break;
      }
      if (source.startsWith("/>", p)) {
        selfClosing = true;
        p += 2;
        break;
      }
      const nameStart = p;
      while (p < n && nameChar.test(source[p]!)) p++;
      const attribute = source.slice(nameStart, p);
      while (p < n && /\s/.test(source[p]!)) p++;
      if (attribute === "" || source[p] !== "=") return fail(`attribute "${attribute}" of <${name}> has no value`);
      p++;
      while (p < n && /\s/.test(source[p]!)) p++;
      const quote = source[p];
      if (quote !== '"' && quote !== "'") return fail(`attribute "${attribute}" of <${name}> must be quoted`);
      const close = source.indexOf(quote, p + 1);
      if (close < 0) return fail(`attribute "${attribute}" of <${name}> is never closed`);
      const decoded = decodeEntities(source.slice(p + 1, close), line);
      if (!decoded.ok) return { ok: false, problem: `not well-formed XML: ${decoded.problem}` };
      if (attribute in attributes) return fail(`attribute "${attribute}" repeats on <${name}>`);
      attributes[attribute] = decoded.text;
      countLines(p, close);
      p = close + 1;
    }

    const parentScope = stack[stack.length - 1]?.scope;
    let scope = parentScope ?? new Map<string, string>();
    const declarations = Object.entries(attributes).filter(([attribute]) => attribute === "xmlns" || attribute.startsWith("xmlns:"));
    if (declarations.length > 0) {
      scope = new Map(scope);
      for (const [attribute, uri] of declarations) scope.set(attribute === "xmlns" ? "" : attribute.slice(6), uri);
    }
    const colon = name.indexOf(":");
    const prefix = colon < 0 ? "" : name.slice(0, colon);
    const element: XmlElement = {
      name,
      local: colon < 0 ? name : name.slice(colon + 1),
      namespace: scope.get(prefix) ?? "",
      attributes,
      children: [],
      text: "",
      line: startLine,
    };
    const parent = stack[stack.length - 1];
    if (parent) parent.element.children.push(element);
    else if (root) return fail(`a second root element <${name}>`);
    else root = element;
    if (!selfClosing) {
      // GML needs about a dozen levels; a bound keeps every later (recursive) step off a stack overflow.
      if (stack.length >= maxNestingDepth) return fail(`elements are nested more than ${maxNestingDepth} levels deep`);
      stack.push({ element, scope });
    }
    k = p;
  }
  if (stack.length > 0) {
    const top = stack[stack.length - 1]!.element;
    return { ok: false, problem: `not well-formed XML: <${top.name}> (line ${top.line}) is never closed` };
  }
  if (!root) return { ok: false, problem: "not XML: the file has no elements" };
  return { ok: true, root };
}

/** Children with the local name (namespace prefixes vary between producers). */
export function childrenByLocal(element: XmlElement, local: string): XmlElement[] {
  return element.children.filter((child) => child.local === local);
}

/** The first child with the local name. */
export function childByLocal(element: XmlElement, local: string): XmlElement | undefined {
  return element.children.find((child) => child.local === local);
}

/** Every descendant (depth first, document order) for which `test` holds; does not look inside matches. */
export function findDescendants(element: XmlElement, test: (candidate: XmlElement) => boolean): XmlElement[] {
  const found: XmlElement[] = [];
  const visit = (node: XmlElement) => {
    for (const child of node.children) {
      if (test(child)) found.push(child);
      else visit(child);
    }
  };
  visit(element);
  return found;
}
