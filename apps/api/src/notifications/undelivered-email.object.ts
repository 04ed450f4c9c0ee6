import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

import { NotificationKind, type UndeliveredEmail } from '@dondoc/notifications';

@ObjectType('UndeliveredEmail', {
  description:
    "A notification whose e-mail failed at least once and has not been delivered: still being retried, or given up. Administrators' view.",
})
export class UndeliveredEmailObject {
  @Field(() => ID, { description: "The notification's id (also its e-mail's Message-ID)." })
  id: string;

  @Field(() => NotificationKind)
  kind: NotificationKind;

  @Field({ description: "The e-mail's subject." })
  subject: string;

  @Field(() => ID)
  recipientId: string;

  @Field()
  recipientName: string;

  @Field({ description: 'The address it is sent to (the recipient’s current e-mail).' })
  recipientEmail: string;

  @Field(() => Int, { description: 'Failed attempts since it was created or last retried.' })
  attempts: number;

  @Field(() => String, {
    nullable: true,
    description: 'What the last attempt met, as the mail server said it.',
  })
  lastError: string | null;

  @Field(() => Date, { nullable: true, description: 'When it is tried again; null once given up.' })
  nextAttemptAt: Date | null;

  @Field(() => Date, {
    nullable: true,
    description:
      'When the mailer gave up (retryUndeliveredEmails sends it again); null while it still tries.',
  })
  givenUpAt: Date | null;

  @Field()
  createdAt: Date;
}

export function toUndeliveredEmailObject(email: UndeliveredEmail): UndeliveredEmailObject {
  return {
    id: email.id,
    kind: email.kind,
    subject: email.subject,
    recipientId: email.recipientUserId,
    recipientName: email.recipientName,
    recipientEmail: email.recipientEmail,
    attempts: email.attempts,
    lastError: email.lastError,
    nextAttemptAt: email.nextAttemptAt,
    givenUpAt: email.givenUpAt,
    createdAt: email.createdAt,
  };
}
