import { Injectable } from '@nestjs/common';

/** A module that keeps personal data about residents contributes it to their PIPL export. */
export interface PersonalDataSource {
  /** Key of the section in the export. */
  key: string;
  export(residentId: number): Promise<unknown>;
}

/**
 * Modules register here so the residents module can export everything without depending on each of
 * them. Deletion needs no registry: every table holding a resident's data references the resident
 * with ON DELETE CASCADE.
 */
@Injectable()
export class PersonalDataRegistry {
  private readonly sources: PersonalDataSource[] = [];

  register(source: PersonalDataSource): void {
    if (!this.sources.some((s) => s.key === source.key)) this.sources.push(source);
  }

  async exportAll(residentId: number): Promise<Record<string, unknown>> {
    const out: Record<string, unknown> = {};
    for (const s of this.sources) out[s.key] = await s.export(residentId);
    return out;
  }
}
