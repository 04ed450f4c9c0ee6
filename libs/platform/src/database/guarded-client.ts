import pg from 'pg';

/**
 * The pool's connection class: each connection listens to its own 'error' for all its life.
 * When the server ends sessions (a restart: 57P01), a connection between owners — given back
 * with an error and being closed by the pool, say — emits 'error' with nobody listening, and
 * Node ends the whole process on an unheard 'error' (the soak saw an API die so). Who uses a
 * connection still learns of the failure from its query; the pool drops it on 'end'.
 */
export class GuardedClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    this.on('error', () => undefined);
  }
}
