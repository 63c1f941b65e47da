// GeoPackage geometry blobs (GeoPackage 1.3 §2.1.3: a "GP" header with the SRS id and an optional
// envelope, then ISO WKB) to and from GeoJSON geometries, in the file's coordinates.
//
// Hand-written rather than wkx: wkx needs Node's Buffer, which the browser does not have, and its
// last release is from 2020; the codec is 2D WKB of seven geometry types. Heights and measures
// (Z, M, ZM, in ISO and EWKB flavour) are read and dropped: Massekart works in the plane.
import { emptyBounds, extendBounds, type Bounds, type Position } from "./geometry-walk";

export interface WkbGeometry {
  type: string;
  coordinates?: unknown;
  geometries?: WkbGeometry[];
}

const typeNames = ["", "Point", "LineString", "Polygon", "MultiPoint", "MultiLineString", "MultiPolygon", "GeometryCollection"] as const;

class WkbReader {
  private offset: number;
  constructor(
    private readonly view: DataView,
    start: number,
  ) {
    this.offset = start;
  }

  geometry(): WkbGeometry | null {
    const little = this.view.getUint8(this.offset) === 1;
    this.offset += 1;
    const rawType = this.view.getUint32(this.offset, little);
    this.offset += 4;
    // EWKB keeps Z/M/SRID in high bits; ISO WKB adds 1000 (Z), 2000 (M), 3000 (ZM).
    const ewkbZ = (rawType & 0x80000000) !== 0;
    const ewkbM = (rawType & 0x40000000) !== 0;
    if (rawType & 0x20000000) this.offset += 4; // EWKB SRID
    const isoType = rawType & 0x0fffffff;
    const base = isoType % 1000;
    const dimensionCode = Math.floor(isoType / 1000);
    const extra = (ewkbZ ? 1 : 0) + (ewkbM ? 1 : 0) + (dimensionCode === 3 ? 2 : dimensionCode === 1 || dimensionCode === 2 ? 1 : 0);
    const type = typeNames[base];
    if (!type) throw new Error(`unknown WKB geometry type ${rawType}`);
    const position = (): Position => {
      const x = this.view.getFloat64(this.offset, little);
      const y = this.view.getFloat64(this.offset + 8, little);
      this.offset += 16 + extra * 8;
      return [x, y];
    };
    const count = () => {
      const n = this.view.getUint32(this.offset, little);
      this.offset += 4;
      return n;
    };
    const line = () => Array.from({ length: count() }, position);
    const polygon = () => Array.from({ length: count() }, line);
    switch (type) {
      case "Point": {
        const point = position();
        return Number.isNaN(point[0]) && Number.isNaN(point[1]) ? null : { type, coordinates: point };
      }
      case "LineString":
        return { type, coordinates: line() };
      case "Polygon":
        return { type, coordinates: polygon() };
      default: {
        const members = Array.from({ length: count() }, () => this.geometry());
        if (type === "GeometryCollection") return { type, geometries: members.filter((member): member is WkbGeometry => member !== null) };
        return { type, coordinates: members.filter((member): member is WkbGeometry => member !== null).map((member) => member.coordinates) };
      }
    }
  }
}

/** The GeoJSON geometry of a GeoPackage geometry blob (null for an empty geometry); throws on a damaged blob. */
export function readGeoPackageGeometry(blob: Uint8Array): WkbGeometry | null {
  if (blob.length < 8 || blob[0] !== 0x47 || blob[1] !== 0x50) throw new Error('the geometry does not start with "GP"');
  const flags = blob[3]!;
  const empty = (flags & 0x10) !== 0;
  const envelopeBytes = [0, 32, 48, 48, 64][(flags >> 1) & 0x07];
  if (envelopeBytes === undefined) throw new Error("the geometry header names an unknown envelope");
  if (empty) return null;
  const view = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
  return new WkbReader(view, 8 + envelopeBytes).geometry();
}

/** Little-endian ISO WKB, 2D, grown as it is written. */
class WkbWriter {
  private bytes = new Uint8Array(256);
  private view = new DataView(this.bytes.buffer);
  length = 0;

  private ensure(extra: number) {
    if (this.length + extra <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + extra));
    grown.set(this.bytes);
    this.bytes = grown;
    this.view = new DataView(grown.buffer);
  }
  uint8(value: number) {
    this.ensure(1);
    this.view.setUint8(this.length, value);
    this.length += 1;
  }
  uint32(value: number) {
    this.ensure(4);
    this.view.setUint32(this.length, value, true);
    this.length += 4;
  }
  float64(value: number) {
    this.ensure(8);
    this.view.setFloat64(this.length, value, true);
    this.length += 8;
  }
  result() {
    return this.bytes.slice(0, this.length);
  }
}

function writeWkb(writer: WkbWriter, geometry: WkbGeometry, bounds: Bounds) {
  const code = typeNames.indexOf(geometry.type as (typeof typeNames)[number]);
  if (code <= 0) throw new Error(`a ${geometry.type} cannot be written as WKB`);
  writer.uint8(1);
  writer.uint32(code);
  const position = (p: Position) => {
    writer.float64(p[0]);
    writer.float64(p[1]);
    extendBounds(bounds, p);
  };
  const line = (positions: Position[]) => {
    writer.uint32(positions.length);
    positions.forEach(position);
  };
  const polygon = (rings: Position[][]) => {
    writer.uint32(rings.length);
    rings.forEach(line);
  };
  const c = geometry.coordinates;
  switch (geometry.type) {
    case "Point":
      return position(c as Position);
    case "LineString":
      return line(c as Position[]);
    case "Polygon":
      return polygon(c as Position[][]);
    case "MultiPoint":
    case "MultiLineString":
    case "MultiPolygon": {
      const member = geometry.type.slice(5);
      const members = c as unknown[];
      writer.uint32(members.length);
      for (const coordinates of members) writeWkb(writer, { type: member, coordinates }, bounds);
      return;
    }
    case "GeometryCollection":
      writer.uint32(geometry.geometries?.length ?? 0);
      for (const member of geometry.geometries ?? []) writeWkb(writer, member, bounds);
  }
}

/** A GeoPackage geometry blob: the "GP" header (version 0, little-endian, xy envelope) and ISO WKB. */
export function writeGeoPackageGeometry(geometry: WkbGeometry, srsId: number): { blob: Uint8Array; bounds: Bounds } {
  const bounds = emptyBounds();
  const wkb = new WkbWriter();
  writeWkb(wkb, geometry, bounds);
  const body = wkb.result();
  const hasEnvelope = bounds.minX !== Infinity;
  const headerLength = 8 + (hasEnvelope ? 32 : 0);
  const blob = new Uint8Array(headerLength + body.length);
  const view = new DataView(blob.buffer);
  blob[0] = 0x47;
  blob[1] = 0x50;
  blob[2] = 0;
  // Flags: binary type standard, envelope xy (1) or none, little-endian header.
  blob[3] = (hasEnvelope ? 1 << 1 : 0) | 1;
  view.setInt32(4, srsId, true);
  if (hasEnvelope) {
    view.setFloat64(8, bounds.minX, true);
    view.setFloat64(16, bounds.maxX, true);
    view.setFloat64(24, bounds.minY, true);
    view.setFloat64(32, bounds.maxY, true);
  }
  blob.set(body, headerLength);
  return { blob, bounds };
}
