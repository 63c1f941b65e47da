import type { ArealformaalCodeList } from "../../core/zoning/arealformaal";
import { wgs84 } from "../../core/geo/projections";
import { converterFor, epsgCodeOf, type Wgs84Converter } from "../crs";
import { arcThroughPoints, defaultArcToleranceM, type PlanePosition } from "./arc";
import { chainRing, oriented } from "./rings";
import { childByLocal, childrenByLocal, findDescendants, readXml, type XmlElement } from "./xml-tree";
import { lookupIn, readZoneAttributes } from "./zone-attributes";
import {
  codeOf,
  ImportCollector,
  nationalPlanId,
  zoningStatusOf,
  type ZoningImport,
  type ZoningImportOptions,
  type ZoningStatus,
} from "./zoning-import";

/** Lower case without Norwegian letters, so "RpArealformålOmråde" and "RpArealformalOmrade" match. */
const plain = (name: string) => name.toLowerCase().replace(/å/g, "a").replace(/ø/g, "o").replace(/æ/g, "ae");

const landUseFeature = /^(rp|kp)arealformal(omrade)?$/;
const planAreaFeature = /^(rp|kp)omrade$/;

/** Ends within 1 cm (or 1e-7°, about 1 cm, in a geographic CRS) join: GML curves of one ring share their end positions exactly. */
const joinTolerance = (geographic: boolean) => (geographic ? 1e-7 : 0.01);

const child = (element: XmlElement, name: string) => element.children.find((c) => plain(c.local) === name);
const textOf = (element: XmlElement | undefined) => element?.text.trim() || undefined;

/** The features of a GML file: the children of gml:featureMember(s) / wfs:member. */
function featuresOf(root: XmlElement): XmlElement[] {
  const members = findDescendants(root, (element) => ["featureMember", "featureMembers", "member"].includes(element.local));
  const features = members.flatMap((member) => member.children);
  return features.length > 0 ? features : root.children.filter((element) => element.local !== "boundedBy");
}

const idOf = (element: XmlElement) => element.attributes["gml:id"] ?? Object.entries(element.attributes).find(([key]) => key.endsWith(":id"))?.[1];

/** The srsName of an Envelope under the element's gml:boundedBy, if any. */
function envelopeCrs(element: XmlElement): string | undefined {
  const bounded = childByLocal(element, "boundedBy");
  const envelope = bounded ? (childByLocal(bounded, "Envelope") ?? childByLocal(bounded, "EnvelopeWithTimePeriod")) : undefined;
  return envelope?.attributes.srsName;
}

/** Numbers of a gml:posList, gml:pos or gml:coordinates, as positions of `dimension` numbers. */
function positionsOf(element: XmlElement, dimension: number, swap: boolean): { ok: true; positions: PlanePosition[] } | { ok: false; problem: string } {
  const text = element.text.trim();
  // GML 2 gml:coordinates: "x,y x,y"; GML 3: whitespace-separated numbers.
  const numbers = (element.local === "coordinates" ? text.split(/\s+/).flatMap((tuple) => tuple.split(",")) : text.split(/\s+/))
    .filter((part) => part !== "")
    .map(Number);
  const stride = element.local === "coordinates" ? (text.split(/\s+/)[0]?.split(",").length ?? 2) : dimension;
  if (numbers.some((value) => !Number.isFinite(value))) return { ok: false, problem: `gml:${element.local} on line ${element.line} holds something that is not a number` };
  if (numbers.length % stride !== 0) {
    return { ok: false, problem: `gml:${element.local} on line ${element.line} holds ${numbers.length} numbers, not a multiple of its dimension ${stride}` };
  }
  const positions: PlanePosition[] = [];
  for (let k = 0; k < numbers.length; k += stride) positions.push(swap ? [numbers[k + 1]!, numbers[k]!] : [numbers[k]!, numbers[k + 1]!]);
  return { ok: true, positions };
}

type RingRead = { ok: true; ring: PlanePosition[] } | { ok: false; problem: string };

interface CoordinateContext {
  dimension: number;
  swap: boolean;
  /** Largest gap between an arc and its chords (CRS units). */
  arcTolerance: number;
  /** Ends closer than this join (CRS units). */
  joinTolerance: number;
}

const dimensionOf = (element: XmlElement, inherited: number) => {
  const value = Number(element.attributes.srsDimension);
  return Number.isInteger(value) && value >= 2 ? value : inherited;
};

/** Positions of a gml:LinearRing or a curve segment (posList, a run of gml:pos, or gml:coordinates). */
function directPositions(element: XmlElement, context: CoordinateContext): { ok: true; positions: PlanePosition[] } | { ok: false; problem: string } {
  const dimension = dimensionOf(element, context.dimension);
  const list = childByLocal(element, "posList") ?? childByLocal(element, "coordinates");
  if (list) return positionsOf(list, dimensionOf(list, dimension), context.swap);
  const positions: PlanePosition[] = [];
  for (const pos of element.children.filter((c) => c.local === "pos" || c.local === "pointProperty")) {
    const target = pos.local === "pos" ? pos : findDescendants(pos, (c) => c.local === "pos")[0];
    if (!target) return { ok: false, problem: `gml:pointProperty on line ${pos.line} has no gml:pos` };
    const read = positionsOf(target, dimensionOf(target, dimension), context.swap);
    if (!read.ok) return read;
    positions.push(...read.positions);
  }
  if (positions.length === 0) return { ok: false, problem: `gml:${element.local} on line ${element.line} has no gml:posList or gml:pos` };
  return { ok: true, positions };
}

/** The positions of one curve: gml:LineString, gml:Curve with LineStringSegment/Arc/ArcString segments. */
function curvePositions(curve: XmlElement, context: CoordinateContext): { ok: true; positions: PlanePosition[] } | { ok: false; problem: string } {
  if (curve.local === "LineString" || curve.local === "LinearRing") return directPositions(curve, context);
  if (curve.local === "Curve" || curve.local === "OrientableCurve") {
    const base = curve.local === "OrientableCurve" ? childByLocal(curve, "baseCurve")?.children[0] : undefined;
    if (curve.local === "OrientableCurve") {
      if (!base) return { ok: false, problem: `gml:OrientableCurve on line ${curve.line} has no base curve` };
      const read = curvePositions(base, context);
      return read.ok && curve.attributes.orientation === "-" ? { ok: true, positions: read.positions.slice().reverse() } : read;
    }
    const segments = childByLocal(curve, "segments");
    if (!segments) return { ok: false, problem: `gml:Curve on line ${curve.line} has no gml:segments` };
    const positions: PlanePosition[] = [];
    for (const segment of segments.children) {
      const read = directPositions(segment, { ...context, dimension: dimensionOf(curve, context.dimension) });
      if (!read.ok) return read;
      let points = read.positions;
      if (segment.local === "Arc" || segment.local === "ArcString") {
        if (points.length < 3 || points.length % 2 === 0) {
          return { ok: false, problem: `gml:${segment.local} on line ${segment.line} has ${points.length} positions; arcs need 3 (or 5, 7 …)` };
        }
        const arc: PlanePosition[] = [points[0]!];
        for (let k = 0; k + 2 < points.length; k += 2) {
          arc.push(...arcThroughPoints(points[k]!, points[k + 1]!, points[k + 2]!, { toleranceM: context.arcTolerance }).slice(1));
        }
        points = arc;
      } else if (segment.local !== "LineStringSegment") {
        return { ok: false, problem: `gml:${segment.local} (line ${segment.line}) is a curve segment type Massekart cannot read` };
      }
      positions.push(...(positions.length > 0 ? points.slice(1) : points));
    }
    return { ok: true, positions };
  }
  return { ok: false, problem: `gml:${curve.local} (line ${curve.line}) is not a curve Massekart can read` };
}

/** A closed ring from gml:exterior / gml:interior: a LinearRing, or a Ring of curve members. */
function ringOf(boundary: XmlElement, context: CoordinateContext): RingRead {
  const ring = boundary.children[0];
  if (!ring) return { ok: false, problem: `gml:${boundary.local} on line ${boundary.line} is empty` };
  if (ring.local === "LinearRing") {
    const read = directPositions(ring, context);
    if (!read.ok) return read;
    return chainRing([{ label: `gml:LinearRing (line ${ring.line})`, positions: read.positions }], context.joinTolerance);
  }
  if (ring.local === "Ring") {
    const pieces = [];
    for (const member of childrenByLocal(ring, "curveMember")) {
      const curve = member.children[0];
      if (!curve) return { ok: false, problem: `gml:curveMember on line ${member.line} is empty (xlink references to curves are not read)` };
      const read = curvePositions(curve, { ...context, dimension: dimensionOf(ring, context.dimension) });
      if (!read.ok) return read;
      pieces.push({ label: `gml:${curve.local} (line ${curve.line})`, positions: read.positions });
    }
    return chainRing(pieces, context.joinTolerance);
  }
  return { ok: false, problem: `gml:${ring.local} (line ${ring.line}) is not a ring (LinearRing or Ring)` };
}

/** The polygons of a feature's geometry property: each gml:Polygon or gml:PolygonPatch as [exterior, ...holes]. */
function polygonsOf(geometry: XmlElement, context: CoordinateContext): { ok: true; polygons: PlanePosition[][][] } | { ok: false; problem: string } {
  const surfaces = geometry.local === "Polygon" || geometry.local === "PolygonPatch" ? [geometry] : findDescendants(geometry, (e) => e.local === "Polygon" || e.local === "PolygonPatch");
  if (surfaces.length === 0) return { ok: false, problem: "its geometry has no gml:Polygon or gml:Surface" };
  const polygons: PlanePosition[][][] = [];
  for (const surface of surfaces) {
    const surfaceContext = { ...context, dimension: dimensionOf(surface, context.dimension) };
    const exterior = childByLocal(surface, "exterior") ?? childByLocal(surface, "outerBoundaryIs");
    if (!exterior) return { ok: false, problem: `gml:${surface.local} on line ${surface.line} has no gml:exterior` };
    const outer = ringOf(exterior, surfaceContext);
    if (!outer.ok) return { ok: false, problem: `exterior: ${outer.problem}` };
    const rings = [oriented(outer.ring, true)];
    for (const [k, interior] of [...childrenByLocal(surface, "interior"), ...childrenByLocal(surface, "innerBoundaryIs")].entries()) {
      const inner = ringOf(interior, surfaceContext);
      if (!inner.ok) return { ok: false, problem: `interior ${k + 1}: ${inner.problem}` };
      rings.push(oriented(inner.ring, false));
    }
    polygons.push(rings);
  }
  return { ok: true, polygons };
}

/** The first geometry element under a feature's `område` property (or anywhere in it). */
function geometryOf(feature: XmlElement): XmlElement | undefined {
  const property = child(feature, "omrade") ?? child(feature, "geometri");
  const scope = property ?? feature;
  return findDescendants(scope, (e) => ["Polygon", "Surface", "MultiSurface", "MultiPolygon", "CompositeSurface", "PolygonPatch"].includes(e.local))[0];
}

/** The nearest srsName on the geometry or its ancestors inside the property. */
function geometryCrs(geometry: XmlElement): string | undefined {
  return geometry.attributes.srsName ?? findDescendants(geometry, (e) => e.attributes.srsName !== undefined)[0]?.attributes.srsName;
}

/** `nasjonalArealplanId`: kommunenummer and planidentifikasjon, as one national plan id. */
function planIdIn(element: XmlElement): string | undefined {
  const national = child(element, "nasjonalarealplanid");
  const holder = national ? (national.children[0] ?? national) : element;
  const unit = child(holder, "administrativenhet");
  const municipality = unit ? textOf(findDescendants(unit, (e) => plain(e.local) === "kommunenummer")[0]) ?? textOf(unit) : undefined;
  const plan = textOf(child(holder, "planidentifikasjon")) ?? textOf(child(element, "planidentifikasjon")) ?? textOf(child(element, "planid"));
  return nationalPlanId(municipality, plan);
}

interface PlanInfo {
  planId?: string;
  planName?: string;
  status?: ZoningStatus;
}

function planInfoOf(element: XmlElement): PlanInfo {
  return {
    planId: planIdIn(element),
    planName: textOf(child(element, "plannavn")),
    status: zoningStatusOf(textOf(child(element, "planstatus"))),
  };
}

const hrefOf = (element: XmlElement | undefined) => {
  const href = element?.attributes["xlink:href"] ?? Object.entries(element?.attributes ?? {}).find(([key]) => key.endsWith(":href"))?.[1];
  return href?.startsWith("#") ? href.slice(1) : href;
};

/** Vertical level `vertikalnivå`: 1 under ground, 2 on the ground, 3 above (SOSI Plan). */
const verticalLevels: Readonly<Record<string, string>> = { "1": "under the ground", "3": "above the ground" };

/**
 * The zoning areas of a SOSI-GML plan file (`RpArealformålOmråde` / `KpArealformålOmråde`),
 * reprojected to WGS84. Rings may be gml:LinearRing (posList, pos) or gml:Ring of curves
 * (LineStringSegment, Arc). The CRS is the `crs` option, else the srsName of the geometry, else
 * of the feature's or the file's gml:Envelope; a file with none is refused. Plan id, name and
 * status come from the area, else through its `planområde` link (RpOmråde → Arealplan), else from
 * the only plan in the file. Hensynssoner (`RpFareSone` with `fare`, `RpAngittHensynSone` with
 * `angittHensyn` …, named by `hensynSonenavn`) are read as zones, with the same plan fields.
 */
export function parseGmlZoning(text: string, options: ZoningImportOptions & { arcToleranceM?: number } = {}): ZoningImport {
  const source = options.source ? `${options.source}: ` : "";
  const xml = readXml(text);
  if (!xml.ok) return { ok: false, problem: `${source}${xml.problem}` };
  const root = xml.root;
  const fileCrs = envelopeCrs(root);
  const features = featuresOf(root);
  const anyCrs = options.crs ?? fileCrs ?? findDescendants(root, (e) => e.attributes.srsName !== undefined)[0]?.attributes.srsName;
  const flag = options.crsFlag ?? "the crs option";
  if (!anyCrs) {
    return {
      ok: false,
      problem: `${source}the GML names no CRS: neither a geometry (srsName) nor the gml:Envelope says which coordinate system the coordinates are in. Add srsName="urn:ogc:def:crs:EPSG::25832" (or your zone), or pass ${flag} with the EPSG code.`,
    };
  }

  const byId = new Map<string, XmlElement>();
  for (const feature of features) {
    const id = idOf(feature);
    if (id) byId.set(id, feature);
  }
  const plans = features.filter((feature) => plain(feature.local) === "arealplan").map(planInfoOf);
  const onlyPlan = plans.length === 1 ? plans[0] : undefined;

  const converters = new Map<string, ReturnType<typeof converterFor>>();
  const converterOf = (name: string) => {
    let converter = converters.get(name);
    if (!converter) {
      converter = converterFor(name);
      converters.set(name, converter);
    }
    return converter;
  };
  const sourceCrsName = (name: string) => {
    const code = epsgCodeOf(name);
    return code === undefined ? name : `EPSG:${code}`;
  };
  const resultCrs = sourceCrsName(anyCrs);
  // Each area is converted with the converter of its own CRS (passed to `add`).
  const collect = new ImportCollector(wgs84, resultCrs, options.crs ? `check the CRS given (${options.crs}).` : "check the srsName.");

  /** A feature's polygons in its own CRS and the converter of that CRS, or why they cannot be read. */
  const readGeometry = (
    feature: XmlElement,
    what: "area" | "zone",
  ): { ok: true; polygons: PlanePosition[][][]; crs: { convert: Wgs84Converter; sourceCrs: string } } | { ok: false; problem: string } => {
    const geometry = geometryOf(feature);
    if (!geometry) return { ok: false, problem: `has no ${what} geometry (område with a gml:Polygon or gml:Surface)` };
    const crsName = options.crs ?? geometryCrs(geometry) ?? envelopeCrs(feature) ?? fileCrs;
    if (!crsName) return { ok: false, problem: `its geometry names no CRS (srsName) and neither does a gml:Envelope; pass ${flag}` };
    const converter = converterOf(crsName);
    if (!converter.ok) return { ok: false, problem: converter.problem };
    // URN and URI names of geographic CRSs use latitude-first axis order (OGC/EPSG); "EPSG:4326" is taken as lon/lat.
    const geographic = converter.code === 4326 || converter.code === 4258;
    const swap = geographic && /urn:|http/i.test(crsName);
    // Arc tolerance in CRS units: metres, or degrees (≈ 111 km each) in a geographic CRS.
    const arcToleranceM = options.arcToleranceM ?? defaultArcToleranceM;
    const read = polygonsOf(geometry, {
      dimension: dimensionOf(geometry, 2),
      swap,
      arcTolerance: geographic ? arcToleranceM / 111_000 : arcToleranceM,
      joinTolerance: joinTolerance(geographic),
    });
    if (!read.ok) return read;
    return { ok: true, polygons: read.polygons, crs: { convert: converter.convert, sourceCrs: sourceCrsName(crsName) } };
  };

  /** Plan fields: on the feature, else via planområde → RpOmråde (→ arealplan → Arealplan), else the only plan. */
  const planFieldsOf = (feature: XmlElement, planArea: XmlElement | undefined): PlanInfo => {
    const own = planInfoOf(feature);
    const areaInfo = planArea && planAreaFeature.test(plain(planArea.local)) ? planInfoOf(planArea) : {};
    const planFeature = planArea ? byId.get(hrefOf(child(planArea, "arealplan")) ?? "") : undefined;
    const planInfo = planFeature ? planInfoOf(planFeature) : (onlyPlan ?? {});
    return {
      planId: own.planId ?? areaInfo.planId ?? planInfo.planId,
      planName: own.planName ?? areaInfo.planName ?? planInfo.planName,
      status: own.status ?? areaInfo.status ?? planInfo.status,
    };
  };

  for (const [index, feature] of features.entries()) {
    const type = feature.local;
    const id = idOf(feature);
    const label = `${type} ${id ? `gml:id=${id}` : `#${index + 1}`}`;
    // Hazard and protection zones (RpFareSone with fare, RpAngittHensynSone with angittHensyn …).
    const zone = readZoneAttributes(type, lookupIn(feature.children.map((element) => [element.local, element.text])));
    if (zone) {
      if (!zone.ok) {
        collect.skip(label, zone.problem);
        continue;
      }
      const read = readGeometry(feature, "zone");
      if (!read.ok) {
        collect.skip(label, `${type} ${read.problem}`);
        continue;
      }
      const linked = byId.get(hrefOf(child(feature, "planomrade")) ?? "");
      const fields = collect.zonePlanFields(zone.zone.source, zone.zone.family, planFieldsOf(feature, linked), options);
      collect.addZone({ object: label, ...zone.zone, ...fields, polygons: read.polygons }, read.crs);
      continue;
    }
    const match = landUseFeature.exec(plain(type));
    if (!match) {
      collect.ignore(type);
      continue;
    }
    const code = codeOf(textOf(child(feature, "arealformal")));
    if (code === undefined) {
      const raw = textOf(child(feature, "arealformal"));
      collect.skip(label, raw === undefined ? "has no arealformål code" : `arealformål "${raw}" is not a code (a number such as 1110)`);
      continue;
    }
    // The level is on the area or, in Reguleringsplan 5.0, on the RpOmråde it links to.
    const linkedArea = byId.get(hrefOf(child(feature, "planomrade")) ?? "");
    const level = textOf(child(feature, "vertikalniva")) ?? (linkedArea ? textOf(child(linkedArea, "vertikalniva")) : undefined);
    if (level !== undefined && verticalLevels[level]) {
      collect.skip(label, `vertikalnivå ${level}: the area lies ${verticalLevels[level]}; only ground-level zoning (2) is used`);
      continue;
    }
    const read = readGeometry(feature, "area");
    if (!read.ok) {
      collect.skip(label, read.problem);
      continue;
    }
    const fields = collect.planFields(planFieldsOf(feature, linkedArea), options);
    const fieldName = textOf(child(feature, "feltnavn"));
    const codeList: ArealformaalCodeList = match[1] === "kp" ? "kp" : "rp";
    collect.add({ object: label, code, codeList, ...fields, ...(fieldName ? { fieldName } : {}), polygons: read.polygons }, read.crs);
  }
  return collect.result();
}
