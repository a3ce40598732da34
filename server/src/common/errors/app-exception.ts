import { HttpException } from '@nestjs/common';
import { problemMessages, type ErrorCode, type RuleProblem } from '@xinqiao/shared';

/** The one exception type services throw: a stable `code` for programs and a zh-CN `message` for people. */
export class AppException extends HttpException {
  constructor(
    status: number,
    public readonly code: ErrorCode,
    message: string,
    public readonly details?: unknown,
  ) {
    super({ statusCode: status, code, message, details }, status);
  }

  static badRequest(message: string, details?: unknown, code: ErrorCode = 'BAD_REQUEST') {
    return new AppException(400, code, message, details);
  }
  /** A shared rule's problems: every zh-CN message, and each field with the rule's code (as a DTO check's field errors are). */
  static ruleProblems<C extends string>(problems: readonly RuleProblem<C>[], messages: Readonly<Record<C, string>>) {
    const fields = problems.map((p) => ({ field: p.field, constraint: p.code, message: messages[p.code] }));
    return new AppException(400, 'VALIDATION_FAILED', problemMessages(problems, messages).join('；'), { fields });
  }
  static notFound(what: string) {
    return new AppException(404, 'NOT_FOUND', `${what}不存在或无权访问`);
  }
  static forbidden(message = '没有执行该操作的权限') {
    return new AppException(403, 'FORBIDDEN', message);
  }
  static conflict(message: string, details?: unknown) {
    return new AppException(409, 'CONFLICT', message, details);
  }
  static invalidState(message: string) {
    return new AppException(409, 'INVALID_STATE', message);
  }
  /** The database is down or too busy right now (see common/database/availability.ts). */
  static databaseUnavailable(details?: unknown) {
    return new AppException(503, 'DB_UNAVAILABLE', '数据库暂时不可用，请稍后再试', details);
  }
}
