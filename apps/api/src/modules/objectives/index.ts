// What other modules may use of objectives: the module and its service (the objectives reports read progress through it).
export { ObjectivesModule } from './objectives.module';
export { ObjectivesService } from './objectives.service';
