import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  LinearProgress,
  Stack,
  Step,
  StepLabel,
  Stepper,
  Typography,
} from '@mui/material';
import { useEffect, useState } from 'react';
import { Link, Title, useTranslate } from 'react-admin';
import { useParams } from 'react-router-dom';
import { errorDetails } from '../data/graphql-errors';
import { useInvalidateGraphql } from '../data/use-graphql';
import { graphqlRequest } from '../providers';
import { type AssigneeRow, initialAssignees, toAssigneeInputs } from './assignees';
import { AssigneesStep } from './assignees-step';
import {
  DRAFT_DOCUMENT,
  type DocumentOutline,
  type DraftDocument,
  IMPORT_DOCUMENT,
  PARSE_DOCUMENT,
  PUBLISH_DOCUMENT,
  SET_TASK_ASSIGNEES,
} from './import-queries';
import { OutlinePreview } from './outline-preview';
import { SourceStep, type SourceInput } from './source-step';

const STEPS = ['source', 'preview', 'assignees', 'publish'] as const;
type Work = { label: string; done?: number; total?: number } | null;

/**
 * Import → review → assign → publish. `/import` starts from a file or pasted text;
 * `/import/<documentId>` reopens a draft at the assignment step.
 */
export const ImportWizard = () => {
  const translate = useTranslate();
  const invalidate = useInvalidateGraphql();
  const { documentId } = useParams();
  const [step, setStep] = useState(0);
  const [source, setSource] = useState<SourceInput | null>(null);
  const [outline, setOutline] = useState<DocumentOutline | null>(null);
  const [draft, setDraft] = useState<DraftDocument | null>(null);
  const [rows, setRows] = useState<Record<string, AssigneeRow[]>>({});
  const [work, setWork] = useState<Work>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [published, setPublished] = useState<{ id: string; number: string | null } | null>(null);

  const openDraft = (document: DraftDocument) => {
    setDraft(document);
    setRows(Object.fromEntries(document.tasks.map((task) => [task.id, initialAssignees(task)])));
    setStep(2);
  };

  const run = async (label: string, action: () => Promise<void>) => {
    setWork({ label });
    setFailure(null);
    try {
      await action();
    } catch (error) {
      setFailure(errorDetails(error).message || translate('ra.notification.http_error'));
    } finally {
      setWork(null);
    }
  };

  useEffect(() => {
    if (!documentId) return;
    void run('app.import.loading_draft', async () => {
      const { Document } = await graphqlRequest<{ Document: DraftDocument | null }>(DRAFT_DOCUMENT, {
        id: documentId,
      });
      if (!Document) throw new Error(translate('ra.page.not_found'));
      if (Document.status !== 'DRAFT') {
        setPublished({ id: Document.id, number: Document.number });
        setStep(3);
        return;
      }
      openDraft(Document);
    });
    // Load once per document.
  }, [documentId]);

  const read = (input: SourceInput) =>
    run('app.import.reading', async () => {
      setSource(input);
      const { parseDocument } = await graphqlRequest<{ parseDocument: DocumentOutline }>(PARSE_DOCUMENT, {
        input,
      });
      setOutline(parseDocument);
      setStep(1);
    });

  const importDraft = () =>
    run('app.import.importing', async () => {
      const { importDocument } = await graphqlRequest<{ importDocument: DraftDocument }>(IMPORT_DOCUMENT, {
        input: source,
      });
      openDraft(importDocument);
    });

  const saveAndPublish = async () => {
    if (!draft) return;
    setFailure(null);
    // Tasks given to someone, and those whose earlier plan was emptied here.
    const tasks = draft.tasks.filter(
      (task) => (rows[task.id] ?? []).some((row) => row.organization) || task.plannedAssignees.length > 0,
    );
    try {
      for (const [index, task] of tasks.entries()) {
        setWork({ label: 'app.import.saving', done: index, total: tasks.length });
        await graphqlRequest(SET_TASK_ASSIGNEES, {
          taskId: task.id,
          assignees: toAssigneeInputs(rows[task.id] ?? []),
        });
      }
      setWork({ label: 'app.import.publishing' });
      const { publishDocument } = await graphqlRequest<{
        publishDocument: { id: string; number: string | null };
      }>(PUBLISH_DOCUMENT, {
        id: draft.id,
      });
      setPublished(publishDocument);
      setStep(3);
      await invalidate();
    } catch (error) {
      setFailure(errorDetails(error).message || translate('ra.notification.http_error'));
    } finally {
      setWork(null);
    }
  };

  return (
    <Box sx={{ mt: 2, pb: 2 }}>
      <Title title="app.import.title" />
      <Typography component="h1" variant="h5" gutterBottom>
        {translate('app.import.title')}
      </Typography>
      <Stepper
        activeStep={step}
        alternativeLabel
        sx={{ mb: 2 }}
        aria-label={translate('app.import.progress')}
      >
        {STEPS.map((name) => (
          <Step key={name}>
            <StepLabel>{translate(`app.import.steps.${name}`)}</StepLabel>
          </Step>
        ))}
      </Stepper>
      {work && (
        <Box role="status" aria-live="polite" sx={{ mb: 2 }}>
          <Typography variant="body2">
            {translate(work.label, { done: (work.done ?? 0) + 1, total: work.total ?? 0 })}
          </Typography>
          {work.total ? (
            <LinearProgress
              variant="determinate"
              value={(100 * (work.done ?? 0)) / work.total}
              aria-label={translate(work.label, { done: (work.done ?? 0) + 1, total: work.total })}
            />
          ) : (
            <LinearProgress aria-label={translate(work.label, { done: 0, total: 0 })} />
          )}
        </Box>
      )}
      {failure && (
        <Alert severity="error" role="alert" sx={{ mb: 2 }}>
          {failure}
        </Alert>
      )}
      <Card>
        <CardContent>
          {step === 0 && <SourceStep onRead={read} busy={work !== null} />}
          {step === 1 && outline && (
            <>
              <OutlinePreview outline={outline} />
              <Stack direction="row" spacing={1} sx={{ mt: 2, justifyContent: 'flex-end' }}>
                <Button onClick={() => setStep(0)} disabled={work !== null}>
                  {translate('app.import.back')}
                </Button>
                <Button variant="contained" onClick={() => void importDraft()} disabled={work !== null}>
                  {translate('app.import.import')}
                </Button>
              </Stack>
            </>
          )}
          {step === 2 && draft && (
            <AssigneesStep
              document={draft}
              rows={rows}
              onChange={(taskId, next) => setRows((current) => ({ ...current, [taskId]: next }))}
              onPublish={() => void saveAndPublish()}
              busy={work !== null}
            />
          )}
          {step === 3 && published && (
            <Stack spacing={2} sx={{ alignItems: 'flex-start' }}>
              <Alert severity="success">
                {translate('app.import.published', { number: published.number ?? '' })}
              </Alert>
              <Button variant="contained" component={Link} to={`/Document/${published.id}/show`}>
                {translate('app.import.open_document')}
              </Button>
            </Stack>
          )}
        </CardContent>
      </Card>
    </Box>
  );
};
