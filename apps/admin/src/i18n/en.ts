import englishMessages from 'ra-language-english';
import type { TranslationMessages } from 'react-admin';
import { consoleEn } from './console.en';

/** English, the second language. Keys mirror vi.ts exactly (catalogues.test.ts checks). */
export const en: TranslationMessages = {
  ...englishMessages,
  ra: {
    ...englishMessages.ra,
    page: { ...englishMessages.ra.page, dashboard: 'Home' },
  },
  resources: consoleEn.resources,
  app: {
    ...consoleEn.app,
    name: 'Dondoc',
    tagline: 'Follow-up on assigned tasks',
    login: {
      heading: 'Sign in to Dondoc',
    },
    dashboard: {
      welcome: 'Welcome, %{name}',
      organization: 'Organization: %{organization}',
      no_organization: 'Not attached to an organization',
      intro:
        'Follow the progress of the tasks set by Party committees and government bodies in their directives, and follow up on what is due.',
    },
    account: {
      title: 'My account',
      name: 'Full name',
      email: 'Email',
      organization: 'Organization',
      roles: 'Roles',
      no_roles: 'No role assigned',
    },
  },
  domain: {
    ...consoleEn.domain,
    assignment_status: {
      NOT_STARTED: 'Not started',
      IN_PROGRESS: 'In progress',
      COMPLETION_REQUESTED: 'Awaiting completion confirmation',
      COMPLETED: 'Completed',
      CANCELLED: 'Cancelled',
    },
    timeliness: {
      ON_TRACK: 'In progress, within the deadline',
      DUE_SOON: 'Due soon',
      OVERDUE: 'Overdue (not completed)',
      COMPLETED_ON_TIME: 'Completed on time',
      COMPLETED_LATE: 'Completed late',
      CANCELLED: 'Cancelled',
    },
    assignment_role: {
      LEAD: 'Lead',
      COORDINATE: 'Coordinating',
    },
    report_status: {
      DRAFT: 'Draft',
      SUBMITTED: 'Submitted',
      ACCEPTED: 'Accepted',
      RETURNED: 'Returned',
    },
    cadence: {
      NONE: 'No periodic report',
      MONTHLY: 'Monthly',
      QUARTERLY: 'Quarterly',
      HALF_YEARLY: 'Half-yearly',
      YEARLY: 'Yearly',
    },
    user_role: {
      ADMIN: 'Administrator',
      SUPERVISOR: 'Standing Committee and office',
      ORG_OFFICER: 'Organization officer',
      INSPECTOR: 'Inspector',
      VIEWER: 'Viewer',
    },
  },
};
