import { Skeleton } from '@mui/material';
import { useGraphqlQuery } from '../data/use-graphql';
import { LoadError } from '../dashboard/home-widgets';
import { WHAT_MOVES, type WhatMoves } from './lineage-queries';

/** The confirmation's sentence, with how many open assignments, people and child bodies move. */
export const WhatMovesText = ({
  organizationId,
  render,
}: {
  organizationId: string;
  render: (counts: { assignments: number; users: number; children: number }) => string;
}) => {
  const { data, error } = useGraphqlQuery<WhatMoves>(['what-moves'], WHAT_MOVES, { id: organizationId });
  if (error) return <LoadError error={error} />;
  if (!data) return <Skeleton />;
  return (
    <>
      {render({
        assignments: data.assignments.count,
        users: data.users.count,
        children: data.children.count,
      })}
    </>
  );
};
