import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ApiError, ErrorCode } from '@xinqiao/shared';
import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable } from '../database/availability';
import { AppException } from './app-exception';
import { STORAGE_RETRY_AFTER_SECONDS } from '../storage/file-store';

/** Seconds a client is told to wait before trying again when the database is unavailable. */
const DB_RETRY_AFTER_SECONDS = 5;

const STATUS_CODES: Record<number, [ErrorCode, string]> = {
  400: ['BAD_REQUEST', '请求格式有误'],
  401: ['UNAUTHENTICATED', '请先登录'],
  403: ['FORBIDDEN', '没有执行该操作的权限'],
  404: ['NOT_FOUND', '请求的资源不存在'],
  405: ['BAD_REQUEST', '不支持该请求方法'],
  409: ['CONFLICT', '数据冲突，请刷新后重试'],
  413: ['PAYLOAD_TOO_LARGE', '提交的内容过大'],
  414: ['BAD_REQUEST', '请求地址过长'],
  415: ['UNSUPPORTED_MEDIA_TYPE', '不支持的内容类型'],
  429: ['RATE_LIMITED', '请求过于频繁，请稍后再试'],
  503: ['SERVICE_UNAVAILABLE', '服务暂时不可用，请稍后再试'],
};

/** Turns every error into `{ statusCode, code, message, details? }`; only real bugs become 500. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const body = this.toBody(exception);
    if (body.code === 'DB_UNAVAILABLE') {
      // An outage answers many requests alike: one line each, not a stack trace.
      this.logger.warn(`database unavailable: ${exception instanceof Error ? exception.message : String(exception)}`);
      void reply.header('Retry-After', String(DB_RETRY_AFTER_SECONDS));
    } else if (body.code === 'STORAGE_UNAVAILABLE') {
      // Already logged with its cause where it arose (common/storage).
      void reply.header('Retry-After', String(STORAGE_RETRY_AFTER_SECONDS));
    } else if (body.statusCode >= 500) {
      this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    }
    void reply.status(body.statusCode).send(body);
  }

  toBody(exception: unknown): ApiError {
    if (exception instanceof AppException) {
      return exception.getResponse() as ApiError;
    }
    if (exception instanceof ThrottlerException) {
      return { statusCode: 429, code: 'RATE_LIMITED', message: '请求过于频繁，请稍后再试' };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const [code, message] = STATUS_CODES[status] ?? (['BAD_REQUEST', '请求有误'] as [ErrorCode, string]);
      return { statusCode: status, code, message };
    }
    // Fastify's own errors (bad JSON, body too large, wrong content type) carry a 4xx statusCode.
    const fastifyStatus = (exception as { statusCode?: number })?.statusCode;
    if (typeof fastifyStatus === 'number' && fastifyStatus >= 400 && fastifyStatus < 500) {
      const [code, message] = STATUS_CODES[fastifyStatus] ?? (['BAD_REQUEST', '请求有误'] as [ErrorCode, string]);
      return { statusCode: fastifyStatus, code, message };
    }
    if (isDatabaseUnavailable(exception)) {
      return AppException.databaseUnavailable().getResponse() as ApiError;
    }
    if (exception instanceof QueryFailedError && /UNIQUE|Duplicate entry/i.test(exception.message)) {
      return { statusCode: 409, code: 'CONFLICT', message: '数据已存在，不能重复提交' };
    }
    return { statusCode: 500, code: 'INTERNAL', message: '服务器内部错误，请稍后再试' };
  }
}

/**
 * Fastify's `frameworkErrors`: what its router refuses before any route runs (a path parameter longer
 * than `maxParamLength`, malformed percent-encoding) gets the same error shape as everything else.
 */
export function frameworkErrorReply(error: Error, _req: FastifyRequest, reply: FastifyReply): void {
  const body = new AllExceptionsFilter().toBody(error);
  void reply.status(body.statusCode).send(body);
}
