import { Controller, Get, Post, Query, Req, Res, StreamableFile, Type } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { CurrentUser } from '../auth/auth.decorators';
import { ListQueryDto } from '../listing/list-query.dto';
import { ApiCsvExport, ApiCsvImport, csvFile, ImportCsvQuery } from './csv-api';
import { CsvExporter } from './csv-exporter';
import { CsvImporter } from './csv-importer';
import type { CsvResource } from './csv-resource';
import { ImportJobsService } from './import-jobs.service';
import { withUploadedFile } from './multipart-upload';

export interface CsvFilesOptions {
  /** OpenAPI tag of the resource (`Leads`). */
  tag: string;
  /** Singular, for the docs (`lead`). */
  what: string;
  /** The list's query without paging: an export has every matching row. */
  exportQuery: Type<ListQueryDto>;
  /** The create rules an imported row follows, for the docs. */
  importRules: string;
}

/**
 * `POST /<resource>/import` and `GET /<resource>/export.csv` for one CSV
 * resource. Register it before the resource's own controller, so
 * `export.csv` is not taken for an `:id`.
 */
export function createCsvFilesController(resource: CsvResource, options: CsvFilesOptions): Type<unknown> {
  const columns = Object.keys(resource.columns);

  @ApiTags(options.tag)
  @Controller(resource.name)
  class CsvFilesController {
    constructor(
      private readonly importer: CsvImporter,
      private readonly exporter: CsvExporter,
      private readonly jobs: ImportJobsService,
    ) {}

    @Post('import')
    @ApiOperation({
      summary: `Import ${resource.name} from CSV`,
      description: `Each row is validated like the body of \`POST /${resource.name}\` and follows its rules: ${options.importRules} Accepted rows are stored together in one transaction (a failure stores none); refused rows are reported with their line (the header is line 1) and field errors. A header naming an unknown column refuses the whole file (400). \`?mode=async\` answers 202 with a job to poll (\`GET /imports/:jobId\`).`,
    })
    @ApiCsvImport(resource.name, columns)
    async import(@Req() request: Request, @Res() response: Response, @Query() query: ImportCsvQuery, @CurrentUser() actor: AuthenticatedUser): Promise<void> {
      if (query.mode === 'async') {
        response.status(202).json(await withUploadedFile(request, 'file', (file) => this.jobs.start(resource, file, actor)));
      } else {
        response.status(200).json(await withUploadedFile(request, 'file', async (file) => (await this.importer.open(resource, file)).run(actor)));
      }
    }

    @Get('export.csv')
    @ApiOperation({
      summary: `Export ${resource.name} as CSV`,
      description: `Every ${options.what} the list (\`GET /${resource.name}\`) would show for the same \`q\`, filters and \`sort\`, without paging, in the import format: the file imports back as it is. Downloaded as \`${resource.name}-YYYY-MM-DD.csv\`.`,
    })
    @ApiCsvExport(columns)
    async export(@Query() query: ListQueryDto): Promise<StreamableFile> {
      return csvFile(await this.exporter.export(resource, query));
    }
  }

  Reflect.defineMetadata('design:paramtypes', [options.exportQuery], CsvFilesController.prototype, 'export');
  Object.defineProperty(CsvFilesController, 'name', { value: `${options.tag.replace(/\s/g, '')}CsvFilesController` });
  return CsvFilesController;
}
