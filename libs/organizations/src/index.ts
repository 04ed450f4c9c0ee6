export * from './access-scope.js';
export * from './fold-text.js';
export * from './organization-kind.js';
export * from './organization-seeder.js';
export * from './organization-succession.entity.js';
export * from './organization.entity.js';
export * from './organizations.module.js';
export * from './organizations.service.js';
