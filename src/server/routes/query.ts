import type { Context } from "hono";
import { parseBbox, type Bbox } from "../../core/geo/geometry";
import { fail } from "../http";

/** The optional `bbox` query parameter, or a 400 answer naming what is wrong with it. */
export function bboxQuery(c: Context): { ok: true; bbox: Bbox | undefined } | { ok: false; response: Response } {
  const text = c.req.query("bbox");
  if (text === undefined) return { ok: true, bbox: undefined };
  const parsed = parseBbox(text);
  if (parsed.ok) return { ok: true, bbox: parsed.bbox };
  return { ok: false, response: fail(c, 400, "invalid_query", parsed.message, [{ path: "bbox", message: parsed.message }]) };
}
