import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { OpportunityStage } from '@crm/domain';

/** The single row of CRM-wide options (id is always 1). */
@Entity('crm_settings')
export class CrmSettings {
  @PrimaryColumn('int')
  id: 1;

  @Column('boolean')
  closeOpportunityOnOrderConfirmation: boolean;

  @Column('boolean')
  displayCustomerDescriptionInOpportunity: boolean;

  @Column('uuid', { array: true })
  customerAssignableTeamIds: string[];

  @Column('jsonb')
  stageProbabilities: Record<OpportunityStage, number>;

  @Column('text', { nullable: true })
  smtpHost: string | null;

  @Column('int', { nullable: true })
  smtpPort: number | null;

  @Column('boolean')
  smtpSecure: boolean;

  @Column('text', { nullable: true })
  smtpUser: string | null;

  @Column('text', { nullable: true, select: false })
  smtpPassword: string | null;

  @Column('text', { nullable: true })
  smtpFrom: string | null;

  /** ISO 3166 country a phone number without a country code is read in. */
  @Column('text')
  defaultCountry: string;

  /** IANA zone whose calendar objectives' periods and reports' days and months follow. */
  @Column('text')
  timeZone: string;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @Column('int')
  version: number;
}
