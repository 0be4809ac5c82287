import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { updateVersioned } from '../../platform/database/versioned-update';
import { CrmSettingsView, UpdateCrmSettingsDto } from './dto/crm-settings.dto';
import { CrmSettings } from './crm-settings.entity';

/** How long a process may serve settings it read before (other processes' changes show within this). */
const CACHE_MS = 5000;

@Injectable()
export class CrmSettingsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private cached: { settings: CrmSettings; until: number } | undefined;

  /**
   * The settings as other modules read them. Inside a transaction they are
   * read fresh; elsewhere (every opportunity list reads them) from a cache
   * of a few seconds, cleared by this process's updates — another process
   * sees a change within CACHE_MS.
   */
  async current(manager?: EntityManager): Promise<CrmSettings> {
    if (manager && manager !== this.dataSource.manager) return manager.getRepository(CrmSettings).findOneByOrFail({ id: 1 });
    if (this.cached && this.cached.until > Date.now()) return this.cached.settings;
    const settings = await this.dataSource.getRepository(CrmSettings).findOneByOrFail({ id: 1 });
    this.cached = { settings, until: Date.now() + CACHE_MS };
    return settings;
  }

  /** With the SMTP password: for the mail sender only. */
  withSecrets(): Promise<CrmSettings> {
    return this.dataSource.getRepository(CrmSettings).createQueryBuilder('s').addSelect('s.smtpPassword').where('s.id = 1').getOneOrFail();
  }

  async view(): Promise<CrmSettingsView> {
    const { smtpPassword, id: _id, ...visible } = await this.withSecrets();
    return { ...visible, smtpPasswordSet: !!smtpPassword };
  }

  async update(dto: UpdateCrmSettingsDto): Promise<CrmSettingsView> {
    const { version, stageProbabilities, ...changes } = dto;
    this.cached = undefined;
    await this.dataSource.transaction(async (manager) => {
      const merged = stageProbabilities ? { ...(await this.current(manager)).stageProbabilities, ...stageProbabilities } : undefined;
      await updateVersioned(manager, CrmSettings, 'CRM settings', '1', version, { ...changes, ...(merged ? { stageProbabilities: merged } : {}) });
    });
    this.cached = undefined;
    return this.view();
  }
}
