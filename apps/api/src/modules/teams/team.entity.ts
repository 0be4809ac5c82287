import { Column, Entity, PrimaryColumn } from 'typeorm';
import { AuditedEntity } from '../../platform/database/audited.entity';

@Entity('teams')
export class Team extends AuditedEntity {
  @Column('text')
  name: string;

  @Column('text', { nullable: true })
  code: string | null;

  @Column('text', { nullable: true })
  description: string | null;
}

/** Membership of a user in a team; written only through TeamMembershipService. */
@Entity('team_members')
export class TeamMember {
  @PrimaryColumn('uuid')
  teamId: string;

  @PrimaryColumn('uuid')
  userId: string;
}
