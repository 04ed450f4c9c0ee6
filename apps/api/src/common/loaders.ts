import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';

import {
  type Assignment,
  AssignmentQuery,
  type ExtensionRequest,
  ExtensionRequestsService,
  type ProgressReport,
  ProgressReportsService,
} from '@dondoc/assignments';
import {
  type ContentReader,
  type DirectiveDocument,
  DocumentsService,
  type Task,
  type TaskAssignee,
  type TaskSuggestion,
  TasksService,
} from '@dondoc/directives';
import type { Caller } from '@dondoc/identity';
import { LineageService, type Organization, OrganizationsService } from '@dondoc/organizations';

/**
 * Per-request batch loaders: a page of 25 assignments that each show their task, document
 * and organization costs one query per relation, not 25. Created for the caller, so they
 * only ever load what the caller may see.
 */
export class Loaders {
  readonly organization: DataLoader<string, Organization | null>;
  readonly document: DataLoader<string, DirectiveDocument | null>;
  readonly task: DataLoader<string, Task | null>;
  readonly assignment: DataLoader<string, Assignment | null>;
  readonly childTasks: DataLoader<string, Task[]>;
  readonly suggestions: DataLoader<string, TaskSuggestion[]>;
  readonly plannedAssignees: DataLoader<string, TaskAssignee[]>;
  readonly taskAssignments: DataLoader<string, Assignment[]>;
  readonly childAssignments: DataLoader<string, Assignment[]>;
  readonly documentTasks: DataLoader<string, Task[]>;
  readonly reports: DataLoader<string, ProgressReport[]>;
  readonly extensions: DataLoader<string, ExtensionRequest[]>;
  readonly successors: DataLoader<string, Organization[]>;
  readonly predecessors: DataLoader<string, Organization[]>;

  /** `reader` is the caller: its scope limits every load, and it decides what of a confidential directive shows. */
  constructor(reader: ContentReader, services: LoaderServices) {
    const scope = reader.scope;
    this.organization = byId((ids) => services.organizations.findByIds(scope, ids));
    this.document = byId((ids) => services.documents.findByIds(reader, ids));
    this.task = byId((ids) => services.tasks.findByIds(reader, ids));
    this.assignment = byId((ids) => services.assignments.findByIds(reader, ids));
    this.childTasks = grouped(
      (ids) => services.tasks.childrenOf(reader, ids),
      (task) => task.parentId,
    );
    this.suggestions = grouped(
      (ids) => services.tasks.suggestionsOf(reader, ids),
      (s) => s.taskId,
    );
    this.plannedAssignees = grouped(
      (ids) => services.tasks.plannedAssigneesOf(ids),
      (p) => p.taskId,
    );
    this.taskAssignments = grouped(
      (ids) => services.assignments.byTasks(reader, ids),
      (a) => a.taskId,
    );
    this.childAssignments = grouped(
      (ids) => services.assignments.byParents(reader, ids),
      (a) => a.parentAssignmentId,
    );
    this.documentTasks = grouped(
      (ids) => services.tasks.byDocuments(reader, ids),
      (task) => task.documentId,
    );
    this.reports = grouped(
      (ids) => services.reports.byAssignments(reader, ids),
      (report) => report.assignmentId,
    );
    this.extensions = grouped(
      (ids) => services.extensions.byAssignments(reader, ids),
      (request) => request.assignmentId,
    );
    this.successors = new DataLoader(async (ids) => {
      const found = await services.lineage.successorsOf(scope, ids);
      return ids.map((id) => found.get(id) ?? []);
    });
    this.predecessors = new DataLoader(async (ids) => {
      const found = await services.lineage.predecessorsOf(scope, ids);
      return ids.map((id) => found.get(id) ?? []);
    });
  }
}

interface LoaderServices {
  organizations: OrganizationsService;
  documents: DocumentsService;
  tasks: TasksService;
  assignments: AssignmentQuery;
  reports: ProgressReportsService;
  extensions: ExtensionRequestsService;
  lineage: LineageService;
}

/** Hands each request its own loaders, created on first use once the caller is known. */
@Injectable()
export class LoadersFactory {
  constructor(
    private readonly organizations: OrganizationsService,
    private readonly documents: DocumentsService,
    private readonly tasks: TasksService,
    private readonly assignments: AssignmentQuery,
    private readonly reports: ProgressReportsService,
    private readonly extensions: ExtensionRequestsService,
    private readonly lineage: LineageService,
  ) {}

  of(req: { caller?: Caller; loaders?: Loaders }): Loaders {
    req.loaders ??= new Loaders(req.caller ?? NOBODY, {
      organizations: this.organizations,
      documents: this.documents,
      tasks: this.tasks,
      assignments: this.assignments,
      reports: this.reports,
      extensions: this.extensions,
      lineage: this.lineage,
    });
    return req.loaders;
  }
}

/** No caller (never reached behind the guard): sees nothing. */
const NOBODY: ContentReader = { scope: { kind: 'subtrees', paths: [] }, organizationId: '', roles: [] };

function byId<T extends { id: string }>(
  load: (ids: readonly string[]) => Promise<T[]>,
): DataLoader<string, T | null> {
  return new DataLoader(async (ids) => {
    const found = new Map((await load(ids)).map((item) => [item.id, item]));
    return ids.map((id) => found.get(id) ?? null);
  });
}

function grouped<T>(
  load: (ids: readonly string[]) => Promise<T[]>,
  keyOf: (item: T) => string | null,
): DataLoader<string, T[]> {
  return new DataLoader(async (ids) => {
    const groups = new Map<string, T[]>();
    for (const item of await load(ids)) {
      const key = keyOf(item);
      if (key === null) continue;
      const group = groups.get(key);
      if (group) group.push(item);
      else groups.set(key, [item]);
    }
    return ids.map((id) => groups.get(id) ?? []);
  });
}
