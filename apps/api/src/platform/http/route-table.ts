import { MethodNotAllowedException, UnsupportedMediaTypeException } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import type { Application, Request, RequestHandler, Response } from 'express';

/** What is read of Express 5's router (the `router` package): its route layers, in the order Express tries them. */
interface RouteLayer {
  /** Express's own matchers of the layer's path (case, trailing slash and parameters as it routes). */
  matchers?: ((path: string) => unknown)[];
  route?: { path: string; methods: Record<string, boolean | undefined> };
}

interface Route {
  matchers: ((path: string) => unknown)[];
  /** Upper case; `*` for `app.all()`. */
  method: string;
  /** The media types the OpenAPI document declares for the operation's body; empty when it declares none. */
  bodyTypes: string[];
}

/** Methods that change nothing, so carry no body the API reads. */
export const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

const METHOD_ORDER = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/**
 * The routes Nest registered, read from the Express router once the app is
 * initialised, with the request bodies their OpenAPI operations declare:
 * what a path allows (405 and `Allow`) and what body a route takes (415).
 */
export class RouteTable {
  private routes: Route[] = [];

  load(app: Application, document: OpenAPIObject): void {
    this.routes = (app.router.stack as RouteLayer[]).flatMap((layer) => {
      const { route, matchers } = layer;
      if (!route || !matchers) return [];
      const operations = document.paths[route.path.replace(/:(\w+)/g, '{$1}')] as Record<string, { requestBody?: { content?: object } }> | undefined;
      return Object.keys(route.methods).map((method) => ({
        matchers,
        method: method === '_all' ? '*' : method.toUpperCase(),
        bodyTypes: Object.keys(operations?.[method]?.requestBody?.content ?? {}),
      }));
    });
  }

  /**
   * The route Express would dispatch `method path` to; else, when other
   * methods are routed at that path, the methods it allows; else nothing
   * (an unknown path).
   */
  find(method: string, path: string): { route: Route } | { allowed: string[] } | undefined {
    const allowed = new Set<string>();
    for (const route of this.routes) {
      if (!route.matchers.some((matches) => matches(path))) continue;
      // as Express does, a GET route answers HEAD
      if (route.method === method || route.method === '*' || (method === 'HEAD' && route.method === 'GET')) return { route };
      allowed.add(route.method);
    }
    if (allowed.size === 0) return undefined;
    if (allowed.has('GET')) allowed.add('HEAD');
    allowed.add('OPTIONS');
    return { allowed: METHOD_ORDER.filter((m) => allowed.has(m)).concat([...allowed].filter((m) => !METHOD_ORDER.includes(m))) };
  }
}

/**
 * 405 with `Allow` for a method a known path does not have (`OPTIONS`
 * answers 204 with `Allow`, as Express would); 415 for a body of a media
 * type the route does not take: JSON (`application/json`, `+json` types)
 * unless its OpenAPI operation declares another (multipart uploads). An
 * unknown path goes on to the 404; a request without a body is never 415.
 */
export function checkMethodAndBody(routes: RouteTable): RequestHandler {
  return (request, response, next) => {
    const found = routes.find(request.method, request.path);
    if (!found) return next();
    if ('allowed' in found) {
      if (request.method === 'OPTIONS') return void allow(response, found.allowed).status(204).end();
      return next(methodNotAllowed(request, response, found.allowed));
    }
    if (SAFE_METHODS.has(request.method) || !hasBody(request)) return next();
    const accepted = found.route.bodyTypes.length ? found.route.bodyTypes : ['application/json'];
    const type = mediaType(request);
    if (type && (accepted.includes(type) || (accepted.includes('application/json') && isJsonSuffixed(type)))) return next();
    next(
      new UnsupportedMediaTypeException(
        `${request.method} ${request.path} takes a body of type ${accepted.join(' or ')}, not ${type ?? 'one without Content-Type'}.`,
      ),
    );
  };
}

/** Sets `Allow` and makes the 405 the problem filter writes. */
export function methodNotAllowed(request: Request, response: Response, allowed: string[]): MethodNotAllowedException {
  allow(response, allowed);
  return new MethodNotAllowedException(`${request.path} does not take ${request.method}; it takes ${allowed.join(', ')}.`);
}

function allow(response: Response, methods: string[]): Response {
  return response.setHeader('Allow', methods.join(', '));
}

/** As Node reads a body: one is coming if it is chunked or has a length above zero. */
function hasBody(request: Request): boolean {
  return request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length']) > 0;
}

function mediaType(request: Request): string | undefined {
  return request.headers['content-type']?.split(';')[0]!.trim().toLowerCase() || undefined;
}

/** `application/merge-patch+json` and the like (RFC 6839), read as JSON. */
function isJsonSuffixed(type: string): boolean {
  return /^application\/[\w.!#$&^-]+\+json$/.test(type);
}
