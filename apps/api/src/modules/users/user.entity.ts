import { Column, Entity } from 'typeorm';
import type { UserRole } from '@crm/domain';
import { AuditedEntity } from '../../platform/database/audited.entity';

@Entity('users')
export class User extends AuditedEntity {
  @Column('text')
  email: string;

  @Column('text')
  name: string;

  @Column('text')
  role: UserRole;

  @Column('boolean', { default: true })
  active: boolean;

  /** Never loaded unless asked for by name: no response can leak it. */
  @Column('text', { select: false })
  passwordHash: string;
}
