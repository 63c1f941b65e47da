// KML and KMZ: read with @tmcw/togeojson over @xmldom/xmldom (the same DOM in Node and the
// browser, so both read a file alike), written with @placemarkio/tokml. KML is always WGS84
// longitude/latitude (OGC KML 2.2 §6.2).
import { DOMParser } from "@xmldom/xmldom";
import { kmlWithFolders, type Folder, type Root } from "@tmcw/togeojson";
import { foldersToKML } from "@placemarkio/tokml";
import type { Feature as GeoJsonFeature, Geometry } from "geojson";
import type { InputFeature } from "../geojson-input";
import { looksLikeKml } from "./detect-format";
import { looksLikeZip, readZipArchive, writeZipArchive, type ZipLimits } from "./zip-archive";
import { messageOf, problemIn, type OutputLayer, type VectorLayer, type VectorRead, type VectorReadOptions } from "./vector-data";

/**
 * The KML documents of a KMZ: `doc.kml` first, then the others (GDAL and Google Earth put a
 * layer per file under layers/ and link them from doc.kml with NetworkLinks).
 */
function kmlFilesOfKmz(bytes: Uint8Array, source: string | undefined, limits: ZipLimits | undefined): { ok: true; files: Uint8Array[] } | { ok: false; problem: string } {
  const archive = readZipArchive(bytes, source, { ...(limits ? { limits } : {}), wanted: (name) => name.toLowerCase().endsWith(".kml") });
  if (!archive.ok) return archive;
  const names = [...archive.value.keys()].sort((a, b) => Number(b.toLowerCase() === "doc.kml") - Number(a.toLowerCase() === "doc.kml") || a.localeCompare(b));
  if (names.length === 0) return problemIn(source, "the KMZ archive holds no .kml document.");
  return { ok: true, files: names.map((name) => archive.value.get(name)!) };
}

type FolderChild = Folder | GeoJsonFeature;

function featuresUnder(children: readonly FolderChild[]): GeoJsonFeature[] {
  return children.flatMap((child) => (child.type === "folder" ? featuresUnder(child.children as FolderChild[]) : [child]));
}

// togeojson hands NetworkLinks over as features without geometry; they are links to other documents, not placemarks.
const isNetworkLink = (feature: GeoJsonFeature) => feature.properties?.["@geometry-type"] === "networklink";

const asLayer = (name: string, features: GeoJsonFeature[]): VectorLayer => ({
  name,
  crs: "EPSG:4326",
  features: features.filter((feature) => !isNetworkLink(feature)).map((feature, index): InputFeature => ({
    type: "Feature",
    id: index,
    properties: { ...(feature.properties ?? {}) },
    geometry: (feature.geometry as InputFeature["geometry"]) ?? null,
  })),
});

/** The layers of one KML document: a layer per top-level folder, and one for placemarks outside folders. */
function layersOfKml(bytes: Uint8Array, source: string | undefined): { ok: true; layers: VectorLayer[] } | { ok: false; problem: string } {
  if (!looksLikeKml(bytes)) return problemIn(source, "not a KML document: it does not open with a <kml> element.");
  let root: Root;
  let documentName: string | undefined;
  try {
    const errors: string[] = [];
    const document = new DOMParser({
      onError: (level, message) => {
        if (level !== "warning") errors.push(message);
      },
    }).parseFromString(new TextDecoder("utf-8").decode(bytes), "text/xml");
    if (errors.length > 0) return problemIn(source, `the KML is not well-formed XML (${errors[0]!.split("\n")[0]}).`);
    documentName = document.getElementsByTagName("Document")[0]?.getElementsByTagName("name")[0]?.textContent?.trim() || undefined;
    root = kmlWithFolders(document);
  } catch (error) {
    const malformed = error instanceof Error && error.name === "ParseError";
    return problemIn(source, `${malformed ? "the KML is not well-formed XML" : "the KML cannot be read"} (${messageOf(error).split("\n")[0]}).`);
  }
  const children = root.children as FolderChild[];
  const loose = children.filter((child): child is GeoJsonFeature => child.type !== "folder");
  const folders = children.filter((child): child is Folder => child.type === "folder");
  const layers: VectorLayer[] = [];
  if (loose.length > 0 || folders.length === 0) layers.push(asLayer(documentName ?? "kml", loose));
  folders.forEach((folder, k) => {
    const name = typeof folder.meta.name === "string" && folder.meta.name.trim() ? folder.meta.name.trim() : `folder ${k + 1}`;
    layers.push(asLayer(name, featuresUnder(folder.children as FolderChild[])));
  });
  return { ok: true, layers };
}

/**
 * The layers of a KML or KMZ file: one per top-level folder (as QGIS, GDAL and Massekart write
 * them), plus the placemarks outside folders as a layer named after the document; every .kml of
 * a KMZ. WGS84 degrees. Empty layers (a doc.kml of links only) are left out when others have features.
 */
export function readKml(bytes: Uint8Array, options: VectorReadOptions & { limits?: ZipLimits } = {}): VectorRead {
  const { source } = options;
  let documents: Uint8Array[] = [bytes];
  if (looksLikeZip(bytes)) {
    const inner = kmlFilesOfKmz(bytes, source, options.limits);
    if (!inner.ok) return inner;
    documents = inner.files;
  }
  const all: VectorLayer[] = [];
  for (const document of documents) {
    const read = layersOfKml(document, source);
    if (!read.ok) return read;
    all.push(...read.layers);
  }
  const layers = all.some((layer) => layer.features.length > 0) ? all.filter((layer) => layer.features.length > 0) : all.slice(0, 1);
  const used = new Set<string>();
  for (const layer of layers) {
    const base = layer.name;
    for (let n = 2; used.has(layer.name); n++) layer.name = `${base} (${n})`;
    used.add(layer.name);
  }
  return { ok: true, value: { format: "kml", layers, warnings: [] }, warnings: [] };
}

/**
 * A KML document (WGS84) with one folder per layer; each feature's `name` and `description`
 * become the placemark's, the other properties its ExtendedData. `kmz` packs it as doc.kml in a zip.
 */
export function writeKml(layers: readonly OutputLayer[], { documentName = "Massekart", kmz = false }: { documentName?: string; kmz?: boolean } = {}): Uint8Array {
  const root: Root = {
    type: "root",
    children: layers.map(
      (layer): Folder => ({
        type: "folder",
        meta: { name: layer.name },
        children: layer.features.map((feature) => ({
          type: "Feature",
          properties: Object.fromEntries(Object.entries(feature.properties ?? {}).filter(([, value]) => value !== null && value !== undefined)),
          geometry: feature.geometry as Geometry | null,
        })) as GeoJsonFeature[],
      }),
    ),
  };
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n${foldersToKML(root).replace(/<Document>/, `<Document>\n<name>${escapeXml(documentName)}</name>`)}`;
  return kmz ? writeZipArchive({ "doc.kml": body }) : new TextEncoder().encode(body);
}

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`);
