import { EnableExtensions1764201600000 } from './1764201600000-enable-extensions.js';

/** Every migration, oldest first. A new migration is added here in the same commit. */
export const migrations = [EnableExtensions1764201600000];
