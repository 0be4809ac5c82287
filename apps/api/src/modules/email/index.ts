// What other modules may use of email: the module and the queue.
export { EmailModule } from './email.module';
export { EmailService, type QueuedEmail } from './email.service';
