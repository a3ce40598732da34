import 'reflect-metadata';
import { ValidateIf, type ValidationError } from 'class-validator';
import { AppException } from './app-exception';

const LABEL_KEY = Symbol('fieldLabel');

/** The zh-CN name of a DTO field, used in validation messages ("标题不能为空"). */
export function FieldLabel(label: string): PropertyDecorator {
  return (target, key) => Reflect.defineMetadata(LABEL_KEY, label, target, key);
}

/**
 * The field may be left out. Use it instead of class-validator's `@IsOptional()`, which also lets `null`
 * past every other check of the field (and on to a NOT NULL column).
 */
export const Omittable = (): PropertyDecorator => ValidateIf((_, value) => value !== undefined);

/** `null` is a value of this field (it clears it) and skips its other checks; say `nullable: true` in its @ApiProperty too. */
export const Nullable = (): PropertyDecorator => ValidateIf((_, value) => value !== null);

/** The field's label; an element of a list is named by the list's label and its position ("主讲人第 2 项"). */
function labelOf(error: ValidationError, parentLabel?: string): string {
  if (parentLabel !== undefined && /^\d+$/.test(error.property)) return `${parentLabel}第 ${Number(error.property) + 1} 项`;
  const target = error.target as object | undefined;
  const label = target ? (Reflect.getMetadata(LABEL_KEY, target, error.property) as string | undefined) : undefined;
  return label ?? error.property;
}

/** zh-CN wording per class-validator constraint; the English default is kept for anything unlisted. */
const MESSAGES: Record<string, (label: string, english: string) => string> = {
  whitelistValidation: (l) => `不允许提交字段 ${l}`,
  isDefined: (l) => `${l}不能为空`,
  isNotEmpty: (l) => `${l}不能为空`,
  isString: (l) => `${l}必须是文本`,
  isInt: (l) => `${l}必须是整数`,
  isNumber: (l) => `${l}必须是数字`,
  isBoolean: (l) => `${l}必须是 true 或 false`,
  isArray: (l) => `${l}必须是数组`,
  isEnum: (l, en) => `${l}的取值无效（${en.replace(/^.*following values: /, '可选：')}）`,
  isIn: (l, en) => `${l}的取值无效（${en.replace(/^.*following values: /, '可选：')}）`,
  isDateString: (l) => `${l}必须是 ISO 8601 日期时间`,
  isIso8601: (l) => `${l}必须是 ISO 8601 日期时间`,
  isChinaDate: (l) => `${l}必须是日期，格式为 YYYY-MM-DD（不含时间）`,
  min: (l, en) => `${l}不能小于 ${en.match(/(-?[\d.]+)$/)?.[1] ?? ''}`,
  max: (l, en) => `${l}不能大于 ${en.match(/(-?[\d.]+)$/)?.[1] ?? ''}`,
  minLength: (l, en) => `${l}长度不能少于 ${en.match(/(\d+) characters/)?.[1] ?? ''} 个字符`,
  maxLength: (l, en) => `${l}长度不能超过 ${en.match(/(\d+) characters/)?.[1] ?? ''} 个字符`,
  arrayMaxSize: (l, en) => `${l}最多 ${en.match(/(\d+) elements/)?.[1] ?? ''} 项`,
  arrayMinSize: (l, en) => `${l}至少 ${en.match(/(\d+) elements/)?.[1] ?? ''} 项`,
  arrayUnique: (l) => `${l}不能有重复项`,
  matches: (l) => `${l}格式不正确`,
  isUrl: (l) => `${l}必须是网址`,
  isObject: (l) => `${l}必须是对象`,
  nestedValidation: (l) => `${l}必须是对象`,
  isPositive: (l) => `${l}必须是正数`,
  // The message of these two is the shared zh-CN wording of each problem (weekday, range, what is wrong).
  isWeeklyHours: (l, problems) => `${l}：${problems}`,
  isTimeRanges: (l, problems) => `${l}：${problems}`,
  isUploadUrl: (l) => `${l}须为通过本系统上传的图片（/uploads/…）`,
};

export interface FieldError {
  field: string;
  constraint: string;
  message: string;
}

/** The constraint that explains the problem best comes first: "不能为空" before "长度不能超过". */
const PRIORITY = ['whitelistValidation', 'isDefined', 'isNotEmpty', 'isString', 'isInt', 'isNumber', 'isBoolean', 'isArray', 'isObject'];
const rank = (c: string) => (PRIORITY.includes(c) ? PRIORITY.indexOf(c) : PRIORITY.length);

/** One message per field (the most basic problem), nested fields as `a.b`. */
function flatten(errors: ValidationError[], prefix = '', parentLabel?: string): FieldError[] {
  return errors.flatMap((e) => {
    const field = prefix + e.property;
    const label = labelOf(e, parentLabel);
    const [first] = Object.entries(e.constraints ?? {}).sort(([a], [b]) => rank(a) - rank(b));
    const own = first ? [{ field, constraint: first[0], message: (MESSAGES[first[0]] ?? ((l: string, en: string) => `${l}: ${en}`))(label, first[1]) }] : [];
    return [...own, ...flatten(e.children ?? [], `${field}.`, label)];
  });
}

/** ValidationPipe `exceptionFactory`: one 400 answer listing every problem. */
export function validationException(errors: ValidationError[]): AppException {
  const fields = flatten(errors);
  const summary = fields.map((f) => f.message).join('；');
  return AppException.badRequest(`请求参数有误：${summary}`, { fields }, 'VALIDATION_FAILED');
}
