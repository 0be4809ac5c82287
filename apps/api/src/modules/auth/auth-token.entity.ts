import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { TokenKind } from '../../platform/auth/tokens';

/** A sign-in session (made by login) or a personal API token; only the hash of the secret is kept. */
@Entity('auth_tokens')
export class AuthToken {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  userId: string;

  @Column('text')
  kind: TokenKind;

  @Column('text')
  name: string;

  @Column('text', { select: false })
  tokenHash: string;

  @Column('timestamptz', { nullable: true })
  expiresAt: Date | null;

  @Column('timestamptz', { nullable: true })
  lastUsedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  revokedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
