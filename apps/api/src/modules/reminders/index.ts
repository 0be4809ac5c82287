// What other modules may use of reminders: the module.
export { RemindersModule } from './reminders.module';
