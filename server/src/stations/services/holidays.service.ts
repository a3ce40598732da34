import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { HOLIDAY_PROBLEM_MESSAGES, holidayProblems, type HolidayDay, type HolidayProblemCode } from '@xinqiao/shared';
import { Between, Repository } from 'typeorm';
import { AppException } from '../../common/errors/app-exception';
import type { HolidayInputDto } from '../dto/holiday.dto';
import { Holiday } from '../entities/holiday.entity';

/** The field each problem is about, for the form that sent it. */
const PROBLEM_FIELDS: Record<HolidayProblemCode, string> = {
  bad_date: 'date',
  holiday_works_as: 'worksAs',
  workday_not_weekend: 'kind',
  works_as_not_weekday: 'worksAs',
};

/**
 * The national 放假/调休 calendar. It is published once a year by the State Council and cannot be
 * computed, so a system admin keeps it here; every station, counsellor and call-back line follows it.
 */
@Injectable()
export class HolidaysService {
  constructor(@InjectRepository(Holiday) private readonly repo: Repository<Holiday>) {}

  /** Entries for China dates in [from, to], by date. */
  async calendar(from: string, to: string): Promise<HolidayDay[]> {
    return (await this.repo.find({ where: { date: Between(from, to) }, order: { date: 'ASC' } })).map(toDto);
  }

  async year(year: number): Promise<HolidayDay[]> {
    return this.calendar(`${year}-01-01`, `${year}-12-31`);
  }

  /** Sets the entry of one date (a new one or a correction). */
  async put(date: string, dto: HolidayInputDto): Promise<HolidayDay> {
    const problems = holidayProblems({ date, kind: dto.kind, worksAs: dto.worksAs });
    if (problems.length) {
      const fields = problems.map((p) => ({ field: PROBLEM_FIELDS[p], constraint: p, message: HOLIDAY_PROBLEM_MESSAGES[p] }));
      throw AppException.badRequest(fields.map((f) => f.message).join('；'), { fields }, 'VALIDATION_FAILED');
    }
    await this.repo.save(this.repo.create({ date, kind: dto.kind, name: dto.name, worksAs: dto.worksAs }));
    return toDto(await this.repo.findOneByOrFail({ date }));
  }

  async remove(date: string): Promise<void> {
    const { affected } = await this.repo.delete({ date });
    if (!affected) throw AppException.notFound(`${date} 的节假日安排`);
  }
}

function toDto(h: Holiday): HolidayDay {
  return { date: h.date, kind: h.kind, name: h.name, worksAs: h.worksAs };
}
