/** Jobs of the `follow-up` queue, both made by job schedulers (schedules/job-schedules.ts). */
export enum FollowUpJob {
  /** Timeliness transitions, reminders and escalation, as of today. */
  Sweep = 'sweep',
  /** E-mail of the notifications not sent yet. */
  SendMail = 'send-mail',
}
