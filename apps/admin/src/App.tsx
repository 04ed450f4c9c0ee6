import { Route } from 'react-router';
import { Admin, CustomRoutes, Resource } from 'react-admin';
import assignments from './assignments';
import audit from './audit';
import { lazyPage } from './common/lazy-page';
import { LoginPage } from './auth/login-page';
import documents from './documents';
import extensionRequests from './extension-requests';
import { i18nProvider } from './i18n/i18n-provider';
import inspections from './inspections';
import { DondocLayout } from './layout/layout';
import { theme } from './layout/theme';
import notifications from './notifications';
import organizations from './organizations';
import progressReports from './progress-reports';
import { authProvider, dataProvider } from './providers';
import tasks from './tasks';
import users from './users';

// Every screen but the sign-in form loads with its first showing (common/lazy-page.ts).
const AccountPage = lazyPage(() => import('./account/account-page'), 'AccountPage');
const CalendarPage = lazyPage(() => import('./calendar/calendar-page'), 'CalendarPage');
const Dashboard = lazyPage(() => import('./dashboard/dashboard'), 'Dashboard');
const ImportWizard = lazyPage(() => import('./import/import-wizard'), 'ImportWizard');
const OrganizationTree = lazyPage(() => import('./organizations/organization-tree'), 'OrganizationTree');
const UndeliveredEmailPage = lazyPage(
  () => import('./undelivered-email/undelivered-email-page'),
  'UndeliveredEmailPage',
);

/** The console's table of contents: resource names are the API's type names (ra-data-graphql-simple). */
export const App = () => (
  <Admin
    title="Dondoc"
    authProvider={authProvider}
    dataProvider={dataProvider}
    i18nProvider={i18nProvider}
    loginPage={LoginPage}
    dashboard={Dashboard}
    layout={DondocLayout}
    theme={theme}
    requireAuth
    disableTelemetry
  >
    <Resource name="Assignment" {...assignments} />
    <Resource name="Document" {...documents} />
    <Resource name="Task" {...tasks} />
    <Resource name="ProgressReport" {...progressReports} />
    <Resource name="ExtensionRequest" {...extensionRequests} />
    <Resource name="Inspection" {...inspections} />
    <Resource name="Organization" {...organizations} />
    <Resource name="User" {...users} />
    <Resource name="Notification" {...notifications} />
    <Resource name="AuditEvent" {...audit} />
    <CustomRoutes>
      <Route path="/account" element={<AccountPage />} />
      <Route path="/import" element={<ImportWizard />} />
      <Route path="/import/:documentId" element={<ImportWizard />} />
      <Route path="/calendar" element={<CalendarPage />} />
      <Route path="/organizations/tree" element={<OrganizationTree />} />
      <Route path="/undelivered-email" element={<UndeliveredEmailPage />} />
    </CustomRoutes>
  </Admin>
);
