import type { IncomingMessage, ServerResponse } from 'http';
import { requestLogLevel } from './request-logging';

const level = (method: string, statusCode: number, err?: Error) => requestLogLevel({ method } as IncomingMessage, { statusCode } as ServerResponse, err);

describe('requestLogLevel', () => {
  it('keeps routine reads out of the info log', () => {
    expect(level('GET', 200)).toBe('debug');
    expect(level('GET', 304)).toBe('debug');
    expect(level('HEAD', 200)).toBe('debug');
  });

  it('logs writes at info, refusals at warn and failures at error, reads included', () => {
    expect(level('POST', 201)).toBe('info');
    expect(level('DELETE', 204)).toBe('info');
    expect(level('GET', 404)).toBe('warn');
    expect(level('POST', 429)).toBe('warn');
    expect(level('GET', 503)).toBe('error');
    expect(level('GET', 200, new Error('aborted'))).toBe('error');
  });
});
