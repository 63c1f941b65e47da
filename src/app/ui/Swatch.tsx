import type { CSSProperties } from "react";

/** A legend swatch: the colour and shape a layer is drawn in. Decorative: the label beside it names it. */
export function Swatch({
  shape,
  colour,
  outline,
}: {
  shape: "fill" | "line" | "circle" | "text";
  colour: string;
  /** Edge colour of a fill or circle; default the fill colour itself. */
  outline?: string;
}) {
  const style = { "--swatch-colour": colour, "--swatch-outline": outline ?? colour } as CSSProperties;
  return (
    <span className={`swatch swatch-${shape}`} style={style} aria-hidden="true">
      {shape === "text" ? "Aa" : null}
    </span>
  );
}
