// One cadence for tasks and assignments: the enum lives with the tasks (directives), which
// assignments build on.
export { Cadence } from '@dondoc/directives';
