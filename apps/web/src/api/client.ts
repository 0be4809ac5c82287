import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';

/**
 * The one client for the API. Paths include `/api/v1`. The session is an
 * httpOnly same-origin cookie, so there is no token to attach here.
 */
export const client = createClient<paths>({
  // An absolute base: Request needs one outside a browser page (tests), and in the page it is the same origin.
  baseUrl: typeof window === 'undefined' ? '' : window.location.origin,
  credentials: 'same-origin',
  // Looked up on each call rather than captured once, so tests can stub the global fetch.
  fetch: (request) => globalThis.fetch(request),
});

type UnauthorizedHandler = () => void;
let onUnauthorized: UnauthorizedHandler = () => {};

/** The app decides where a signed-out user goes (the router is not known here). */
export function setUnauthorizedHandler(handler: UnauthorizedHandler): void {
  onUnauthorized = handler;
}

const LOGIN_PATH = '/api/v1/auth/login';

const redirectOnUnauthorized: Middleware = {
  onResponse({ response, schemaPath }) {
    // A 401 from the login call means wrong credentials, which the login page shows itself.
    if (response.status === 401 && schemaPath !== LOGIN_PATH) onUnauthorized();
    return undefined;
  },
};

client.use(redirectOnUnauthorized);
