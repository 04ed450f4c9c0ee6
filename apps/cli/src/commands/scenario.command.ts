import { Command, CommandRunner } from 'nest-commander';

import { Reorganization2025 } from '@dondoc/organizations';

/** The scenarios the command knows, by name. */
const SCENARIOS = ['reorganize-2025'] as const;

/**
 * `npm run cli -- scenario reorganize-2025`: applies the reorganization of 1 July 2025 to
 * the demo data (Kon Tum merged into Quảng Ngãi, the district level ended, the
 * socio-political organizations under the Fatherland Front). Idempotent: a second run
 * says it is already applied and changes nothing.
 */
@Command({
  name: 'scenario',
  arguments: '<name>',
  description: `Apply a scenario to the data (${SCENARIOS.join(', ')})`,
})
export class ScenarioCommand extends CommandRunner {
  constructor(private readonly reorganization: Reorganization2025) {
    super();
  }

  async run([name]: string[]): Promise<void> {
    if (name !== 'reorganize-2025') {
      throw new Error(`Unknown scenario "${name}": the scenarios are ${SCENARIOS.join(', ')}`);
    }
    const result = await this.reorganization.apply();
    if (!result.applied) {
      process.stdout.write(
        `The reorganization of 1 July 2025 is already applied (Tỉnh ủy Kon Tum dissolved on ${result.dissolvedOn}): nothing changed.\n`,
      );
      return;
    }
    process.stdout.write(
      `Reorganization of 1 July 2025 applied (effective ${result.effectiveDate}).\n` +
        `Quảng Ngãi bodies created: ${result.bodiesCreated}. Bodies merged: ${result.bodiesMerged}.\n` +
        `Open assignments moved to a successor: ${result.assignmentsMoved}; ` +
        `closed because the successor already held the task: ${result.assignmentsFolded}; ` +
        `finished assignments left with the bodies that did them: ${result.assignmentsKept}.\n` +
        `Users moved to a successor: ${result.usersMoved}.\n`,
    );
  }
}
