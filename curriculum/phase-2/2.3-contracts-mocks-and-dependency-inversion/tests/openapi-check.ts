// A small OpenAPI 3 checker: enough to hold a real response against openapi.yaml. It reads
// paths, methods, status codes, the Location header of a 201, response content by media type,
// and these schema keywords: $ref (local), type, required, properties, items, enum. Keywords it
// does not read (allOf, oneOf, anyOf) are reported rather than silently passed.
import { readFileSync } from "node:fs";
import { parse } from "yaml";

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** The learner's openapi.yaml, parsed; throws with a plain message when it is not a usable OpenAPI 3 document. */
export function loadOpenApi(): Json {
  const text = readFileSync(new URL("./openapi.yaml", import.meta.url), "utf8");
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (error) {
    throw new Error(`openapi.yaml is not valid YAML: ${(error as Error).message}`);
  }
  if (!isObject(doc)) throw new Error("openapi.yaml must be a YAML mapping with openapi, info and paths");
  if (typeof doc.openapi !== "string" || !doc.openapi.startsWith("3.")) {
    throw new Error(`openapi.yaml must start with "openapi: 3.1.0" (or another 3.x version); found ${JSON.stringify(doc.openapi)}`);
  }
  if (!isObject(doc.info) || typeof doc.info.title !== "string" || typeof doc.info.version !== "string") {
    throw new Error("openapi.yaml needs info.title and info.version (both strings)");
  }
  if (!isObject(doc.paths) || Object.keys(doc.paths).length === 0) throw new Error("openapi.yaml documents no paths yet");
  return doc;
}

/** Follow local $refs such as "#/components/schemas/Note". */
function deref(doc: Json, node: unknown): unknown {
  for (let hops = 0; isObject(node) && typeof node.$ref === "string"; hops++) {
    const ref = node.$ref;
    if (hops > 20 || !ref.startsWith("#/"))
      throw new Error(`openapi.yaml: cannot follow $ref ${ref} (only local refs like #/components/schemas/Note)`);
    node = ref
      .slice(2)
      .split("/")
      .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
      .reduce<unknown>((at, key) => (isObject(at) ? at[key] : undefined), doc);
    if (node === undefined) throw new Error(`openapi.yaml: $ref ${ref} points at nothing`);
  }
  return node;
}

function jsonType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

/** Every way `value` breaks `schema`, as "at: what" lines; [] when it fits. */
export function validate(doc: Json, schema: unknown, value: unknown, at = "body"): string[] {
  const s = deref(doc, schema);
  if (s === true || s === undefined) return [];
  if (!isObject(s)) return [`${at}: the schema is not an object`];
  for (const keyword of ["allOf", "oneOf", "anyOf", "not"]) {
    if (keyword in s)
      return [
        `${at}: the schema uses ${keyword}, which this checker does not read; write it out with type, required, properties and items`,
      ];
  }
  const errors: string[] = [];
  if (s.type !== undefined) {
    const allowed = Array.isArray(s.type) ? s.type : [s.type];
    const actual = jsonType(value);
    const fits =
      allowed.includes(actual) || (actual === "integer" && allowed.includes("number")) || (s.nullable === true && actual === "null");
    if (!fits) return [`${at}: is ${actual}, the schema says ${allowed.join(" or ")}`];
  }
  if (Array.isArray(s.enum) && !s.enum.some((e) => JSON.stringify(e) === JSON.stringify(value))) {
    errors.push(`${at}: ${JSON.stringify(value)} is not one of the enum values`);
  }
  if (isObject(value)) {
    for (const name of Array.isArray(s.required) ? s.required : []) {
      if (!(String(name) in value)) errors.push(`${at}: misses the required property "${name}"`);
    }
    const props = isObject(s.properties) ? s.properties : {};
    for (const [name, sub] of Object.entries(props)) {
      if (name in value) errors.push(...validate(doc, sub, value[name], `${at}.${name}`));
    }
  }
  if (Array.isArray(value) && s.items !== undefined) {
    for (const [i, item] of value.entries()) errors.push(...validate(doc, s.items, item, `${at}[${i}]`));
  }
  return errors;
}

export interface Observed {
  readonly method: string;
  /** The request path, e.g. /notes/3f2c… */
  readonly path: string;
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  /** The raw body text ("" when none). */
  readonly text: string;
}

/** A property path such as ["items", 0, "id"] that the documented schema must require and type. */
export type FieldPath = ReadonlyArray<string | number>;

/** The operation's documented response for what was observed, and the template it matched. */
function findResponse(doc: Json, seen: Observed): { response?: Json; where: string; problems: string[] } {
  const paths = doc.paths as Json;
  const template = Object.keys(paths).find((t) =>
    new RegExp(`^${t.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{[^}/]+\}/g, "[^/]+")}$`).test(seen.path),
  );
  const where = `${seen.method} ${template ?? seen.path}`;
  if (!template) return { where, problems: [`openapi.yaml has no path that matches ${seen.path} (write templates like /notes/{id})`] };
  const item = deref(doc, paths[template]);
  const op = isObject(item) ? deref(doc, item[seen.method.toLowerCase()]) : undefined;
  if (!isObject(op)) return { where, problems: [`openapi.yaml documents no ${seen.method} operation under ${template}`] };
  const responses = isObject(op.responses) ? op.responses : {};
  const response = deref(doc, responses[String(seen.status)]);
  if (!isObject(response)) {
    const listed = Object.keys(responses).join(", ") || "none";
    return {
      where,
      problems: [
        `the server answered ${seen.status}, but openapi.yaml documents no "${seen.status}" response for ${where} (it lists: ${listed})`,
      ],
    };
  }
  return { response, where, problems: [] };
}

/**
 * What is wrong between openapi.yaml and one real response: undocumented path, method or
 * status; a body that breaks its schema; a schema too loose to protect `mustHave` fields.
 */
export function responseProblems(doc: Json, seen: Observed, mustHave: readonly FieldPath[] = []): string[] {
  const { response, where, problems } = findResponse(doc, seen);
  if (!response) return problems;
  const content = isObject(response.content) ? response.content : {};
  if (seen.status === 201) {
    const headers = isObject(response.headers) ? Object.keys(response.headers).map((h) => h.toLowerCase()) : [];
    if (!headers.includes("location")) problems.push(`the 201 of ${where} must document its Location header (under headers:)`);
  }
  if (seen.text === "") {
    if (Object.keys(content).length > 0)
      problems.push(`the ${seen.status} of ${where} has no body, but openapi.yaml documents content for it`);
    return problems;
  }
  const raw = seen.headers["content-type"];
  const mediaType = (Array.isArray(raw) ? raw[0] : raw)?.split(";")[0]?.trim().toLowerCase() ?? "";
  const media = deref(doc, content[mediaType]);
  if (!isObject(media) || media.schema === undefined) {
    problems.push(`the ${seen.status} of ${where} answers ${mediaType}, but openapi.yaml documents no schema under content: ${mediaType}:`);
    return problems;
  }
  const body: unknown = JSON.parse(seen.text);
  const errors = validate(doc, media.schema, body);
  if (errors.length > 0) {
    problems.push(`the real ${seen.status} body of ${where} does not match its schema in openapi.yaml: ${errors.join("; ")}`);
    return problems;
  }
  for (const field of mustHave) {
    const name = field.join(".");
    if (validate(doc, media.schema, mutate(body, field, "delete")).length === 0) {
      problems.push(`the schema for the ${seen.status} of ${where} accepts a body without "${name}": list it under required`);
    }
    if (validate(doc, media.schema, mutate(body, field, "retype")).length === 0) {
      problems.push(`the schema for the ${seen.status} of ${where} accepts any type for "${name}": give it a type`);
    }
  }
  return problems;
}

/** A deep copy of `body` with the field at `path` deleted or given a value of the wrong type. */
function mutate(body: unknown, path: FieldPath, how: "delete" | "retype"): unknown {
  const copy = structuredClone(body) as Json;
  let parent: unknown = copy;
  for (const key of path.slice(0, -1)) parent = (parent as Record<string | number, unknown>)[key];
  const last = path[path.length - 1] as string | number;
  const target = parent as Record<string | number, unknown>;
  if (how === "delete") delete target[last];
  else {
    const old = target[last];
    target[last] =
      typeof old === "string" ? 12345 : typeof old === "number" ? "12345" : Array.isArray(old) ? { not: "an array" } : "not an object";
  }
  return copy;
}
