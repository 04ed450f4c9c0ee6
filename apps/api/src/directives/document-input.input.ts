import { Field, InputType } from '@nestjs/graphql';
import { IsBoolean, IsOptional } from 'class-validator';

import { TEXT_LIMITS } from '@dondoc/platform';

import { BoundedText } from '../common/bounded-text.js';

/** A document to read: pasted text, or a .txt, .docx or .pdf file in base64 (one of the two). */
@InputType('DocumentInput')
export class DocumentInput {
  @BoundedText(TEXT_LIMITS.fileName, {
    nullable: true,
    description: 'The file name; its extension says how to read the file.',
  })
  fileName?: string | null;

  @BoundedText(TEXT_LIMITS.documentText, { nullable: true, description: 'The text of the document, pasted.' })
  text?: string | null;

  @BoundedText(TEXT_LIMITS.documentFileBase64, {
    nullable: true,
    description: 'The file, base64-encoded (20 MB at most).',
  })
  fileBase64?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'importDocument: store it as confidential (văn bản mật): its content is read only by the supervisors of its owner and, each its own task, by the bodies assigned. Ignored by parseDocument.',
  })
  @IsOptional()
  @IsBoolean()
  confidential?: boolean | null;
}
