import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ConfigurationModule } from './modules/configuration/configuration.module';
import { ContactsModule } from './modules/contacts/contacts.module';
import { EmailModule } from './modules/email/email.module';
import { EventsModule } from './modules/events/events.module';
import { LeadsModule } from './modules/leads/leads.module';
import { OpportunitiesModule } from './modules/opportunities/opportunities.module';
import { PartnersModule } from './modules/partners/partners.module';
import { QuotationsModule } from './modules/quotations/quotations.module';
import { SettingsModule } from './modules/settings/settings.module';
import { TeamsModule } from './modules/teams/teams.module';
import { UsersModule } from './modules/users/users.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { RemindersModule } from './modules/reminders/reminders.module';
import { CalendarsModule } from './modules/calendars/calendars.module';
import { DuplicatesModule } from './modules/duplicates/duplicates.module';
import { ObjectivesModule } from './modules/objectives/objectives.module';
import { ReportsModule } from './modules/reports/reports.module';
import { AuthModule } from './modules/auth/auth.module';
import { SessionCacheModule } from './platform/auth/session-cache';
import { APP_CONFIG, AppConfig } from './platform/config/app-config';
import { HealthController } from './platform/health/health.controller';
import { HistoryModule } from './platform/history/history.module';

@Module({})
export class AppModule {
  /** The data source is opened (and migrated) before Nest starts, so both boot paths share it. */
  static forRoot(config: AppConfig, dataSource: DataSource): DynamicModule {
    return {
      module: AppModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => dataSource.options,
          dataSourceFactory: () => Promise.resolve(dataSource),
        }),
        HistoryModule,
        SessionCacheModule,
        AuthModule,
        SettingsModule,
        UsersModule,
        TeamsModule,
        ConfigurationModule,
        LeadsModule,
        PartnersModule,
        ContactsModule,
        OpportunitiesModule,
        EmailModule,
        QuotationsModule,
        EventsModule,
        NotificationsModule,
        RemindersModule,
        CalendarsModule,
        DuplicatesModule,
        ObjectivesModule,
        ReportsModule,
      ],
      controllers: [HealthController],
      providers: [{ provide: APP_CONFIG, useValue: config }],
      exports: [APP_CONFIG],
      global: true,
    };
  }
}
