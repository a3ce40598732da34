import type { IncomingMessage, ServerResponse } from 'http';
import { requestLogFields, requestLogLevel } from './request-logging';

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

describe('requestLogFields', () => {
  it('says which request it was, and nothing of its headers', () => {
    const req = {
      id: 'r1',
      method: 'GET',
      url: '/api/v1/articles?page=2',
      remoteAddress: '10.0.0.8',
      headers: { authorization: 'Bearer secret', cookie: 'xq=1' },
    };
    expect(requestLogFields(req)).toEqual({ id: 'r1', method: 'GET', url: '/api/v1/articles?page=2', remoteAddress: '10.0.0.8' });
  });
});
