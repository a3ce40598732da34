import { Article } from '../../articles/article.entity';
import { AuditLog } from '../../audit/audit-log.entity';
import { RefreshToken } from '../../auth/refresh-token.entity';
import { Region } from '../../regions/region.entity';
import { Resident } from '../../residents/resident.entity';
import { Staff } from '../../staff/staff.entity';

/** Every entity; migrations are generated from this list for each dialect. */
export const ENTITIES = [Region, Staff, RefreshToken, Resident, AuditLog, Article];
