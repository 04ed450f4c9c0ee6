import { Route } from 'react-router';
import { Admin, CustomRoutes } from 'react-admin';
import { AccountPage } from './account/account-page';
import { LoginPage } from './auth/login-page';
import { Dashboard } from './dashboard/dashboard';
import { i18nProvider } from './i18n/i18n-provider';
import { DondocLayout } from './layout/layout';
import { theme } from './layout/theme';
import { authProvider, dataProvider } from './providers';

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
    {/* Resources go here (issue 7), one folder each: documents, tasks, assignments,
        progress reports, extension requests, inspections, organizations, users,
        notifications, audit. Until the first one, the account page is also what lets
        react-admin show the layout and dashboard rather than its "empty admin" page. */}
    <CustomRoutes>
      <Route path="/account" element={<AccountPage />} />
    </CustomRoutes>
  </Admin>
);
