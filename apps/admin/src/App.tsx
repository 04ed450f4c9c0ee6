import { Route } from 'react-router';
import { Admin, CustomRoutes, Resource } from 'react-admin';
import { AccountPage } from './account/account-page';
import assignments from './assignments';
import audit from './audit';
import { LoginPage } from './auth/login-page';
import { CalendarPage } from './calendar/calendar-page';
import { Dashboard } from './dashboard/dashboard';
import documents from './documents';
import extensionRequests from './extension-requests';
import { i18nProvider } from './i18n/i18n-provider';
import { ImportWizard } from './import/import-wizard';
import inspections from './inspections';
import { DondocLayout } from './layout/layout';
import { theme } from './layout/theme';
import notifications from './notifications';
import organizations from './organizations';
import { OrganizationTree } from './organizations/organization-tree';
import progressReports from './progress-reports';
import { authProvider, dataProvider } from './providers';
import tasks from './tasks';
import { UndeliveredEmailPage } from './undelivered-email/undelivered-email-page';
import users from './users';

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
