import { Module } from '@nestjs/common';
import { CsvExporter } from './csv-exporter';
import { CsvImporter } from './csv-importer';
import { ImportJobsController } from './import-jobs.controller';
import { ImportJobsService } from './import-jobs.service';

/** CSV import and export for any resource described by a CsvResource, and the background import jobs. */
@Module({
  controllers: [ImportJobsController],
  providers: [CsvImporter, CsvExporter, ImportJobsService],
  exports: [CsvImporter, CsvExporter, ImportJobsService],
})
export class CsvModule {}
