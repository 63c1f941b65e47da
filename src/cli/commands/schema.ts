import { instanceJsonSchema } from "../../core/matching/instance";

const schemas: Record<string, () => unknown> = { instance: instanceJsonSchema };

const usage = `Usage: massekart schema NAME

Prints a JSON Schema (draft 2020-12), generated from the validation schema itself.
Names: ${Object.keys(schemas).join(", ")}`;

/** `massekart schema instance`: the instance format of `massekart solve` and POST /api/solve. */
export const schemaCommand = {
  summary: "print the JSON Schema of an input format (instance)",
  async run(args: string[]): Promise<number> {
    const [name, ...rest] = args;
    if (name === "--help" || name === "-h") {
      console.log(usage);
      return 0;
    }
    const schema = name === undefined ? undefined : schemas[name];
    if (!schema || rest.length > 0) {
      console.error(`massekart schema: ${name === undefined ? "name a schema" : `unknown schema ${JSON.stringify(args.join(" "))}`}\n\n${usage}`);
      return 1;
    }
    console.log(JSON.stringify(schema(), null, 2));
    return 0;
  },
};
