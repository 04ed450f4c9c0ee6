import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';

import { type Notification, NotificationKind } from '@dondoc/notifications';

registerEnumType(NotificationKind, {
  name: 'NotificationKind',
  description: 'What a notification is about.',
});

@ObjectType('Notification', {
  description:
    "A message to the caller: in the inbox until read, and e-mailed once. Only ever the caller's own.",
})
export class NotificationObject {
  @Field(() => ID)
  id: string;

  @Field(() => NotificationKind)
  kind: NotificationKind;

  @Field({ description: "Short: the inbox title and the e-mail's subject." })
  subject: string;

  @Field({ description: "In the recipient's language, as it was when the notification was created." })
  message: string;

  @Field(() => String, { nullable: true, description: 'Where in the console to follow it up.' })
  link: string | null;

  @Field(() => Date, { nullable: true, description: 'When the caller marked it read; null while unread.' })
  readAt: Date | null;

  @Field()
  createdAt: Date;

  /** Resolved as `assignment` (null when it is about something else). */
  assignmentId: string | null;
}

export function toNotificationObject(notification: Notification): NotificationObject {
  return {
    id: notification.id,
    kind: notification.kind,
    subject: notification.subject,
    message: notification.message,
    link: notification.link,
    readAt: notification.readAt,
    createdAt: notification.createdAt,
    assignmentId: notification.assignmentId,
  };
}
