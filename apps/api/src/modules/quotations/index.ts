// What other modules may use of quotations: the module and its service.
export { QuotationsModule } from './quotations.module';
export { QuotationsService } from './quotations.service';
