export * from './inspection-board.service.js';
export * from './inspection.entity.js';
export * from './inspection.errors.js';
export * from './inspections.service.js';
export * from './oversight.module.js';
