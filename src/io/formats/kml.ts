// KML and KMZ: read with @tmcw/togeojson over @xmldom/xmldom (the same DOM in Node and the
// browser, so both read a file alike), written with @placemarkio/tokml. KML is always WGS84
// longitude/latitude (OGC KML 2.2 §6.2).
import { DOMParser } from "@xmldom/xmldom";
import { kmlWithFolders, type Folder, type Root } from "@tmcw/togeojson";
import { foldersToKML } from "@placemarkio/tokml";
import type { Feature as GeoJsonFeature, Geometry } from "geojson";
import type { InputFeature } from "../geojson-input";
import { looksLikeZip, readZipArchive, writeZipArchive, type ZipLimits } from "./zip-archive";
import { messageOf, problemIn, type OutputLayer, type VectorLayer, type VectorRead, type VectorReadOptions } from "./vector-data";

/** True when the text (after a BOM, XML declaration and comments) opens a `<kml>` element. */
export function looksLikeKml(bytes: Uint8Array): boolean {
  const head = new TextDecoder("utf-8").decode(bytes.subarray(0, 1024));
  return /^(\uFEFF)?\s*(<\?xml[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*)*<(\w+:)?kml[\s>]/.test(head);
}

/** The KML document of a KMZ: `doc.kml` at the top, else the first .kml in it. */
function kmlOfKmz(bytes: Uint8Array, source: string | undefined, limits: ZipLimits | undefined): { ok: true; kml: Uint8Array } | { ok: false; problem: string } {
  const archive = readZipArchive(bytes, source, { ...(limits ? { limits } : {}), wanted: (name) => name.toLowerCase().endsWith(".kml") });
  if (!archive.ok) return archive;
  const names = [...archive.value.keys()].sort((a, b) => a.split("/").length - b.split("/").length);
  const chosen = names.find((name) => name.toLowerCase() === "doc.kml") ?? names[0];
  if (!chosen) return problemIn(source, "the KMZ archive holds no .kml document.");
  return { ok: true, kml: archive.value.get(chosen)! };
}

type FolderChild = Folder | GeoJsonFeature;

function featuresUnder(children: readonly FolderChild[]): GeoJsonFeature[] {
  return children.flatMap((child) => (child.type === "folder" ? featuresUnder(child.children as FolderChild[]) : [child]));
}

/**
 * The layers of a KML or KMZ file: one per top-level folder (as QGIS, GDAL and Massekart write
 * them), plus the placemarks outside folders as a layer named after the document. WGS84 degrees.
 */
export function readKml(bytes: Uint8Array, options: VectorReadOptions & { limits?: ZipLimits } = {}): VectorRead {
  const { source } = options;
  let kmlBytes = bytes;
  if (looksLikeZip(bytes)) {
    const inner = kmlOfKmz(bytes, source, options.limits);
    if (!inner.ok) return inner;
    kmlBytes = inner.kml;
  }
  if (!looksLikeKml(kmlBytes)) return problemIn(source, "not a KML document: it does not open with a <kml> element.");
  let root: Root;
  let documentName: string | undefined;
  try {
    const errors: string[] = [];
    const document = new DOMParser({
      onError: (level, message) => {
        if (level !== "warning") errors.push(message);
      },
    }).parseFromString(new TextDecoder("utf-8").decode(kmlBytes), "text/xml");
    if (errors.length > 0) return problemIn(source, `the KML is not well-formed XML (${errors[0]!.split("\n")[0]}).`);
    documentName = document.getElementsByTagName("Document")[0]?.getElementsByTagName("name")[0]?.textContent?.trim() || undefined;
    root = kmlWithFolders(document);
  } catch (error) {
    return problemIn(source, `the KML cannot be read (${messageOf(error).split("\n")[0]}).`);
  }
  const children = root.children as FolderChild[];
  const loose = children.filter((child): child is GeoJsonFeature => child.type !== "folder");
  const folders = children.filter((child): child is Folder => child.type === "folder");
  const layers: VectorLayer[] = [];
  const asLayer = (name: string, features: GeoJsonFeature[]): VectorLayer => ({
    name,
    crs: "EPSG:4326",
    features: features.map((feature, index): InputFeature => ({
      type: "Feature",
      id: index,
      properties: { ...(feature.properties ?? {}) },
      geometry: (feature.geometry as InputFeature["geometry"]) ?? null,
    })),
  });
  if (loose.length > 0 || folders.length === 0) layers.push(asLayer(documentName ?? "kml", loose));
  const used = new Set(layers.map((layer) => layer.name));
  folders.forEach((folder, k) => {
    let name = typeof folder.meta.name === "string" && folder.meta.name.trim() ? folder.meta.name.trim() : `folder ${k + 1}`;
    for (let n = 2; used.has(name); n++) name = `${name} (${n})`;
    used.add(name);
    layers.push(asLayer(name, featuresUnder(folder.children as FolderChild[])));
  });
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
  const body = foldersToKML(root).replace(/<Document>/, `<Document>\n<name>${escapeXml(documentName)}</name>`);
  return kmz ? writeZipArchive({ "doc.kml": body }) : new TextEncoder().encode(body);
}

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`);
