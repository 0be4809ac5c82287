import { NestFactory } from '@nestjs/core';
import { INestApplication, LogLevel } from '@nestjs/common';
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
import { buildOpenApiDocument } from './platform/openapi/openapi';
import { SwaggerModule } from '@nestjs/swagger';

export const API_PREFIX = 'api/v1';

/** Builds the configured Nest app (not yet listening): the same for `main` and the HTTP tests. */
export async function createApp(config: AppConfig, dataSource: DataSource, logger: LogLevel[] | false = ['log', 'warn', 'error']): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, dataSource), { logger, bodyParser: true });
  app.set('query parser', 'simple');
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
  serveSpa(app, config.webDistDir);
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
    if (request.method !== 'GET' || request.path.startsWith('/api/')) return next();
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(index);
  });
}
