export * from './mailer.js';
export * from './notification-kind.js';
export * from './notification-messages.js';
export * from './notification.entity.js';
export * from './notifications.module.js';
export * from './notifications.service.js';
