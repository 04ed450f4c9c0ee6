export * from './audit-event.entity.js';
export * from './audit-events.service.js';
export * from './audit-hash.js';
export * from './audit-trail.js';
export * from './audit-verify.js';
export * from './audit.exception.js';
export * from './audit.module.js';
export * from './audit-actor.js';
