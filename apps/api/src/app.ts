import { NestFactory } from '@nestjs/core';
import { INestApplication, LogLevel, NotFoundException } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import express from 'express';
import helmet from 'helmet';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { AppConfig } from './platform/config/app-config';
import { ProblemFilter } from './platform/errors/problem.filter';
import { createValidationPipe } from './platform/errors/validation';
import { answerClientErrors } from './platform/http/client-errors';
import { refuseCrossSiteWrites } from './platform/http/cross-site';
import { jsonBody } from './platform/http/json-body';
import { checkMethodAndBody, methodNotAllowed, RouteTable } from './platform/http/route-table';
import { buildOpenApiDocument } from './platform/openapi/openapi';
import { SwaggerModule } from '@nestjs/swagger';

export const API_PREFIX = 'api/v1';

/** Builds the configured Nest app (not yet listening): the same for `main` and the HTTP tests. */
export async function createApp(config: AppConfig, dataSource: DataSource, logger: LogLevel[] | false = ['log', 'warn', 'error']): Promise<INestApplication> {
  // the JSON body parser is ours (jsonBody): it runs after the checks below and explains its refusals
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, dataSource), { logger, bodyParser: false });
  answerClientErrors(app.getHttpServer());
  app.set('query parser', 'simple');
  // the client's address (request.ip: sign-in limits, the audit) from X-Forwarded-For only through proxies named here
  if (config.trustProxy !== undefined) app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // the OpenAPI explorer styles itself inline
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:'],
          // on plain-http installs (localhost, intranet) upgrading would break every request
          'upgrade-insecure-requests': config.production ? [] : null,
        },
      },
      strictTransportSecurity: config.production,
    }),
  );
  app.use(cookieParser());
  app.use(refuseCrossSiteWrites(config.publicUrl));
  serveSpa(app, config.webDistDir);
  refuseOutsideApi(app);
  const routes = new RouteTable();
  app.use(checkMethodAndBody(routes));
  app.use(jsonBody());
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemFilter());
  app.enableShutdownHooks();

  const document = buildOpenApiDocument(app);
  SwaggerModule.setup(`${API_PREFIX}/docs`, app, document, {
    jsonDocumentUrl: `${API_PREFIX}/openapi.json`,
    customSiteTitle: 'CRM API',
  });
  await app.init();
  routes.load(app.getHttpAdapter().getInstance(), document);
  return app;
}

/** The built SPA at `/`; client-side routes fall back to index.html, `/api/*` never does. */
function serveSpa(app: NestExpressApplication, distDir: string): void {
  const index = join(distDir, 'index.html');
  if (!existsSync(index)) return;
  const assets = express.static(distDir, { index: false, maxAge: '1h' });
  app.use((request: express.Request, response: express.Response, next: express.NextFunction) => {
    // API calls never touch the disk (a stat per request showed in the list benchmark)
    if (request.path.startsWith('/api/')) return next();
    assets(request, response, next);
  });
  app.use((request: express.Request, response: express.Response, next: express.NextFunction) => {
    if (request.path.startsWith('/api/')) return next();
    if (request.method === 'GET' || request.method === 'HEAD') {
      response.setHeader('Cache-Control', 'no-cache');
      return response.sendFile(index);
    }
    // every page of the SPA is read, never written
    if (request.method === 'OPTIONS') return void response.setHeader('Allow', SPA_METHODS.join(', ')).status(204).end();
    next(methodNotAllowed(request, response, SPA_METHODS));
  });
}

const SPA_METHODS = ['GET', 'HEAD', 'OPTIONS'];

/** Outside the API, what the SPA did not answer: 404 as a problem document, not Express's HTML page. */
function refuseOutsideApi(app: NestExpressApplication): void {
  const api = new RegExp(`^/${API_PREFIX}(/|$)`, 'i');
  app.use((request: express.Request, _response: express.Response, next: express.NextFunction) => {
    next(api.test(request.path) ? undefined : new NotFoundException(`Cannot ${request.method} ${request.path}`));
  });
}
