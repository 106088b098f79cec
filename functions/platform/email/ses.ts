// Sends a composed e-mail through Amazon SES (the notifier's only way out). Plain text, one recipient.
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';

export interface Email {
  to: string;
  subject: string;
  body: string;
}

export class SesMailer {
  private readonly ses = new SESv2Client({});
  constructor(private readonly from: string) {}

  async send(email: Email): Promise<void> {
    await this.ses.send(
      new SendEmailCommand({
        FromEmailAddress: this.from,
        Destination: { ToAddresses: [email.to] },
        Content: { Simple: { Subject: { Data: email.subject }, Body: { Text: { Data: email.body } } } },
      }),
    );
  }
}
