import { Loading, usePermissions } from 'react-admin';
import { InspectorHome } from './inspector-home';
import { OfficerHome } from './officer-home';
import { pickHome } from './pick-home';
import { SupervisorHome } from './supervisor-home';

/** The home page: one per role (pick-home.ts decides which). */
export const Dashboard = () => {
  const { permissions: roles, isPending } = usePermissions<string[]>();
  if (isPending) return <Loading />;
  switch (pickHome(roles)) {
    case 'supervisor':
      return <SupervisorHome />;
    case 'inspector':
      return <InspectorHome />;
    case 'officer':
      return <OfficerHome />;
    case 'overview':
      // A viewer reads the same figures as the office, without its queue.
      return <SupervisorHome />;
  }
};
