/** E-mail that did not get through (administrators): the API's undeliveredEmails and its retry. */
export const UNDELIVERED_EMAILS = `query UndeliveredEmails($perPage: Int) {
  undeliveredEmails(perPage: $perPage) {
    id subject recipientName recipientEmail attempts lastError nextAttemptAt givenUpAt createdAt
  }
}`;

export const RETRY_UNDELIVERED_EMAILS = `mutation RetryUndeliveredEmails($ids: [ID!]) {
  retryUndeliveredEmails(ids: $ids)
}`;

export interface UndeliveredEmail {
  id: string;
  subject: string;
  recipientName: string;
  recipientEmail: string;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string | null;
  givenUpAt: string | null;
  createdAt: string;
}
