import type { Context } from "hono";
import { fieldError } from "../../core/domain/api-error";
import { parseBbox, type Bbox } from "../../core/geo/geometry";
import { message } from "../../core/messages/message";
import { fail } from "../http";

/** The optional `bbox` query parameter, or a 400 answer naming what is wrong with it. */
export function bboxQuery(c: Context): { ok: true; bbox: Bbox | undefined } | { ok: false; response: Response } {
  const text = c.req.query("bbox");
  if (text === undefined) return { ok: true, bbox: undefined };
  const parsed = parseBbox(text);
  if (parsed.ok) return { ok: true, bbox: parsed.bbox };
  const problem = parsed.problem;
  return { ok: false, response: fail(c, 400, "invalid_query", message("error.queryProblem", { parameter: "bbox", problem }), [fieldError("bbox", problem)]) };
}
