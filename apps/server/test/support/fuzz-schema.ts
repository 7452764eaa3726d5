import fc from 'fast-check';
import { hostileValue, trickyNumber, trickyString } from './fuzz-values.js';

/** The part of JSON Schema (as zod writes it into the OpenAPI document) the fuzz reads. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  default?: unknown;
}

const MAX_DEPTH = 6;

/** Values that satisfy `schema` where the fuzz can tell how, plus its edges; `root` resolves `$ref`s. */
export function validValue(schema: JsonSchema, root: JsonSchema = schema, depth = 0): fc.Arbitrary<unknown> {
  if (depth > MAX_DEPTH) return fc.constant(null);
  if (schema.$ref !== undefined) return validValue(resolveRef(schema.$ref, root), root, depth + 1);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum !== undefined) return fc.constantFrom(...schema.enum);
  const choices = schema.anyOf ?? schema.oneOf;
  if (choices !== undefined) return fc.oneof(...choices.map((choice) => validValue(choice, root, depth + 1)));
  if (schema.allOf !== undefined && schema.allOf.length > 0) return validValue(schema.allOf[0], root, depth + 1);
  const type = Array.isArray(schema.type) ? schema.type : schema.type === undefined ? [] : [schema.type];
  if (type.length > 1) return fc.oneof(...type.map((one) => validValue({ ...schema, type: one }, root, depth + 1)));
  switch (type[0]) {
    case 'string':
      return validString(schema);
    case 'integer':
      return numberIn(schema, true);
    case 'number':
      return numberIn(schema, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(validValue(schema.items ?? {}, root, depth + 1), { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 4, 4) });
    case 'object':
      return validObject(schema, root, depth);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function resolveRef(ref: string, root: JsonSchema): JsonSchema {
  const name = /^#\/\$defs\/(.+)$/.exec(ref)?.[1];
  const target = name === undefined ? undefined : root.$defs?.[name];
  if (target === undefined) throw new Error(`the fuzz cannot resolve ${ref}`);
  return target;
}

function validObject(schema: JsonSchema, root: JsonSchema, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {};
  const required = new Set(schema.required ?? []);
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, property] of Object.entries(properties)) model[name] = validValue(property, root, depth + 1);
  return fc.record(model, { requiredKeys: Object.keys(properties).filter((name) => required.has(name)) });
}

function validString(schema: JsonSchema): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 0;
  const maxLength = schema.maxLength ?? Math.max(minLength, 40);
  // Only the declared bounds: a pattern's own length (an address is 42 characters) must not be filtered away.
  const fits = (value: string): boolean => value.length >= minLength && value.length <= (schema.maxLength ?? Infinity);
  if (schema.format === 'uuid') return fc.uuid();
  if (schema.format === 'uri') return fc.webUrl().filter(fits);
  if (schema.format === 'email') return fc.emailAddress().filter(fits);
  if (schema.pattern !== undefined) {
    try {
      const matching = fc.stringMatching(new RegExp(schema.pattern, 'u')).filter(fits);
      fc.sample(matching, 1);
      return matching;
    } catch {
      // A pattern fast-check cannot generate from: plain strings of the right length are still worth sending.
    }
  }
  return fc.oneof(
    fc.string({ minLength, maxLength: Math.min(maxLength, 64) }),
    fc.constantFrom('a'.repeat(minLength), 'z'.repeat(Math.min(maxLength, 10_000))),
  );
}

function numberIn(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const min = schema.minimum ?? (schema.exclusiveMinimum === undefined ? undefined : schema.exclusiveMinimum + (integer ? 1 : Number.EPSILON));
  const max = schema.maximum ?? (schema.exclusiveMaximum === undefined ? undefined : schema.exclusiveMaximum - (integer ? 1 : Number.EPSILON));
  const low = Math.max(min ?? -1e6, Number.MIN_SAFE_INTEGER);
  const high = Math.min(max ?? 1e6, Number.MAX_SAFE_INTEGER);
  const edges = [low, high, Math.min(Math.max(0, low), high)];
  const inside = integer ? fc.integer({ min: Math.ceil(low), max: Math.floor(high) }) : fc.double({ min: low, max: high, noNaN: true });
  return fc.oneof(inside, fc.constantFrom(...edges));
}

/** Values just outside what `schema` allows: one past each bound, the wrong type, a fraction for an integer. */
export function edgeValue(schema: JsonSchema, root: JsonSchema): fc.Arbitrary<unknown> {
  const resolved = schema.$ref === undefined ? schema : resolveRef(schema.$ref, root);
  const edges: unknown[] = [null, true, 0, '', [], {}, '1'.repeat(80), 1e308, -1, 0.5];
  if (resolved.minLength !== undefined) edges.push('a'.repeat(Math.max(resolved.minLength - 1, 0)));
  if (resolved.maxLength !== undefined) edges.push('a'.repeat(resolved.maxLength + 1), '界'.repeat(resolved.maxLength + 1));
  if (resolved.minimum !== undefined) edges.push(resolved.minimum - 1, resolved.minimum - 0.5);
  if (resolved.maximum !== undefined) edges.push(resolved.maximum + 1, resolved.maximum + 0.5, String(resolved.maximum));
  if (resolved.maxItems !== undefined) edges.push(Array.from({ length: resolved.maxItems + 1 }, () => 0));
  if (resolved.enum !== undefined) edges.push(...resolved.enum.map((value) => (typeof value === 'string' ? value.toUpperCase() + ' ' : String(value))));
  // Numbers written as strings (token amounts, ids) are where overflows hide: 80 digits, 80 decimals, 2^256.
  const numericString = resolved.pattern?.includes('\\d') === true;
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...edges) },
    { weight: numericString ? 3 : 0, arbitrary: fc.constantFrom('1'.repeat(80), `0.${'1'.repeat(80)}`, `1.${'0'.repeat(30)}1`, '115792089237316195423570985008687907853269984665640564039457584007913129639936', '0', '00000000001') },
    { weight: 1, arbitrary: hostileValue },
    { weight: 1, arbitrary: trickyString },
    { weight: 1, arbitrary: trickyNumber },
  );
}

/**
 * Bodies for an operation's JSON schema: valid ones (so the handler runs), ones with one field wrong, missing or
 * extra, and wholly hostile JSON.
 */
export function bodyFor(schema: JsonSchema): fc.Arbitrary<unknown> {
  const valid = validValue(schema);
  const properties = Object.entries(schema.properties ?? {});
  const required = schema.required ?? [];
  const variants: { weight: number; arbitrary: fc.Arbitrary<unknown> }[] = [
    { weight: 4, arbitrary: valid },
    { weight: 1, arbitrary: hostileValue },
  ];
  if (properties.length > 0) {
    const oneWrong = fc
      .tuple(valid, fc.constantFrom(...properties))
      .chain(([body, [name, property]]) => edgeValue(property, schema).map((value) => ({ ...(body as object), [name]: value })));
    variants.push({ weight: 4, arbitrary: oneWrong });
  }
  if (required.length > 0) {
    const missing = fc.tuple(valid, fc.constantFrom(...required)).map(([body, name]) => {
      const copy = { ...(body as Record<string, unknown>) };
      delete copy[name];
      return copy;
    });
    variants.push({ weight: 1, arbitrary: missing });
  }
  const extra = fc.tuple(valid, fc.oneof(fc.constantFrom('__proto__', 'constructor', 'id', 'user_id', 'is_admin', 'role'), trickyString), hostileValue).map(([body, name, value]) =>
    typeof body === 'object' && body !== null && !Array.isArray(body) ? Object.defineProperty({ ...body }, name, { value, enumerable: true }) : body,
  );
  variants.push({ weight: 1, arbitrary: extra });
  return fc.oneof(...variants);
}
