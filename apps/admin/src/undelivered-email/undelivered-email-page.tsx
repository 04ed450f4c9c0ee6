import ReplayIcon from '@mui/icons-material/Replay';
import {
  Alert,
  Button,
  Card,
  CardContent,
  CardHeader,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { Loading, Title, useLocaleState, useNotify, useTranslate } from 'react-admin';
import { useAllowed } from '../auth/use-allowed';
import { formatDateTime } from '../common/dates';
import { useGraphqlMutation, useGraphqlQuery, useInvalidateGraphql } from '../data/use-graphql';
import {
  RETRY_UNDELIVERED_EMAILS,
  UNDELIVERED_EMAILS,
  type UndeliveredEmail,
} from './undelivered-email-queries';

/**
 * E-mail that failed at least once and is not delivered, newest first: still retried with
 * back-off, or given up. An administrator sends one, or every given-up one, again.
 */
export const UndeliveredEmailPage = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const notify = useNotify();
  const invalidate = useInvalidateGraphql();
  const { list: mayList, retry: mayRetry } = useAllowed('UndeliveredEmail', ['list', 'retry'] as const);
  const emails = useGraphqlQuery<{ undeliveredEmails: UndeliveredEmail[] }>(
    ['undeliveredEmails'],
    UNDELIVERED_EMAILS,
    { perPage: 200 },
    { enabled: mayList },
  );
  const retry = useGraphqlMutation<{ retryUndeliveredEmails: number }, { ids?: string[] }>(
    RETRY_UNDELIVERED_EMAILS,
  );
  const send = async (ids?: string[]) => {
    try {
      const { retryUndeliveredEmails: count } = await retry.mutateAsync(ids ? { ids } : {});
      notify('app.undelivered_email.retried', { type: 'info', messageArgs: { smart_count: count } });
      await invalidate();
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    }
  };

  if (!mayList) return null;
  if (emails.isPending) return <Loading />;
  const rows = emails.data?.undeliveredEmails ?? [];
  return (
    <Card sx={{ mt: 2 }}>
      <Title title="app.undelivered_email.title" />
      <CardHeader
        title={translate('app.undelivered_email.title')}
        slotProps={{ title: { component: 'h1', variant: 'h5' } }}
        action={
          mayRetry && rows.some((row) => row.givenUpAt) ? (
            <Button startIcon={<ReplayIcon />} disabled={retry.isPending} onClick={() => send()}>
              {translate('app.undelivered_email.retry_all')}
            </Button>
          ) : null
        }
      />
      <CardContent>
        {emails.isError && <Alert severity="error">{(emails.error as Error).message}</Alert>}
        {rows.length === 0 ? (
          <Typography>{translate('app.undelivered_email.empty')}</Typography>
        ) : (
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{translate('app.undelivered_email.recipient')}</TableCell>
                <TableCell>{translate('app.undelivered_email.subject')}</TableCell>
                <TableCell align="right">{translate('app.undelivered_email.attempts')}</TableCell>
                <TableCell>{translate('app.undelivered_email.last_error')}</TableCell>
                <TableCell>{translate('app.undelivered_email.state')}</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((row) => (
                <TableRow key={row.id}>
                  <TableCell>
                    {row.recipientName}
                    <Typography variant="body2" color="text.secondary">
                      {row.recipientEmail}
                    </Typography>
                  </TableCell>
                  <TableCell>{row.subject}</TableCell>
                  <TableCell align="right">{row.attempts}</TableCell>
                  <TableCell sx={{ wordBreak: 'break-word' }}>{row.lastError}</TableCell>
                  <TableCell>
                    {row.givenUpAt
                      ? translate('app.undelivered_email.given_up', {
                          at: formatDateTime(row.givenUpAt, locale),
                        })
                      : translate('app.undelivered_email.next_attempt', {
                          at: formatDateTime(row.nextAttemptAt, locale),
                        })}
                  </TableCell>
                  <TableCell>
                    {mayRetry && (
                      <Button size="small" disabled={retry.isPending} onClick={() => send([row.id])}>
                        {translate('app.undelivered_email.retry')}
                      </Button>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
};
