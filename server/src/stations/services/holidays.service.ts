import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { chinaWeekday, type HolidayDay } from '@xinqiao/shared';
import { Between, Repository } from 'typeorm';
import { AppException } from '../../common/errors/app-exception';
import type { HolidayInputDto } from '../dto/holiday.dto';
import { Holiday } from '../entities/holiday.entity';

const invalid = (message: string, field: string) => AppException.badRequest(message, { fields: [{ field, constraint: 'holiday', message }] }, 'VALIDATION_FAILED');

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
    const worksAs = dto.kind === 'workday' ? dto.worksAs : null;
    if (dto.kind === 'holiday' && dto.worksAs !== null) throw invalid('放假日不开放，不需要指定按星期几上班', 'worksAs');
    // A 调休 day is a weekend worked in exchange for a day off, following a weekday's hours.
    if (dto.kind === 'workday' && chinaWeekday(date) < 6) throw invalid('调休上班日须为周六或周日', 'kind');
    if (dto.kind === 'workday' && worksAs !== null && worksAs > 5) throw invalid('调休上班须按周一至周五中某一天的时间开放', 'worksAs');
    await this.repo.save(this.repo.create({ date, kind: dto.kind, name: dto.name, worksAs }));
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
