// Cases for the bad-input fuzzing (issue 12, point 2), derived from the OpenAPI document: for each route, a plausible
// body built from its schema, then that body broken one way at a time.
export interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  nullable?: boolean;
  default?: unknown;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
}

export interface Operation {
  method: string;
  /** OpenAPI path, `{id}` style. */
  path: string;
  params: string[];
  query: Record<string, JsonSchema>;
  body: JsonSchema | undefined;
}

interface OpenApi {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: { in: string; name: string; schema: JsonSchema }[];
        requestBody?: { content: Record<string, { schema: JsonSchema }> };
      }
    >
  >;
}

export function operations(doc: unknown): Operation[] {
  const ops: Operation[] = [];
  for (const [p, methods] of Object.entries((doc as OpenApi).paths)) {
    for (const [m, op] of Object.entries(methods)) {
      const params = (op.parameters ?? []).filter((x) => x.in === 'path').map((x) => x.name);
      const query = Object.fromEntries((op.parameters ?? []).filter((x) => x.in === 'query').map((x) => [x.name, x.schema]));
      ops.push({ method: m.toUpperCase(), path: p, params, query, body: op.requestBody?.content['application/json']?.schema });
    }
  }
  return ops;
}

const PATTERNS: [RegExp, string][] = [
  [/\\d\{4\}-\(0\[1-9\]/, '2026-03'],
  [/\[01\]\\d\|2\[0-3\]/, '10:30'],
  [/\\d\{4\}\(-/, '1990'],
];

/** A plausible value for a schema (the field's name helps for dates). */
export function sample(s: JsonSchema, name = ''): unknown {
  if (s.oneOf?.length) return sample(s.oneOf[0]!, name);
  if (s.anyOf?.length) return sample(s.anyOf.find((x) => x.type !== 'null') ?? s.anyOf[0]!, name);
  if (s.enum?.length) return s.enum[0];
  switch (s.type) {
    case 'object': {
      const o: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(s.properties ?? {})) o[k] = sample(v, k);
      return o;
    }
    case 'array':
      return s.items ? [sample(s.items, name)] : [];
    case 'integer':
    case 'number':
      if (/annee|exercice/i.test(name)) return 2026;
      if (/mois/i.test(name)) return 3;
      return Math.max(1, Math.min(s.maximum ?? 1000, 1000));
    case 'boolean':
      return false;
    case 'string': {
      const pattern = s.pattern && PATTERNS.find(([re]) => re.test(s.pattern!));
      if (pattern) return pattern[1];
      if (/date|^du$|^au$|naissance|reception|remise|ouverture/i.test(name)) return '2026-12-20';
      return 'Essai de saisie';
    }
    default:
      return s.nullable ? null : 'x';
  }
}

/** Bad values a user (or a script) may send where a value of this schema is expected. */
export function badValues(s: JsonSchema): unknown[] {
  const common: unknown[] = [null, {}, [], "'; drop table mandat; --", '<script>alert(1)</script>'];
  switch (s.type) {
    case 'integer':
    case 'number':
      return [...common, -1, 0, 1.5, 1e16, Number.MAX_SAFE_INTEGER + 2, '12', '1 500 000', true];
    case 'string':
      return [...common, 12, '', 'x'.repeat(100_000), '2026-02-30', '2026-13-01', '31/12/2026', 'hier', '\u0000', '😀'.repeat(300)];
    case 'boolean':
      return [...common, 'oui', 1];
    case 'array':
      return [...common, 'liste', Array.from({ length: 500 }, () => ({}))];
    default:
      return [...common, 'texte', 12];
  }
}

/** Each body broken one way: a required field missing, a field of the wrong value; and whole-body oddities. */
export function badBodies(s: JsonSchema): unknown[] {
  const base = sample(s);
  const out: unknown[] = [undefined, null, [], 'texte', 42, {}];
  if (s.type !== 'object' || typeof base !== 'object' || base === null) return [...out, ...badValues(s)];
  const obj = base as Record<string, unknown>;
  for (const k of s.required ?? []) {
    const { [k]: _omit, ...rest } = obj;
    out.push(rest);
  }
  for (const [k, v] of Object.entries(s.properties ?? {})) for (const bad of badValues(v)) out.push({ ...obj, [k]: bad });
  // One level down: the first nested object or array item, broken field by field.
  for (const [k, v] of Object.entries(s.properties ?? {})) {
    const inner = v.type === 'array' ? v.items : v;
    if (inner?.type !== 'object') continue;
    const innerBase = sample(inner) as Record<string, unknown>;
    for (const [ik, iv] of Object.entries(inner.properties ?? {}))
      for (const bad of badValues(iv).slice(5, 9)) {
        const broken = { ...innerBase, [ik]: bad };
        out.push({ ...obj, [k]: v.type === 'array' ? [broken] : broken });
      }
  }
  out.push(obj);
  return out;
}

/** Path parameter values: plausible, unknown, and hostile. */
export const PARAM_VALUES = [
  '1',
  '2',
  '2026',
  '999999',
  '0',
  '-1',
  '1.5',
  'abc',
  "1' OR '1'='1",
  '%3Cscript%3E',
  '..%2F..%2Fetc%2Fpasswd',
  'x'.repeat(600),
];

/** English texts of Fastify, Ajv, zod or Node that must never reach a user. */
export const ENGLISH =
  /\b(must|should|required property|Invalid input|Expected|Unexpected|Bad Request|Not Found|Internal Server Error|Unsupported Media Type|Payload Too Large|Too Many Requests|Route \w+|body|querystring|params|is not|cannot|undefined|null is not)\b/;
