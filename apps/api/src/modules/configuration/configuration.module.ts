import { Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditedEntity } from '../../platform/database/audited.entity';
import { EVENT_CATEGORIES } from './event-categories';
import { LEAD_SOURCES } from './lead-sources';
import { LOST_REASONS } from './lost-reasons';
import { OPPORTUNITY_TYPES } from './opportunity-types';
import { ReferenceListDefinition, ReferenceListService } from './reference-list';
import { createReferenceListController, serviceToken } from './reference-list.controller';

const LISTS = [LEAD_SOURCES, LOST_REASONS, EVENT_CATEGORIES, OPPORTUNITY_TYPES] as ReferenceListDefinition<AuditedEntity>[];

/** The admin-managed lists: lead sources, lost reasons, event categories, opportunity types. */
@Module({
  controllers: LISTS.map(createReferenceListController),
  providers: LISTS.map((definition) => ({
    provide: serviceToken(definition),
    useFactory: (dataSource: DataSource) => new ReferenceListService(dataSource, definition),
    inject: [getDataSourceToken()],
  })),
})
export class ConfigurationModule {}
