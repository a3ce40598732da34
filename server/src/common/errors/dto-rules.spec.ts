import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validateSync } from 'class-validator';
import { readdirSync, statSync } from 'fs';
import { join } from 'path';

/**
 * Every request DTO bounds what it accepts, so bad input is a 400 naming the field and never reaches
 * SQL or a service unchecked: numbers have a minimum and a maximum (MySQL `int` ends at 2^31-1), text a
 * maximum length or a pattern, lists a maximum size, nested objects are checked as objects of their
 * class, and `null` is accepted exactly where the API document says the field is nullable.
 */

function dtoFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return dtoFiles(path);
    return name.endsWith('.dto.ts') ? [path] : [];
  });
}

type Ctor = new () => object;
const dtos: Ctor[] = dtoFiles(join(__dirname, '..', '..'))
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- files found at run time, loaded before the tests are listed
  .flatMap((file) => Object.values(require(file) as Record<string, unknown>))
  .filter((v): v is Ctor => typeof v === 'function' && getMetadataStorage().getTargetValidationMetadatas(v, '', true, false).length > 0);

function rulesOf(dto: Ctor) {
  const byProperty = new Map<string, Set<string>>();
  for (const m of getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false)) {
    if (!byProperty.has(m.propertyName)) byProperty.set(m.propertyName, new Set());
    byProperty.get(m.propertyName)!.add(m.name ?? m.type);
  }
  return byProperty;
}

const documented = (dto: Ctor, property: string) =>
  (Reflect.getMetadata('swagger/apiModelProperties', dto.prototype, property) ?? {}) as { nullable?: boolean };

describe('request DTOs', () => {
  it('are all found', () => {
    expect(dtos.length).toBeGreaterThan(40);
  });

  it('bound every number, text and list, and check nested objects as their class', () => {
    const problems: string[] = [];
    for (const dto of dtos) {
      for (const [property, rules] of rulesOf(dto)) {
        const where = `${dto.name}.${property}`;
        if ((rules.has('isInt') || rules.has('isNumber')) && !(rules.has('min') && rules.has('max'))) problems.push(`${where}: number without @Min and @Max`);
        if (rules.has('isString') && !['maxLength', 'matches', 'isIn'].some((r) => rules.has(r))) problems.push(`${where}: text without @MaxLength`);
        if (rules.has('isArray') && !rules.has('arrayMaxSize')) problems.push(`${where}: list without @ArrayMaxSize`);
        if (rules.has('nestedValidation')) {
          // With @Type, a plain object becomes an instance of the nested DTO (and is validated as one).
          const nested = (plainToInstance(dto, { [property]: [{}] }) as Record<string, unknown>)[property];
          const element = Array.isArray(nested) ? nested[0] : nested;
          if (!element || Object.getPrototypeOf(element) === Object.prototype) problems.push(`${where}: nested without @Type`);
          if (!rules.has('isObject') && !rules.has('isArray')) problems.push(`${where}: nested without @IsObject (arrays pass @ValidateNested)`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('accept null only where the API document says nullable', () => {
    const problems: string[] = [];
    for (const dto of dtos) {
      for (const property of rulesOf(dto).keys()) {
        const errors = validateSync(plainToInstance(dto, { [property]: null }));
        const acceptsNull = !errors.some((e) => e.property === property);
        if (acceptsNull !== (documented(dto, property).nullable === true)) {
          problems.push(`${dto.name}.${property}: ${acceptsNull ? 'accepts null but is not documented nullable' : 'documented nullable but refuses null'}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
