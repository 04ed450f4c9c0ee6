export * from './mailer.js';
export * from './notification-kind.js';
export * from './notification-messages.js';
export * from './notification.entity.js';
export * from './notifications.module.js';
export * from './notifications.service.js';
export * from './mail-failure.js';
export * from './undelivered-mail.service.js';
