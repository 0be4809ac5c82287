// What other modules may use of authentication: the module.
export { AuthModule } from './auth.module';
