import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { SESSION_COOKIE } from '../auth/session-cookie';

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('CRM API')
    .setDescription(
      [
        'REST API of the CRM: leads, partners, contacts, opportunities, events, objectives.',
        '',
        'Authenticate with `POST /api/v1/auth/login` (the SPA gets an httpOnly cookie) or send `Authorization: Bearer <token>` with the access token or a personal API token (`POST /api/v1/auth/tokens`).',
        'Lists take `q`, `sort` (`-createdAt,name`), `page`, `pageSize` (≤ 200) and equality filters, and answer `{items, total, page, pageSize, totalExact}`.',
        'Errors are RFC 9457 problem documents (`application/problem+json`); 400s list `errors[{field, message}]`.',
        'Bodies are JSON (`application/json` or `application/*+json`, UTF-8, at most 100 kB: 413 above, 415 for another type) but for the CSV imports (`multipart/form-data`); a method a path does not take answers 405 with `Allow`. No text field takes a NUL character or a lone UTF-16 surrogate, and dates are real days with four-digit years (400).',
        "Writes authenticated by the session cookie must come from the CRM's own pages (`Sec-Fetch-Site` / `Origin`): a cross-site one answers 403 `CROSS_SITE_REQUEST`. Bearer calls are not concerned.",
        'Sign-in attempts are limited (429 with `Retry-After`); while the database is unreachable every route answers 503 with `Retry-After`.',
        'PATCH bodies take the `version` you loaded: a different stored version answers 409 and changes nothing.',
      ].join('\n'),
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'Access token from login, or a personal API token.' })
    .addCookieAuth(SESSION_COOKIE)
    .addSecurityRequirements('bearer')
    .addSecurityRequirements('cookie')
    .build();
  return SwaggerModule.createDocument(app, config, {
    operationIdFactory: (controllerKey, methodKey) => `${controllerKey.replace(/Controller$/, '')}_${methodKey}`,
  });
}
