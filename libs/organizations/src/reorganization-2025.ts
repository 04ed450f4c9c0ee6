import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';

import { SYSTEM_ACTOR } from '@dondoc/audit';
import { DomainErrorCode, DomainException } from '@dondoc/platform';

import { ALL_ORGANIZATIONS } from './access-scope.js';
import { LineageService } from './lineage.service.js';
import { OrganizationSeeder } from './organization-seeder.js';
import { Organization } from './organization.entity.js';
import {
  QUANG_NGAI_2025,
  REORGANIZATION_2025_DATE,
  REORGANIZATION_2025_STEPS,
} from './reorganization-2025.data.js';

export type Reorganization2025Result =
  | { applied: false; dissolvedOn: string | null }
  | {
      applied: true;
      effectiveDate: string;
      /** Quảng Ngãi bodies created (the others already existed). */
      bodiesCreated: number;
      bodiesMerged: number;
      /** Open assignments of the Kon Tum bodies now held by a Quảng Ngãi body. */
      assignmentsMoved: number;
      /** Open assignments closed because the successor already held the task. */
      assignmentsFolded: number;
      /** Finished assignments, left with the bodies that did them. */
      assignmentsKept: number;
      usersMoved: number;
    };

const OPEN = `('NOT_STARTED','IN_PROGRESS','COMPLETION_REQUESTED')`;

/**
 * `cli scenario reorganize-2025`: applies the reorganization of 1 July 2025 to the Kon Tum
 * bodies of the demo data, in one transaction. Once the Tỉnh ủy Kon Tum is dissolved it is
 * applied: a second run changes nothing and says so. A body already dissolved by hand is
 * skipped, not merged twice.
 */
@Injectable()
export class Reorganization2025 {
  constructor(
    private readonly dataSource: DataSource,
    private readonly seeder: OrganizationSeeder,
    private readonly lineage: LineageService,
  ) {}

  apply(): Promise<Reorganization2025Result> {
    return this.dataSource.transaction(async (manager) => {
      // Two runs at once: the second waits, then finds the work done.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('scenario:reorganize-2025'))`);
      const repository = manager.getRepository(Organization);
      const konTum = await repository.findOneBy({ key: 'kt.tu' });
      if (!konTum) {
        throw new DomainException(DomainErrorCode.NOT_FOUND, {
          en: 'The Kon Tum bodies are not there: run "seed" first',
          vi: 'Chưa có các cơ quan của tỉnh Kon Tum: hãy chạy lệnh "seed" trước',
        });
      }
      if (!konTum.active) return { applied: false, dissolvedOn: konTum.dissolvedOn };

      const before = (await manager.query(
        `SELECT a.id, a.status IN ${OPEN} AS open FROM assignments a
           JOIN organizations o ON o.id = a.organization_id WHERE o.key LIKE 'kt.%'`,
      )) as { id: string; open: boolean }[];
      const usersBefore = (await manager.query(
        `SELECT count(*)::int AS n FROM users u JOIN organizations o ON o.id = u.organization_id
          WHERE o.key LIKE 'kt.%'`,
      )) as [{ n: number }];

      const seeded = await this.seeder.seedWith(manager, QUANG_NGAI_2025);
      const keys = [...new Set(REORGANIZATION_2025_STEPS.flatMap((step) => [...step.sources, step.target]))];
      const byKey = new Map(
        (await repository.findBy({ key: In(keys) })).map((organization) => [organization.key!, organization]),
      );
      let bodiesMerged = 0;
      for (const step of REORGANIZATION_2025_STEPS) {
        const target = byKey.get(step.target);
        if (!target) continue;
        // Read the activity now: an earlier step may have dissolved a body.
        const sources = await repository.findBy({
          id: In(step.sources.flatMap((key) => byKey.get(key)?.id ?? [])),
          active: true,
        });
        if (sources.length === 0) continue;
        await this.lineage.mergeWith(
          manager,
          ALL_ORGANIZATIONS,
          {
            sourceIds: sources.map((source) => source.id),
            targetId: target.id,
            effectiveDate: REORGANIZATION_2025_DATE,
            note: step.note,
          },
          SYSTEM_ACTOR,
        );
        bodiesMerged += sources.length;
      }

      const openIds = before.filter((row) => row.open).map((row) => row.id);
      const [after] = (await manager.query(
        `SELECT count(*) FILTER (WHERE o.key LIKE 'qn.%' AND a.status IN ${OPEN})::int AS moved,
                count(*) FILTER (WHERE a.status = 'CANCELLED')::int AS folded
           FROM assignments a JOIN organizations o ON o.id = a.organization_id
          WHERE a.id = ANY($1::uuid[])`,
        [openIds],
      )) as [{ moved: number; folded: number }];
      const usersAfter = (await manager.query(
        `SELECT count(*)::int AS n FROM users u JOIN organizations o ON o.id = u.organization_id
          WHERE o.key LIKE 'kt.%'`,
      )) as [{ n: number }];
      return {
        applied: true,
        effectiveDate: REORGANIZATION_2025_DATE,
        bodiesCreated: seeded.created,
        bodiesMerged,
        assignmentsMoved: after.moved,
        assignmentsFolded: after.folded,
        assignmentsKept: before.length - openIds.length,
        usersMoved: usersBefore[0].n - usersAfter[0].n,
      };
    });
  }
}
