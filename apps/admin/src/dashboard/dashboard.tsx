import { Card, CardContent, CardHeader, Typography } from '@mui/material';
import { Loading, Title, useGetIdentity, useTranslate } from 'react-admin';

/** The home page. Issue 7 gives each role its own; for now it says who is signed in, and for whom. */
export const Dashboard = () => {
  const translate = useTranslate();
  const { identity, isPending } = useGetIdentity();
  if (isPending) return <Loading />;
  const organization: { name?: string } | null | undefined = identity?.organization;
  return (
    <Card sx={{ mt: 2 }}>
      <Title title="ra.page.dashboard" />
      <CardHeader
        title={translate('app.dashboard.welcome', { name: identity?.fullName ?? '' })}
        subheader={
          organization?.name
            ? translate('app.dashboard.organization', { organization: organization.name })
            : translate('app.dashboard.no_organization')
        }
        slotProps={{ title: { component: 'h2' } }}
      />
      <CardContent>
        <Typography>{translate('app.dashboard.intro')}</Typography>
      </CardContent>
    </Card>
  );
};
