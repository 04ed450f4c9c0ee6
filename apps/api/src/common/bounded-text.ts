import { Field } from '@nestjs/graphql';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

import { limitDescription, textTooLongMessage } from '@dondoc/platform';

export interface BoundedTextOptions {
  nullable?: boolean;
  description?: string;
  /** A list of strings, each bounded (`[String!]`). */
  list?: boolean;
  /** Refuse the empty string. */
  required?: boolean;
  /**
   * The service checks the limit itself, because refusing it here would skip work the
   * service must do first (login counts an oversized attempt against the throttle).
   */
  checkedByService?: boolean;
}

/**
 * A free-text input field or argument with its longest length, declared once: the GraphQL
 * field, its description stating the limit, and the class-validator checks whose message
 * names the field and the limit in Vietnamese and English (see validation-exception.ts).
 */
export function BoundedText(limit: number, options: BoundedTextOptions = {}): PropertyDecorator {
  return (target, key) => {
    const field = String(key);
    const description = [options.description, limitDescription(limit)].filter(Boolean).join(' ');
    const each = options.list === true;
    Field(() => (each ? [String] : String), { nullable: options.nullable, description })(target, key);
    if (options.nullable) IsOptional()(target, key);
    IsString({ each })(target, key);
    if (options.required) MinLength(1, { each })(target, key);
    if (options.checkedByService) return;
    const message = textTooLongMessage(field, limit);
    MaxLength(limit, { each, message: message.en, context: message })(target, key);
  };
}
