import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { reassignSubject, type RecordReassignment } from '../database/record-merge';
import { newId } from '../database/ids';
import { runList } from '../listing/list-runner';
import { ListQueryDto } from '../listing/list-query.dto';
import { Page } from '../listing/page';
import { HistoryData, HistoryEntry, HistorySubjectType } from './history-entry.entity';

export interface HistorySubject {
  type: HistorySubjectType;
  id: string;
}

export interface HistoryRecord {
  /** Every record on whose timeline this appears. */
  subjects: HistorySubject[];
  kind: string;
  summary: string;
  data?: HistoryData;
  actorId: string | null;
}

/** The one timeline every module writes to, inside the transaction of the change it records. */
@Injectable()
export class HistoryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async record(manager: EntityManager, entry: HistoryRecord): Promise<void> {
    const occurredAt = new Date();
    const rows = entry.subjects.map((subject) => ({
      id: newId(),
      subjectType: subject.type,
      subjectId: subject.id,
      kind: entry.kind,
      summary: entry.summary,
      data: entry.data ?? {},
      actorId: entry.actorId,
      occurredAt,
    }));
    if (rows.length) await manager.insert(HistoryEntry, rows);
  }

  /** A merge: the timelines of the merged records join the kept record's. */
  reassign(manager: EntityManager, reassignment: RecordReassignment): Promise<number> {
    return reassignSubject(manager, HistoryEntry, reassignment);
  }

  /** The latest entries of a record's timeline, newest first (for reports). */
  recent(subject: HistorySubject, limit: number): Promise<HistoryEntry[]> {
    return this.dataSource.getRepository(HistoryEntry).find({
      where: { subjectType: subject.type, subjectId: subject.id },
      order: { occurredAt: 'DESC', id: 'DESC' },
      take: limit,
    });
  }

  /** A record's timeline, newest first, in the list envelope. */
  timeline(subject: HistorySubject, query: ListQueryDto): Promise<Page<HistoryEntry>> {
    const qb = this.dataSource.getRepository(HistoryEntry).createQueryBuilder('entry').where('entry.subject_type = :type AND entry.subject_id = :id', subject);
    return runList(
      qb,
      { page: query.page, pageSize: query.pageSize },
      {
        alias: 'entry',
        filters: {},
        sorts: { occurredAt: 'entry.occurred_at' },
        defaultSort: '-occurredAt',
      },
    );
  }
}
