import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';

import { type User, UsersService } from '@dondoc/identity';
import type { Caller } from '@dondoc/identity';
import { type Inspection, InspectionsService } from '@dondoc/oversight';
import type { AccessScope } from '@dondoc/organizations';
import { MAX_PER_PAGE } from '@dondoc/platform';

/**
 * Per-request batch loaders of the inspections side: a page of assignments that each show
 * their inspections costs one query, not one per assignment. Created for the caller, so
 * they only load what the caller may see (an inspector out of the caller's sight is null).
 */
export class InspectionLoaders {
  /** By assignment, newest first. */
  readonly byAssignment: DataLoader<string, Inspection[]>;
  readonly openCount: DataLoader<string, number>;
  readonly user: DataLoader<string, User | null>;

  constructor(scope: AccessScope, inspections: InspectionsService, users: UsersService) {
    this.byAssignment = new DataLoader(async (ids) => {
      const groups = new Map<string, Inspection[]>();
      for (const inspection of await inspections.byAssignments(scope, ids)) {
        groups.set(inspection.assignmentId, [...(groups.get(inspection.assignmentId) ?? []), inspection]);
      }
      return ids.map((id) => groups.get(id) ?? []);
    });
    this.openCount = new DataLoader(async (ids) => {
      const counts = await inspections.openCounts(scope, ids);
      return ids.map((id) => counts.get(id) ?? 0);
    });
    this.user = new DataLoader(async (ids) => {
      const found = new Map<string, User>();
      for (let start = 0; start < ids.length; start += MAX_PER_PAGE) {
        const chunk = ids.slice(start, start + MAX_PER_PAGE);
        for (const user of await users.list(scope, { ids: [...chunk] }, { perPage: MAX_PER_PAGE }))
          found.set(user.id, user);
      }
      return ids.map((id) => found.get(id) ?? null);
    });
  }
}

/** Hands each request its own inspection loaders, created on first use once the caller is known. */
@Injectable()
export class InspectionLoadersFactory {
  constructor(
    private readonly inspections: InspectionsService,
    private readonly users: UsersService,
  ) {}

  of(req: { caller?: Caller; inspectionLoaders?: InspectionLoaders }): InspectionLoaders {
    req.inspectionLoaders ??= new InspectionLoaders(
      req.caller?.scope ?? { kind: 'subtrees', paths: [] },
      this.inspections,
      this.users,
    );
    return req.inspectionLoaders;
  }
}
