import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { Box, Card, CardContent, IconButton, Typography } from '@mui/material';
import { useMemo, useState } from 'react';
import { Link, Loading, Title, useGetList, useTranslate } from 'react-admin';
import { buildTree, type OrganizationNode } from './tree';

interface Organization {
  id: string;
  name: string;
  shortName?: string | null;
  parent?: { id: string } | null;
}

/**
 * The organizations as a tree that expands a level at a time. Every body the caller may
 * see is read in one request (a province has a few hundred), then nested here.
 */
export const OrganizationTree = () => {
  const translate = useTranslate();
  const { data, isPending, error } = useGetList<Organization>('Organization', {
    pagination: { page: 1, perPage: 1000 },
    sort: { field: 'path', order: 'ASC' },
  });
  const roots = useMemo(() => buildTree(data ?? []), [data]);
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const toggle = (id: string) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  if (isPending) return <Loading />;
  return (
    <Card sx={{ mt: 2 }}>
      <Title title="app.organizations.tree" />
      <CardContent>
        <Typography component="h1" variant="h5" gutterBottom>
          {translate('app.organizations.tree')}
        </Typography>
        {error && <Typography color="error">{String((error as Error).message)}</Typography>}
        <Box
          component="ul"
          role="tree"
          aria-label={translate('app.organizations.tree')}
          sx={{ listStyle: 'none', m: 0, p: 0 }}
        >
          {roots.map((node) => (
            <TreeItem key={node.organization.id} node={node} depth={0} expanded={expanded} toggle={toggle} />
          ))}
        </Box>
      </CardContent>
    </Card>
  );
};

const TreeItem = ({
  node,
  depth,
  expanded,
  toggle,
}: {
  node: OrganizationNode<Organization>;
  depth: number;
  expanded: Set<string>;
  toggle: (id: string) => void;
}) => {
  const translate = useTranslate();
  const { organization, children } = node;
  const isOpen = expanded.has(organization.id);
  return (
    <Box
      component="li"
      role="treeitem"
      aria-expanded={children.length ? isOpen : undefined}
      aria-level={depth + 1}
      sx={{ pl: depth ? 3 : 0 }}
    >
      <Box sx={{ display: 'flex', alignItems: 'center', minHeight: 40 }}>
        {children.length ? (
          <IconButton
            size="small"
            onClick={() => toggle(organization.id)}
            aria-label={translate(isOpen ? 'app.organizations.collapse' : 'app.organizations.expand', {
              name: organization.name,
            })}
          >
            {isOpen ? <ExpandMoreIcon /> : <ChevronRightIcon />}
          </IconButton>
        ) : (
          <Box sx={{ width: 34 }} />
        )}
        <Link to={`/Organization/${organization.id}/show`}>{organization.name}</Link>
        {children.length > 0 && (
          <Typography component="span" variant="body2" sx={{ color: 'text.secondary', ml: 1 }}>
            ({children.length})
          </Typography>
        )}
      </Box>
      {isOpen && (
        <Box component="ul" role="group" sx={{ listStyle: 'none', m: 0, p: 0 }}>
          {children.map((child) => (
            <TreeItem
              key={child.organization.id}
              node={child}
              depth={depth + 1}
              expanded={expanded}
              toggle={toggle}
            />
          ))}
        </Box>
      )}
    </Box>
  );
};
