import { Field, ID } from '@nestjs/graphql';
import { ArrayMaxSize, IsOptional, IsString } from 'class-validator';

import { MAX_IDS_PER_LIST } from '@dondoc/platform';

/** The description of every list of ids, stating its cap. */
export const IDS_DESCRIPTION = `At most ${MAX_IDS_PER_LIST.toLocaleString('en-US')} ids.`;

/**
 * A list of ids (`[ID!]`) capped at MAX_IDS_PER_LIST, declared once: each id's shape is checked
 * by the input guard (a real UUID), the count here.
 */
export function IdList(options: { nullable?: boolean } = {}): PropertyDecorator {
  return (target, key) => {
    Field(() => [ID], { nullable: options.nullable, description: IDS_DESCRIPTION })(target, key);
    if (options.nullable) IsOptional()(target, key);
    IsString({ each: true })(target, key);
    ArrayMaxSize(MAX_IDS_PER_LIST)(target, key);
  };
}
