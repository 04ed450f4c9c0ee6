import { IngestionException } from '../ingestion.exception.js';

/** The IngestionException `run` throws; any other outcome fails the test that asked. */
export function refusalOf(run: () => unknown): IngestionException {
  try {
    run();
  } catch (error) {
    if (error instanceof IngestionException) return error;
    throw error;
  }
  throw new Error('expected the document to be refused');
}

/** The IngestionException `promise` rejects with; any other outcome fails the test that asked. */
export async function asyncRefusalOf(promise: Promise<unknown>): Promise<IngestionException> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof IngestionException) return error;
    throw error;
  }
  throw new Error('expected the document to be refused');
}
