import { Command, CommandRunner } from 'nest-commander';
import { DataSource } from 'typeorm';

import {
  AuditEvent,
  AuditKey,
  type AuditChainReport,
  anchorAuditChain,
  verifyAuditTrail,
} from '@dondoc/audit';
import { AppConfig, Clock, buildDataSourceOptions, directDatabaseUrlOf } from '@dondoc/platform';

/**
 * `npm run cli -- audit verify`: recomputes the keyed hash chain of the audit trail, checks it
 * against every anchor of AUDIT_ANCHOR_FILE and names the first event that does not check
 * out. `npm run cli -- audit anchor`: after the same check, appends the head of the chain to
 * that file (nothing when it is already the last anchor). Exit 0 when intact, 1 when broken,
 * so a cron job or a monitoring check can act on it.
 */
@Command({
  name: 'audit',
  arguments: '<action>',
  argsDescription: {
    action:
      'verify: check the chain and the anchors, name the first broken event; anchor: write the head of the chain to AUDIT_ANCHOR_FILE',
  },
  description: 'Check or anchor the audit trail',
})
export class AuditVerifyCommand extends CommandRunner {
  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {
    super();
  }

  async run([action]: string[]): Promise<void> {
    if (action !== 'verify' && action !== 'anchor') {
      process.stderr.write(`Unknown audit action "${action}": use "verify" or "anchor".\n`);
      process.exitCode = 1;
      return;
    }
    // A data source of its own, one connection: the CLI does not boot the API's modules. Direct,
    // past any pooler: it sets its own (long) statement timeout at connect.
    const dataSource = new DataSource(
      buildDataSourceOptions({
        url: directDatabaseUrlOf(this.config),
        entities: [AuditEvent],
        poolSize: 1,
        applicationName: `dondoc-audit-${action}`,
        statementTimeoutMs: this.config.backgroundStatementTimeoutMs,
      }),
    );
    try {
      if (this.config.auditKey === null) throw new Error('AUDIT_KEY is not configured');
      const key = new AuditKey(this.config.auditKey);
      const file = this.config.auditAnchorFile;
      await dataSource.initialize();
      if (action === 'verify') {
        this.report(await verifyAuditTrail(dataSource, key, file), file);
        return;
      }
      const outcome = await anchorAuditChain(dataSource, key, file, this.clock.now());
      if (!this.report(outcome.report, file)) return;
      if (outcome.anchor === null) {
        process.stdout.write('Nothing to anchor: the audit trail is empty.\n');
      } else {
        const { lastId, count, hash } = outcome.anchor;
        process.stdout.write(
          `${outcome.written ? 'Anchored' : 'Already anchored'}: event #${lastId} (${count} events, hash ${hash}) in ${file}\n`,
        );
      }
    } catch (error) {
      // nest-commander would print a thrown error without a newline and exit 0.
      process.stderr.write(`Cannot ${action} the audit trail: ${(error as Error).message.split('\n')[0]}\n`);
      process.exitCode = 1;
    } finally {
      if (dataSource.isInitialized) await dataSource.destroy();
    }
  }

  /** Prints the check; true when the trail is intact. */
  private report(report: AuditChainReport, file: string): boolean {
    const { checked, plain, anchorsMatched, firstBroken } = report;
    if (firstBroken !== null) {
      process.stderr.write(`Audit trail broken at event #${firstBroken.id}: ${firstBroken.reason}\n`);
      process.exitCode = 1;
      return false;
    }
    const unkeyed = plain > 0 ? `, ${plain} of them unkeyed (recorded before AUDIT_KEY)` : '';
    process.stdout.write(
      `Audit trail intact: ${checked} events checked${unkeyed}; ` +
        `${anchorsMatched} anchor${anchorsMatched === 1 ? '' : 's'} of ${file} matched.\n`,
    );
    return true;
  }
}
