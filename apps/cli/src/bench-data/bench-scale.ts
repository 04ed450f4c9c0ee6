/** How big a data set is (QUALITY.md "Data sets"; `tiny` for tests, `peer` for the Redmine comparison). */
export interface BenchScale {
  name: string;
  provinces: number;
  organizations: number;
  documents: number;
  tasksPerDocument: number;
  assignmentsPerTask: number;
  reportsPerAssignment: number;
}

export const BENCH_SCALES: Record<string, BenchScale> = {
  tiny: {
    name: 'tiny',
    provinces: 1,
    organizations: 25,
    documents: 4,
    tasksPerDocument: 5,
    assignmentsPerTask: 10,
    reportsPerAssignment: 2,
  },
  // The same filtered list as the Redmine peer: 2,000 assignments (issues).
  peer: {
    name: 'peer',
    provinces: 1,
    organizations: 120,
    documents: 10,
    tasksPerDocument: 10,
    assignmentsPerTask: 20,
    reportsPerAssignment: 2,
  },
  province: {
    name: 'province',
    provinces: 1,
    organizations: 120,
    documents: 50,
    tasksPerDocument: 10,
    assignmentsPerTask: 20,
    reportsPerAssignment: 4,
  },
  nation: {
    name: 'nation',
    provinces: 34,
    organizations: 25_000,
    documents: 2_000,
    tasksPerDocument: 10,
    assignmentsPerTask: 50,
    reportsPerAssignment: 3,
  },
};

export function benchScale(name: string): BenchScale {
  const scale = BENCH_SCALES[name];
  if (!scale) {
    throw new Error(`Unknown scale "${name}": one of ${Object.keys(BENCH_SCALES).join(', ')}`);
  }
  return scale;
}

export function expectedCounts(scale: BenchScale) {
  const tasks = scale.documents * scale.tasksPerDocument;
  const assignments = tasks * scale.assignmentsPerTask;
  return {
    organizations: scale.organizations,
    documents: scale.documents,
    tasks,
    assignments,
    progressReports: assignments * scale.reportsPerAssignment,
  };
}
