import { ApiProperty } from '@nestjs/swagger';
import { EXAMPLE_ID } from '../openapi/examples';
import { Column, CreateDateColumn, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * Columns every record carries (contract: id, createdAt, updatedAt,
 * createdById, version). `version` is bumped by the repository helpers in
 * the same UPDATE that checks it, so a stale PATCH cannot slip through.
 */
export abstract class AuditedEntity {
  @ApiProperty({ description: 'Record id (UUID v7).', example: EXAMPLE_ID })
  @PrimaryColumn('uuid')
  id: string;

  @ApiProperty({ description: 'When the record was created (UTC).', example: '2026-11-28T09:30:00.000Z' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @ApiProperty({ description: 'When the record last changed (UTC).', example: '2026-11-28T09:30:00.000Z' })
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @ApiProperty({
    description: 'The user who created the record; null for records made by the system.',
    nullable: true,
    type: String,
    format: 'uuid',
    example: EXAMPLE_ID,
  })
  @Column('uuid', { nullable: true })
  createdById: string | null;

  @ApiProperty({ description: 'Incremented on every change; send it back in PATCH to guard against lost updates.', example: 1 })
  @Column('int', { default: 1 })
  version: number;
}
