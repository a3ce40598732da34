import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import {
  DEFAULT_QUESTION_BANK,
  isWithin,
  questionProblems,
  type AdminQuestion,
  type Page,
  type QuestionImportResult,
  type QuizQuestion,
  type RegionDto,
} from '@xinqiao/shared';
import ExcelJS from 'exceljs';
import { Brackets, DataSource, In, Repository, type EntityManager } from 'typeorm';
import type { StaffPrincipal } from '../../common/access/principal';
import { scopeCondition, visibleFrom } from '../../common/access/region-scope';
import { AppException } from '../../common/errors/app-exception';
import { pageOf, paging } from '../../common/http/page-query.dto';
import { RegionsService } from '../../regions/regions.service';
import type { QuestionInputDto, QuestionQueryDto } from '../dto/question.dto';
import { Question } from '../entities/question.entity';
import { questionToRow, rowToQuestion, SHEET_HEADERS, type SheetQuestion } from './question-sheet';

const MAX_IMPORT_ROWS = 2000;

/** The question bank: the default bank shipped with the platform plus each region's own questions. */
@Injectable()
export class QuestionsService {
  constructor(
    @InjectRepository(Question) private readonly repo: Repository<Question>,
    @InjectDataSource() private readonly db: DataSource,
    private readonly regions: RegionsService,
  ) {}

  /** Stores the default bank's questions the database does not have yet (by code). */
  async syncDefaultBank(): Promise<void> {
    const have = new Set((await this.repo.find({ select: { code: true }, where: { builtIn: true } })).map((q) => q.code));
    const missing = DEFAULT_QUESTION_BANK.filter((q) => !have.has(q.id));
    if (!missing.length) return;
    await this.repo.insert(
      missing.map((q) => ({
        code: q.id,
        kind: q.kind,
        knowledgePoint: q.knowledgePoint,
        stem: q.stem,
        options: q.options,
        correct: q.correct,
        explanation: q.explanation,
        regionId: null,
        regionPath: null,
        builtIn: true,
      })),
    );
  }

  async list(staff: StaffPrincipal, q: QuestionQueryDto): Promise<Page<AdminQuestion>> {
    const p = paging(q);
    const qb = this.visible(staff);
    if (q.knowledgePoint) qb.andWhere('q.knowledgePoint = :kp', { kp: q.knowledgePoint });
    if (q.kind) qb.andWhere('q.kind = :kind', { kind: q.kind });
    if (q.keyword) qb.andWhere('q.stem LIKE :kw', { kw: `%${q.keyword}%` });
    qb.andWhere('q.archived = :archived', { archived: q.archived ?? false });
    const [rows, total] = await qb.orderBy('q.knowledgePoint', 'ASC').addOrderBy('q.id', 'ASC').skip(p.skip).take(p.pageSize).getManyAndCount();
    return pageOf(await this.toDtos(rows), total, p);
  }

  async create(staff: StaffPrincipal, dto: QuestionInputDto): Promise<AdminQuestion> {
    const region = await this.regions.requireInScope(dto.regionId ?? staff.regionId, staff);
    this.check({ ...dto, code: 'new' });
    const saved = await this.db.transaction((tx) => this.insert(tx, dto, region));
    return (await this.toDtos([saved]))[0];
  }

  async update(staff: StaffPrincipal, id: number, dto: QuestionInputDto): Promise<AdminQuestion> {
    const question = await this.editable(staff, id);
    this.check({ ...dto, code: question.code });
    if (dto.regionId !== undefined && dto.regionId !== question.regionId) {
      const region = await this.regions.requireInScope(dto.regionId, staff);
      question.regionId = region.id;
      question.regionPath = region.path;
    }
    Object.assign(question, content(dto));
    return (await this.toDtos([await this.repo.save(question)]))[0];
  }

  /** A question a published quiz uses is archived (its answers keep their meaning); others are deleted. */
  async remove(staff: StaffPrincipal, id: number): Promise<void> {
    const question = await this.own(staff, id);
    if (question.inUse) await this.repo.update({ id }, { archived: true });
    else await this.repo.delete({ id });
  }

  async exportBank(staff: StaffPrincipal): Promise<Buffer> {
    const rows = await this.visible(staff).andWhere('q.archived = :no', { no: false }).orderBy('q.knowledgePoint').addOrderBy('q.id').getMany();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('题库');
    ws.addRow(SHEET_HEADERS).font = { bold: true };
    for (const q of rows) ws.addRow(questionToRow(q));
    ws.columns.forEach((c, i) => (c.width = i === 3 || i === 12 ? 50 : i >= 4 && i <= 9 ? 20 : 10));
    const help = wb.addWorksheet('填写说明');
    help.addRows([
      ['编号', '新题留空；填写已有题目的编号则更新该题（默认题库和已被发布测验使用的题目不能更新）'],
      ['题型', '判断题、单选题 或 多选题'],
      ['知识点', '1-10，对应《心理健康素养十条》'],
      ['选项', '判断题不填；单选、多选题按 A、B、C… 依次填写，最多 6 个'],
      ['正确答案', '判断题填“对”或“错”；选择题填选项字母，多个用逗号分隔，如 A,C'],
      ['含“不知道”', '仅判断题：是 / 否，默认为是（选“不知道”计 0 分）'],
    ]);
    help.getColumn(2).width = 90;
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  /** All or nothing: every row is checked first, and one bad row rejects the file with each problem listed. */
  async importBank(staff: StaffPrincipal, file: Buffer): Promise<QuestionImportResult> {
    const region = await this.regions.requireInScope(staff.regionId, staff);
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(file as unknown as ArrayBuffer);
    } catch {
      throw AppException.badRequest('无法读取该文件，请上传由“导出 Excel”得到的 .xlsx 文件', undefined, 'VALIDATION_FAILED');
    }
    const ws = wb.worksheets[0];
    if (!ws) throw AppException.badRequest('文件中没有工作表', undefined, 'VALIDATION_FAILED');
    const parsed: { row: number; question: SheetQuestion }[] = [];
    const errors: { row: number; message: string }[] = [];
    ws.eachRow((row, n) => {
      if (n === 1) return;
      const cells = SHEET_HEADERS.map((_, i) => cellText(row.getCell(i + 1).value));
      if (cells.every((c) => !c)) return;
      const r = rowToQuestion(cells);
      if (!r.ok) errors.push({ row: n, message: r.message });
      else {
        const problems = questionProblems({ ...r.question, id: r.question.code || `第${n}行` });
        if (problems.length) errors.push({ row: n, message: problems.join('；') });
        else parsed.push({ row: n, question: r.question });
      }
    });
    if (parsed.length + errors.length > MAX_IMPORT_ROWS) throw AppException.badRequest(`一次最多导入 ${MAX_IMPORT_ROWS} 道题`, undefined, 'VALIDATION_FAILED');
    const codes = parsed.map((p) => p.question.code).filter(Boolean);
    const existing = codes.length ? await this.repo.find({ where: { code: In(codes) } }) : [];
    const byCode = new Map(existing.map((q) => [q.code, q]));
    for (const { row, question } of parsed) {
      if (!question.code) continue;
      const q = byCode.get(question.code);
      if (!q || (!q.builtIn && (!q.regionPath || !isWithin(q.regionPath, staff.regionPath))))
        errors.push({ row, message: `编号 ${question.code} 不存在或不属于本辖区；新题请将编号留空` });
      else if (q.builtIn) errors.push({ row, message: `编号 ${question.code} 属于默认题库，不能修改` });
      else if (q.inUse) errors.push({ row, message: `编号 ${question.code} 已被发布的测验使用，不能修改；请新增一道题` });
    }
    if (errors.length) {
      errors.sort((a, b) => a.row - b.row);
      throw new AppException(400, 'VALIDATION_FAILED', `有 ${errors.length} 行无法导入，未导入任何题目：第 ${errors[0].row} 行 ${errors[0].message}`, errors);
    }
    if (!parsed.length) throw AppException.badRequest('文件中没有题目', undefined, 'VALIDATION_FAILED');
    let created = 0;
    let updated = 0;
    await this.db.transaction(async (tx) => {
      for (const { question } of parsed) {
        const old = question.code ? byCode.get(question.code) : undefined;
        if (old) {
          await tx.getRepository(Question).update({ id: old.id }, content(question));
          updated++;
        } else {
          await this.insert(tx, question, region);
          created++;
        }
      }
    });
    return { created, updated, errors: [] };
  }

  /** Questions of the bank by code, as the scoring functions take them. */
  async byCodes(codes: string[]): Promise<QuizQuestion[]> {
    if (!codes.length) return [];
    const rows = await this.repo.find({ where: { code: In(codes) } });
    const byCode = new Map(rows.map((r) => [r.code, r]));
    return codes.filter((c) => byCode.has(c)).map((c) => toQuizQuestion(byCode.get(c)!));
  }

  /** Questions a quiz of the given region may use: the default bank, and those of its region, ancestors or subtree. */
  async usableFor(regionPath: string): Promise<QuizQuestion[]> {
    const rows = await this.repo
      .createQueryBuilder('q')
      .where('q.archived = :no', { no: false })
      .andWhere(new Brackets((w) => w.where('q.builtIn = :yes', { yes: true }).orWhere({ regionPath: visibleFrom(regionPath) })))
      .getMany();
    return rows.map(toQuizQuestion);
  }

  async markInUse(tx: EntityManager, codes: string[]): Promise<void> {
    if (codes.length) await tx.getRepository(Question).update({ code: In(codes) }, { inUse: true });
  }

  private visible(staff: StaffPrincipal) {
    return this.repo.createQueryBuilder('q').where(new Brackets((w) => w.where('q.builtIn = :yes', { yes: true }).orWhere(...scopeCondition('q', staff))));
  }

  private async own(staff: StaffPrincipal, id: number): Promise<Question> {
    const q = await this.repo.findOne({ where: { id } });
    if (!q || (!q.builtIn && (!q.regionPath || !isWithin(q.regionPath, staff.regionPath)))) throw AppException.notFound('题目');
    if (q.builtIn) throw AppException.forbidden('默认题库的题目由平台维护，不能修改；可新增题目或在测验中不选用');
    return q;
  }

  private async editable(staff: StaffPrincipal, id: number): Promise<Question> {
    const q = await this.own(staff, id);
    if (q.inUse) throw AppException.invalidState('该题已被发布的测验使用，不能修改（否则已有答案的含义会改变）；请新增一道题');
    return q;
  }

  private check(q: Omit<SheetQuestion, 'code'> & { code: string }): void {
    const problems = questionProblems({ ...q, id: q.code });
    if (problems.length)
      throw new AppException(
        400,
        'VALIDATION_FAILED',
        problems[0],
        problems.map((message) => ({ message })),
      );
  }

  private async insert(tx: EntityManager, q: Omit<SheetQuestion, 'code'>, region: RegionDto): Promise<Question> {
    const repo = tx.getRepository(Question);
    // The code is the id, known only after the insert: a unique placeholder first.
    const row = await repo.save(
      repo.create({ ...content(q), code: `new-${Date.now()}-${Math.random().toString(36).slice(2, 10)}`, regionId: region.id, regionPath: region.path }),
    );
    row.code = `Q${row.id}`;
    await repo.update({ id: row.id }, { code: row.code });
    return row;
  }

  private async toDtos(rows: Question[]): Promise<AdminQuestion[]> {
    const names = await this.regions.names(rows.map((r) => r.regionId));
    return rows.map((q) => ({
      id: q.id,
      code: q.code,
      kind: q.kind,
      knowledgePoint: q.knowledgePoint,
      stem: q.stem,
      options: q.options,
      correct: q.correct,
      explanation: q.explanation,
      regionId: q.regionId,
      regionName: q.regionId ? (names.get(q.regionId) ?? '') : '默认题库',
      builtIn: q.builtIn,
      inUse: q.inUse,
      archived: q.archived,
      updatedAt: q.updatedAt.toISOString(),
    }));
  }
}

function content(q: Omit<SheetQuestion, 'code'>) {
  return {
    kind: q.kind,
    knowledgePoint: q.knowledgePoint,
    stem: q.stem.trim(),
    options: q.options.map((o) => ({ key: o.key, text: o.text.trim() })),
    correct: q.correct,
    explanation: q.explanation.trim(),
  };
}

export function toQuizQuestion(q: Question): QuizQuestion {
  return { id: q.code, kind: q.kind, knowledgePoint: q.knowledgePoint, stem: q.stem, options: q.options, correct: q.correct, explanation: q.explanation };
}

/** Text of an Excel cell, whatever exceljs made of it (rich text, numbers, formulas). */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return String(value.result ?? '');
    if ('text' in value) return String(value.text);
  }
  return String(value);
}
