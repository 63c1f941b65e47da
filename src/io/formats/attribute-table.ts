// The attribute columns of a layer to write: one type per property over all features, so the
// table formats (dBase, GeoPackage) get typed columns and values keep their type when read back.

export type ColumnType = "integer" | "real" | "boolean" | "text";

export interface AttributeColumn {
  /** The property name. */
  name: string;
  type: ColumnType;
}

const typeOfValue = (value: unknown): ColumnType | undefined => {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "boolean") return "boolean";
  if (typeof value === "number") return Number.isInteger(value) && Math.abs(value) < 1e15 ? "integer" : "real";
  return "text";
};

/** Two types met in one column: integers widen to reals, anything else mixed becomes text. */
const widen = (a: ColumnType, b: ColumnType): ColumnType => {
  if (a === b) return a;
  if ((a === "integer" && b === "real") || (a === "real" && b === "integer")) return "real";
  return "text";
};

/** The columns of a set of features' properties, in the order first met; a column of nulls only is text. */
export function attributeColumns(propertiesList: readonly (Record<string, unknown> | null)[]): AttributeColumn[] {
  const types = new Map<string, ColumnType | undefined>();
  for (const properties of propertiesList) {
    for (const [name, value] of Object.entries(properties ?? {})) {
      const type = typeOfValue(value);
      const known = types.get(name);
      types.set(name, known === undefined ? type : type === undefined ? known : widen(known, type));
    }
  }
  return [...types].map(([name, type]) => ({ name, type: type ?? "text" }));
}

/** A value as its column stores it: text columns get text (objects as JSON), others keep numbers and booleans. */
export function columnValue(value: unknown, type: ColumnType): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (type === "text") return typeof value === "string" ? value : typeof value === "object" ? JSON.stringify(value) : String(value);
  if (type === "boolean") return Boolean(value);
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}
