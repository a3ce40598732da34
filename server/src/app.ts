import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic, { type FastifyStaticOptions } from '@fastify/static';
import { VersioningType } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { existsSync } from 'fs';
import { resolve } from 'path';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import type { AppConfig } from './common/config/env';
import { DataKeyring } from './common/crypto/data-cipher';
import { installDataKeyring } from './common/crypto/encrypted-column';
import { frameworkErrorReply } from './common/errors/all-exceptions.filter';
import { validationException } from './common/errors/validation';
import { parseJsonBody } from './common/http/json-body';
import { buildOpenApiDocument } from './common/http/openapi-document';
import { requestIdFor } from './common/http/request-id';
import { registerSecurityHeaders } from './common/http/security-headers';
import { FILE_STORE, type FileStore } from './common/storage/file-store';
import { registerUploadRoutes } from './common/storage/serve-uploads';
import { CONNECTION_TIMEOUT_MS, HEADERS_TIMEOUT_MS, KEEP_ALIVE_TIMEOUT_MS, REQUEST_TIMEOUT_MS } from './common/http/timeouts';
import { AppValidationPipe } from './common/http/validation.pipe';

/** Builds the configured (not yet listening) application; used by main.ts and by the tests alike. */
export async function createApp(config: AppConfig, options: { logger?: boolean } = {}): Promise<NestFastifyApplication> {
  installDataKeyring(new DataKeyring(config.DATA_ENCRYPTION_KEYS ?? []));
  const adapter = new FastifyAdapter({
    trustProxy: config.TRUST_PROXY,
    bodyLimit: 4 * 1024 * 1024,
    // A caller's X-Request-Id is used only when short and plain (see requestIdFor).
    requestIdHeader: false,
    genReqId: requestIdFor,
    frameworkErrors: frameworkErrorReply,
    http: { headersTimeout: HEADERS_TIMEOUT_MS },
    requestTimeout: REQUEST_TIMEOUT_MS,
    connectionTimeout: CONNECTION_TIMEOUT_MS,
    keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    bufferLogs: true,
    abortOnError: false,
    bodyParser: false, // our own JSON parser below
    logger: options.logger === false ? false : undefined,
  });
  if (options.logger !== false) app.useLogger(app.get(Logger));
  app.setGlobalPrefix('api');
  app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });
  app.useGlobalPipes(
    new AppValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      validationError: { target: true, value: false }, // the target carries the zh-CN field labels
      exceptionFactory: validationException,
    }),
  );
  app.enableCors({ origin: config.CORS_ORIGINS.length ? config.CORS_ORIGINS : false });
  app.enableShutdownHooks();

  const fastify = app.getHttpAdapter().getInstance();
  // The request id ties an answer to its log lines and audit record.
  fastify.addHook('onSend', async (req, reply) => {
    void reply.header('x-request-id', req.id);
  });
  // Clients may POST an action (e.g. publish) with a JSON content type and no body: treat that as no body.
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, text, done) => {
    try {
      done(null, parseJsonBody(text as string));
    } catch (e) {
      done(e as Error, undefined);
    }
  });
  await fastify.register(fastifyMultipart);
  await fastify.register(fastifyCookie);
  registerSecurityHeaders(fastify, { admin: resolve(config.ADMIN_DIST), h5: resolve(config.H5_DIST) });
  await registerStatic(app, config);

  if (config.API_DOCS) registerDocs(app);
  return app;
}

/** Swagger UI and the OpenAPI document (the one committed as docs/openapi.json); off in production unless API_DOCS=true. */
function registerDocs(app: NestFastifyApplication): void {
  SwaggerModule.setup('api/docs', app, buildOpenApiDocument(app), { jsonDocumentUrl: 'api/docs-json' });
}

/** A file name with a content hash (admin `assets/name-Hash8.js`, H5 `js/name.hash8.js`): its content never changes. */
const HASHED_ASSET = /[.-][A-Za-z0-9_-]{8}\.(js|css|png|jpe?g|gif|svg|webp|woff2?|ttf)(\.(br|gz))?$/;

/**
 * How the built admin and H5 are served: the brotli/gzip copies their builds write, when the browser
 * takes them; hashed files cached for a year, everything else (index.html) checked on each load so a
 * redeploy is picked up.
 */
const BUILT_ASSETS: Pick<FastifyStaticOptions, 'preCompressed' | 'cacheControl' | 'setHeaders'> = {
  preCompressed: true,
  cacheControl: false,
  setHeaders: (reply, path) => void reply.header('Cache-Control', HASHED_ASSET.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache'),
};

/** One process serves everything: uploads, the admin SPA at /admin/ and the mini-program H5 at /h5/. */
async function registerStatic(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  registerUploadRoutes(fastify, app.get<FileStore>(FILE_STORE), config.UPLOAD_PUBLIC_BASE_URL);
  const h5 = resolve(config.H5_DIST);
  if (existsSync(h5)) await fastify.register(fastifyStatic, { root: h5, prefix: '/h5/', decorateReply: false, ...BUILT_ASSETS });
  const admin = resolve(config.ADMIN_DIST);
  if (existsSync(admin)) {
    // Built files get exact routes; any other /admin/* path is a client-side route and gets index.html.
    // The compressed copies need no routes of their own: they are picked for the route of their original.
    await fastify.register(fastifyStatic, {
      root: admin,
      prefix: '/admin/',
      wildcard: false,
      index: false,
      globIgnore: ['**/*.br', '**/*.gz'],
      ...BUILT_ASSETS,
    });
    // A missing hashed asset (e.g. after a redeploy) is a 404, not the SPA page served as script.
    fastify.get('/admin/*', (req, reply) => (req.url.startsWith('/admin/assets/') ? reply.callNotFound() : reply.sendFile('index.html', admin)));
    fastify.get('/admin', (_req, reply) => reply.redirect('/admin/'));
    fastify.get('/', (_req, reply) => reply.redirect('/admin/'));
  }
}
