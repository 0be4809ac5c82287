// What other modules may use of quotations: the module.
export { QuotationsModule } from './quotations.module';
