// What other modules may use of duplicates: the module (nothing depends on it).
export { DuplicatesModule } from './duplicates.module';
