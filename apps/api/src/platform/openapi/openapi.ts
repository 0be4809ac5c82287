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
