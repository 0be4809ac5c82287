import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The part of JSON Schema the contract uses, after `$ref` and `allOf` are resolved. */
export interface JsonSchema {
  type?: string;
  format?: string;
  enum?: readonly unknown[];
  nullable?: boolean;
  properties?: Record<string, JsonSchema>;
  required?: readonly string[];
  items?: JsonSchema;
  minimum?: number;
  maximum?: number;
  example?: unknown;
  description?: string;
}

export interface ParamSpec {
  name: string;
  required: boolean;
  schema: JsonSchema;
}

export type BodySpec =
  | { kind: 'json'; required: boolean; schema: JsonSchema }
  /** A CSV upload: the multipart field and the columns its description names. */
  | { kind: 'multipart'; field: string; csvColumns: readonly string[] };

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface FuzzOperation {
  id: string;
  method: HttpMethod;
  /** As in the document: `/api/v1/leads/{id}`. */
  path: string;
  pathParams: readonly ParamSpec[];
  queryParams: readonly ParamSpec[];
  body?: BodySpec;
  /** The fields `sort` accepts, read from the operation's description (`sort by a, b`). */
  sortFields: readonly string[];
}

const METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'];

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `openapi.json` of the API, as committed (the document the SPA's client is generated from). */
export function readOpenApiDocument(file = join(__dirname, '..', '..', 'openapi.json')): Record<string, unknown> {
  const document: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!isRecord(document) || !isRecord(document.paths)) throw new Error(`${file} is not an OpenAPI document`);
  return document;
}

/** Every operation of the document, with its parameters and body schema resolved. */
export function readOperations(document = readOpenApiDocument()): FuzzOperation[] {
  const schemas = isRecord(document.components) && isRecord(document.components.schemas) ? document.components.schemas : {};
  const resolve = (raw: unknown) => resolveSchema(raw, schemas, 0);
  const operations: FuzzOperation[] = [];
  for (const [path, item] of Object.entries(document.paths as Record<string, unknown>)) {
    if (!isRecord(item)) continue;
    for (const method of METHODS) {
      const operation = item[method.toLowerCase()];
      if (!isRecord(operation)) continue;
      const parameters = Array.isArray(operation.parameters) ? operation.parameters.filter(isRecord) : [];
      const paramsIn = (place: string): ParamSpec[] =>
        parameters
          .filter((p) => p.in === place && typeof p.name === 'string')
          .map((p) => ({ name: String(p.name), required: p.required === true || place === 'path', schema: resolve(p.schema) }));
      const description = typeof operation.description === 'string' ? operation.description : '';
      operations.push({
        id: typeof operation.operationId === 'string' ? operation.operationId : `${method} ${path}`,
        method,
        path,
        pathParams: paramsIn('path'),
        queryParams: paramsIn('query'),
        body: bodyOf(operation.requestBody, resolve),
        sortFields:
          description
            .match(/sort by ([\w, ]+)/)?.[1]
            .split(/,\s*/)
            .filter(Boolean) ?? [],
      });
    }
  }
  return operations;
}

function bodyOf(requestBody: unknown, resolve: (raw: unknown) => JsonSchema): BodySpec | undefined {
  if (!isRecord(requestBody) || !isRecord(requestBody.content)) return undefined;
  const json = requestBody.content['application/json'];
  if (isRecord(json)) return { kind: 'json', required: requestBody.required === true, schema: resolve(json.schema) };
  const multipart = requestBody.content['multipart/form-data'];
  if (!isRecord(multipart)) return undefined;
  const schema = resolve(multipart.schema);
  const [field, file] = Object.entries(schema.properties ?? {}).find(([, property]) => property.format === 'binary') ?? [];
  if (!field || !file) return undefined;
  return { kind: 'multipart', field, csvColumns: csvColumnsOf(file.description ?? '') };
}

/** The columns a CSV upload's description lists: "… any subset in any order of: `a`, `b`, `c`. …" */
export function csvColumnsOf(description: string): string[] {
  const list = description.split('any order of:')[1]?.split(/\.\s/)[0] ?? '';
  const columns = [...list.matchAll(/`([\w.]+)`/g)].map((match) => match[1]);
  if (!columns.length) throw new Error(`no CSV columns found in: ${description}`);
  return columns;
}

/**
 * Inlines `$ref`s and merges `allOf` (the Swagger plugin wraps a described
 * nested DTO as `allOf: [{$ref}]` next to `description`/`nullable`).
 */
function resolveSchema(raw: unknown, components: Record<string, unknown>, depth: number): JsonSchema {
  if (!isRecord(raw) || depth > 20) return {};
  if (typeof raw.$ref === 'string') {
    const name = raw.$ref.replace('#/components/schemas/', '');
    return resolveSchema(components[name], components, depth + 1);
  }
  let schema: JsonSchema = {
    type: typeof raw.type === 'string' ? raw.type : undefined,
    format: typeof raw.format === 'string' ? raw.format : undefined,
    enum: Array.isArray(raw.enum) ? raw.enum : undefined,
    nullable: raw.nullable === true ? true : undefined,
    required: Array.isArray(raw.required) ? raw.required.filter((k): k is string => typeof k === 'string') : undefined,
    minimum: typeof raw.minimum === 'number' ? raw.minimum : undefined,
    maximum: typeof raw.maximum === 'number' ? raw.maximum : undefined,
    example: raw.example,
    description: typeof raw.description === 'string' ? raw.description : undefined,
    items: raw.items === undefined ? undefined : resolveSchema(raw.items, components, depth + 1),
    properties: isRecord(raw.properties)
      ? Object.fromEntries(Object.entries(raw.properties).map(([key, value]) => [key, resolveSchema(value, components, depth + 1)]))
      : undefined,
  };
  if (Array.isArray(raw.allOf)) {
    for (const part of raw.allOf) {
      const resolved = resolveSchema(part, components, depth + 1);
      schema = {
        ...resolved,
        ...withoutUndefined(schema),
        properties: { ...resolved.properties, ...schema.properties },
        required: [...(resolved.required ?? []), ...(schema.required ?? [])],
      };
    }
  }
  return withoutUndefined(schema);
}

function withoutUndefined(schema: JsonSchema): JsonSchema {
  return Object.fromEntries(Object.entries(schema).filter(([, value]) => value !== undefined));
}
