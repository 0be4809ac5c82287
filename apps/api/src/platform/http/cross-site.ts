import type { RequestHandler } from 'express';
import { DomainError } from '../errors/domain-error';
import { SAFE_METHODS } from './route-table';

export interface WriteOrigin {
  /** `Sec-Fetch-Site` as the browser sent it. */
  fetchSite: string | undefined;
  /** `Origin` as the browser sent it. */
  origin: string | undefined;
  /** The origins the CRM is reached at: the request's own (scheme and `Host`), and CRM_PUBLIC_URL's when set. */
  ownOrigins: (string | undefined)[];
}

/**
 * Whether a browser sent this write from another site's page. Modern
 * browsers say so in `Sec-Fetch-Site`, which is then the whole answer (a
 * proxy in front, the SPA's dev server among them, may change the scheme
 * or the host the API sees, never what the browser saw). Older ones only
 * send `Origin`, compared with the CRM's own origins. A client that sends
 * neither is no browser: nothing to forge.
 */
export function isCrossSiteWrite({ fetchSite, origin, ownOrigins }: WriteOrigin): boolean {
  if (fetchSite !== undefined) return fetchSite !== 'same-origin' && fetchSite !== 'none';
  if (origin === undefined) return false;
  const from = URL.parse(origin)?.origin;
  return !from || from === 'null' || !ownOrigins.some((own) => own !== undefined && URL.parse(own)?.origin === from);
}

/**
 * Refuses (403 `CROSS_SITE_REQUEST`) a write another site's page makes the
 * browser send with the session cookie, and a sign-in from another site
 * (which would sign the victim into the attacker's account). Runs before
 * the auth guard, on every write without an `Authorization` header: a
 * Bearer call (an integration, a script) carries no ambient credentials and
 * is never refused, whatever its `Origin`; and a browser cannot add that
 * header to a cross-site request without a CORS preflight, which the API
 * does not grant.
 */
export function refuseCrossSiteWrites(publicUrl: string | undefined): RequestHandler {
  return (request, _response, next) => {
    if (SAFE_METHODS.has(request.method) || request.headers.authorization !== undefined) return next();
    const host = request.headers.host;
    const crossSite = isCrossSiteWrite({
      fetchSite: header(request.headers['sec-fetch-site']),
      origin: header(request.headers.origin),
      ownOrigins: [host ? `${request.protocol}://${host}` : undefined, publicUrl],
    });
    if (!crossSite) return next();
    next(
      new DomainError(
        'forbidden',
        'CROSS_SITE_REQUEST',
        "This request came from another site's page: the CRM accepts sign-ins, and changes made with its session cookie, only from its own pages. Integrations send Authorization: Bearer <token>.",
      ),
    );
  };
}

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
