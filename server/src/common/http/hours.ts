import { ValidateBy, type ValidationArguments } from 'class-validator';
import { hoursProblemMessage, validateTimeRanges, validateWeeklyHours, type HoursProblem } from '@xinqiao/shared';

/** Every problem in one sentence, e.g. "周二第2段：开始时间须早于结束时间；周三第1段：与当天的其他时间段重叠". */
const describe = (problems: HoursProblem[]) => problems.map(hoursProblemMessage).join('；');

/**
 * A weekly pattern of opening hours (`WeeklyHours`), checked with the shared `validateWeeklyHours`;
 * the message names the weekday and the range (see `isWeeklyHours` in common/errors/validation.ts).
 */
export const IsWeeklyHours = () =>
  ValidateBy({
    name: 'isWeeklyHours',
    validator: {
      validate: (value: unknown) => validateWeeklyHours(value as never).length === 0,
      defaultMessage: (args?: ValidationArguments) => describe(validateWeeklyHours(args?.value as never)),
    },
  });

/** One day's ranges (an exception's hours), checked with `validateTimeRanges`. */
export const IsTimeRanges = () =>
  ValidateBy({
    name: 'isTimeRanges',
    validator: {
      validate: (value: unknown) => validateTimeRanges(value as never).length === 0,
      defaultMessage: (args?: ValidationArguments) => describe(validateTimeRanges(args?.value as never)),
    },
  });
