import nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';
import type { CrmSettings } from '../settings';

export interface MailServer {
  transport: Transporter;
  from: string;
}

/**
 * The outgoing server: SMTP_URL from the environment wins; otherwise the
 * SMTP fields of the CRM settings. Undefined when neither is configured.
 */
export function mailServer(smtpUrl: string | undefined, settings: CrmSettings & { smtpPassword?: string | null }): MailServer | undefined {
  const from = settings.smtpFrom ?? 'crm@localhost';
  if (smtpUrl) return { transport: nodemailer.createTransport(smtpUrl), from };
  if (!settings.smtpHost) return undefined;
  return {
    transport: nodemailer.createTransport({
      host: settings.smtpHost,
      port: settings.smtpPort ?? (settings.smtpSecure ? 465 : 587),
      secure: settings.smtpSecure,
      auth: settings.smtpUser ? { user: settings.smtpUser, pass: settings.smtpPassword ?? '' } : undefined,
    }),
    from,
  };
}
