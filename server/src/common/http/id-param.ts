import { applyDecorators, Param, type PipeTransform } from '@nestjs/common';
import { Max, Min, IsInt, type ValidationOptions } from 'class-validator';
import { AppException } from '../errors/app-exception';

/** The largest value of an `int` column (MySQL refuses larger ones): the bound of ids, versions and counters. */
export const MAX_INT = 2_147_483_647;
/** Ids are positive `int` primary keys. */
export const MAX_ID = MAX_INT;

/** A decimal id without exponent, spaces or leading zeros, within the id range (or its negative, if `signed`). */
export function parseId(text: string, signed = false): number | undefined {
  if (!(signed ? /^-?[1-9]\d{0,9}$/ : /^[1-9]\d{0,9}$/).test(text)) return undefined;
  const id = Number(text);
  return Math.abs(id) <= MAX_ID ? id : undefined;
}

class IdPipe implements PipeTransform<string, number> {
  constructor(
    private readonly name: string,
    private readonly signed: boolean,
  ) {}

  transform(value: string): number {
    const id = parseId(String(value), this.signed);
    if (id === undefined) {
      const range = this.signed ? `-${MAX_ID} 到 ${MAX_ID} 之间的非零整数` : `1 到 ${MAX_ID} 之间的整数`;
      throw AppException.badRequest(`路径参数 ${this.name} 必须是 ${range}`, undefined, 'VALIDATION_FAILED');
    }
    return id;
  }
}

/**
 * `:id` route parameter as a positive integer, with a zh-CN 400 otherwise. `signed` also takes the
 * negative ids of rows that live in code (the national hotlines), for the route to refuse them in words.
 */
export const IdParam = (name = 'id', { signed = false } = {}) => Param(name, new IdPipe(name, signed));

/** A DTO field holding the id of a row (or, with `{ each: true }`, a list of ids). */
export const IsId = (options?: ValidationOptions) => applyDecorators(IsInt(options), Min(1, options), Max(MAX_ID, options));
