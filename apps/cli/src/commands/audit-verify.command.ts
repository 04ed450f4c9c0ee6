import { Command, CommandRunner } from 'nest-commander';
import { DataSource } from 'typeorm';

import { AuditEvent, verifyAuditChain } from '@dondoc/audit';
import { AppConfig, buildDataSourceOptions, databaseUrlOf } from '@dondoc/platform';

/**
 * `npm run cli -- audit verify`: recomputes the hash chain of the audit trail and names
 * the first event that does not check out. Exit 0 when intact, 1 when broken, so a cron
 * job or a monitoring check can act on it.
 */
@Command({
  name: 'audit',
  arguments: '<action>',
  argsDescription: { action: 'verify: recompute the hash chain and name the first broken link' },
  description: 'Check the audit trail',
})
export class AuditVerifyCommand extends CommandRunner {
  constructor(private readonly config: AppConfig) {
    super();
  }

  async run([action]: string[]): Promise<void> {
    if (action !== 'verify') {
      process.stderr.write(`Unknown audit action "${action}": the only one is "verify".\n`);
      process.exitCode = 1;
      return;
    }
    // A data source of its own, one connection: the CLI does not boot the API's modules.
    const dataSource = new DataSource(
      buildDataSourceOptions({
        url: databaseUrlOf(this.config),
        entities: [AuditEvent],
        poolSize: 1,
        applicationName: 'dondoc-audit-verify',
        statementTimeoutMs: this.config.backgroundStatementTimeoutMs,
      }),
    );
    try {
      await dataSource.initialize();
      const { checked, firstBroken } = await verifyAuditChain(dataSource, { batchSize: 5_000 });
      if (firstBroken === null) {
        process.stdout.write(`Audit trail intact: ${checked} events checked.\n`);
      } else {
        process.stderr.write(`Audit trail broken at event #${firstBroken.id}: ${firstBroken.reason}\n`);
        process.exitCode = 1;
      }
    } catch (error) {
      // nest-commander would print a thrown error without a newline and exit 0.
      process.stderr.write(`Cannot verify the audit trail: ${(error as Error).message.split('\n')[0]}\n`);
      process.exitCode = 1;
    } finally {
      if (dataSource.isInitialized) await dataSource.destroy();
    }
  }
}
