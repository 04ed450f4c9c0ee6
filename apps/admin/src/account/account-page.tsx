import { Card, CardContent, CardHeader, Typography } from '@mui/material';
import { Loading, Title, useGetIdentity, usePermissions, useTranslate } from 'react-admin';

/** Who is signed in: name, e-mail, organization and roles, as the API returned them at login. */
export const AccountPage = () => {
  const translate = useTranslate();
  const { identity, isPending } = useGetIdentity();
  const { permissions: roles } = usePermissions<string[]>();
  if (isPending) return <Loading />;
  const organization: { name?: string } | null | undefined = identity?.organization;
  const rows: [label: string, value: string][] = [
    ['app.account.name', identity?.fullName ?? ''],
    ['app.account.email', typeof identity?.email === 'string' ? identity.email : ''],
    ['app.account.organization', organization?.name ?? translate('app.dashboard.no_organization')],
    [
      'app.account.roles',
      roles?.length
        ? roles.map((role) => translate(`domain.user_role.${role}`, { _: role })).join(', ')
        : translate('app.account.no_roles'),
    ],
  ];
  return (
    <Card sx={{ mt: 2 }}>
      <Title title="app.account.title" />
      <CardHeader title={translate('app.account.title')} slotProps={{ title: { component: 'h2' } }} />
      <CardContent>
        <Typography
          component="dl"
          sx={{ m: 0, display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: 1, columnGap: 3 }}
        >
          {rows.map(([label, value]) => (
            <Row key={label} label={translate(label)} value={value} />
          ))}
        </Typography>
      </CardContent>
    </Card>
  );
};

const Row = ({ label, value }: { label: string; value: string }) => (
  <>
    <Typography component="dt" sx={{ color: 'text.secondary' }}>
      {label}
    </Typography>
    <Typography component="dd" sx={{ m: 0 }}>
      {value}
    </Typography>
  </>
);
