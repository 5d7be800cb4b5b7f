import type { GbnfJsonSchema } from "node-llama-cpp";

type JsonObject = Record<string, unknown>;

/**
 * Keywords that only narrow values (ranges, patterns, uniqueness). The grammar cannot enforce them, so they are
 * dropped here; the schema's own validator (zod) still checks them after generation.
 */
const VALIDATION_ONLY = new Set([
  "pattern",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "multipleOf",
  "uniqueItems",
  "propertyNames",
  "contentEncoding",
  "contentMediaType",
]);

/** Keywords that only annotate. */
const ANNOTATIONS = new Set([
  "$schema",
  "$id",
  "id",
  "title",
  "default",
  "examples",
  "readOnly",
  "writeOnly",
  "deprecated",
  "$comment",
  // node-llama-cpp always requires every listed property; an optional field is generated, which still validates.
  "required",
]);

/** Keywords the grammar supports as they are (children are mapped recursively where they hold schemas). */
const SUPPORTED = new Set([
  "type",
  "description",
  "enum",
  "const",
  "properties",
  "additionalProperties",
  "minProperties",
  "maxProperties",
  "items",
  "prefixItems",
  "minItems",
  "maxItems",
  "minLength",
  "maxLength",
  "format",
  "oneOf",
  "anyOf",
  "allOf",
  "$ref",
  "$defs",
  "definitions",
]);

const GRAMMAR_FORMATS = new Set(["date-time", "date", "time"]);

/**
 * Maps a JSON schema (as `z.toJSONSchema` or LangChain's `toJsonSchema` produce it) to the subset node-llama-cpp
 * can compile into a grammar: objects, arrays (`minItems`/`maxItems`), strings (`minLength`/`maxLength`), numbers,
 * integers, booleans, null, `enum`, `const`, unions (`anyOf`/`oneOf`) and `$ref` into `$defs`. Value-range keywords
 * (`minimum`, `pattern`, …) are dropped because a grammar cannot enforce them; validate the result with the original
 * schema. Structure the grammar cannot express (`not`, `if`, `patternProperties`, an untyped "any" value, …) is a
 * `TypeError` naming the place in the schema.
 *
 * @example
 * ```ts
 * import { z } from "zod";
 * const grammarSchema = toGrammarJsonSchema({
 *   schema: z.toJSONSchema(z.object({ answer: z.string().max(200), choices: z.array(z.string()).length(4) })),
 * });
 * const grammar = await llama.createGrammarForJsonSchema(grammarSchema);
 * ```
 */
export function toGrammarJsonSchema(params: {
  /** A JSON schema describing the output, with an object or array at the top. */
  schema: JsonObject;
}): GbnfJsonSchema {
  const { schema } = params;
  if (!isObject(schema))
    throw new TypeError("schema must be a JSON schema object (for example z.toJSONSchema(zodSchema))");
  return mapSchema(schema, "#") as GbnfJsonSchema;
}

function mapSchema(schema: unknown, at: string): JsonObject {
  if (schema === true) throw unsupported(at, "an unconstrained value (true)");
  if (!isObject(schema)) throw new TypeError(`schema at ${at} is not an object: each property needs a JSON schema`);

  if (Array.isArray(schema.allOf)) {
    if (schema.allOf.length !== 1) throw unsupported(at, "allOf with more than one schema (intersections)");
    const { allOf, ...rest } = schema;
    return mapSchema({ ...rest, ...(allOf[0] as JsonObject) }, at);
  }

  const out: JsonObject = {};
  for (const [key, value] of Object.entries(schema)) {
    if (ANNOTATIONS.has(key) || VALIDATION_ONLY.has(key)) continue;
    if (!SUPPORTED.has(key)) throw unsupported(at, `the "${key}" keyword`);
    switch (key) {
      case "properties": {
        const properties: JsonObject = {};
        for (const [name, child] of Object.entries(value as JsonObject)) {
          properties[name] = mapSchema(child, `${at}/properties/${name}`);
        }
        out.properties = properties;
        break;
      }
      case "additionalProperties":
        out.additionalProperties = typeof value === "boolean" ? value : mapSchema(value, `${at}/additionalProperties`);
        break;
      case "items":
        out.items = mapSchema(value, `${at}/items`);
        break;
      case "prefixItems":
        out.prefixItems = (value as unknown[]).map((child, index) => mapSchema(child, `${at}/prefixItems/${index}`));
        break;
      case "anyOf":
      case "oneOf":
        out.oneOf = (value as unknown[]).map((child, index) => mapSchema(child, `${at}/${key}/${index}`));
        break;
      case "$defs":
      case "definitions": {
        const defs: JsonObject = {};
        for (const [name, child] of Object.entries(value as JsonObject)) {
          defs[name] = mapSchema(child, `${at}/${key}/${name}`);
        }
        out.$defs = { ...(out.$defs as JsonObject | undefined), ...defs };
        break;
      }
      case "$ref": {
        const ref = String(value).replace(/^#\/definitions\//, "#/$defs/");
        if (!ref.startsWith("#/$defs/"))
          throw unsupported(at, `the reference "${String(value)}" (only #/$defs/… is supported)`);
        out.$ref = ref;
        break;
      }
      case "format":
        if (GRAMMAR_FORMATS.has(String(value))) out.format = value;
        break;
      default:
        out[key] = value;
    }
  }

  // node-llama-cpp reads {type: "string", enum: [...]} as any string when validating: the values are the type.
  if ("enum" in out || "const" in out) delete out.type;
  // An object schema without "type" (zod emits one for some shapes) is still an object.
  if (out.type === undefined && (out.properties !== undefined || out.additionalProperties !== undefined)) {
    out.type = "object";
  }
  if (out.type === "object" && out.properties === undefined && out.additionalProperties === undefined) {
    throw unsupported(at, "an object with no declared properties");
  }
  if (out.type === undefined && !("enum" in out) && !("const" in out) && !("oneOf" in out) && !("$ref" in out)) {
    throw unsupported(at, "a value of any type (z.any() / z.unknown())");
  }
  return out;
}

function unsupported(at: string, what: string): TypeError {
  return new TypeError(
    `schema at ${at} uses ${what}, which grammar-constrained generation cannot express: give that field a concrete type (object, array, string, number, boolean, enum)`,
  );
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
