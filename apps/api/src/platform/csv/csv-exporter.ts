import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { stringify } from 'csv-stringify';
import { pipeline, Readable, Transform } from 'node:stream';
import { DataSource } from 'typeorm';
import { ListQueryDto } from '../listing/list-query.dto';
import { applyListFilters, applyListSort } from '../listing/list-runner';
import { toCell } from './csv-cells';
import type { CsvResource } from './csv-resource';

/** A CSV file being produced: its download name and its bytes as a stream. */
export interface CsvDownload {
  filename: string;
  stream: Readable;
}

/**
 * Exports every row of a resource's list that a list query matches (search,
 * filters, sort; no paging) as CSV with the import's columns, streamed from
 * a database cursor: memory stays flat whatever the number of rows.
 */
@Injectable()
export class CsvExporter {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * 400 for a query the list refuses. Resolves once the first bytes are ready,
   * so a failing query still answers with a problem document rather than a
   * truncated file.
   */
  async export(resource: CsvResource, query: ListQueryDto, today = new Date()): Promise<CsvDownload> {
    const { alias } = resource.list;
    const metadata = this.dataSource.getMetadata(resource.entity);
    const fields = Object.keys(resource.columns);
    const qb = this.dataSource.createQueryBuilder(resource.entity, alias);
    fields.forEach((field, index) => {
      const column = metadata.findColumnWithPropertyPath(field);
      if (!column) throw new Error(`CSV column ${field} is not a column of ${metadata.name}`);
      const expression = `${qb.escape(alias)}.${qb.escape(column.databaseName)}`;
      if (index === 0) qb.select(expression, `c${index}`);
      else qb.addSelect(expression, `c${index}`);
    });
    applyListFilters(qb, query, resource.list);
    applyListSort(qb, query.sort ?? resource.list.defaultSort, resource.list);
    const [sql, parameters] = qb.getQueryAndParameters();

    const runner = this.dataSource.createQueryRunner();
    let rows: Readable;
    try {
      rows = await runner.stream(sql, parameters);
    } catch (error) {
      await runner.release();
      throw error;
    }
    // released however the stream stops: ended, failed, or destroyed when the client leaves
    rows.once('close', () => void runner.release());
    const toCells = new Transform({
      objectMode: true,
      transform(row: Record<string, unknown>, _encoding, done) {
        done(
          null,
          fields.map((_, index) => toCell(row[`c${index}`])),
        );
      },
    });
    const csv = pipeline(rows, toCells, stringify({ header: true, columns: fields }), () => {
      // failures reach the response through the last stream's 'error'
    });
    await firstChunk(csv);
    return { filename: `${resource.name}-${today.toISOString().slice(0, 10)}.csv`, stream: csv };
  }
}

/** Waits until the stream has bytes to read (or has ended), or rejects with its error. */
function firstChunk(stream: Readable): Promise<void> {
  return new Promise((resolve, reject) => {
    const settle = (error?: Error) => {
      stream.off('readable', onReadable);
      stream.off('error', onError);
      if (error) reject(error);
      else resolve();
    };
    const onReadable = () => settle();
    const onError = (error: Error) => settle(error);
    stream.once('readable', onReadable);
    stream.once('error', onError);
  });
}
