import { Field, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, MaxLength } from 'class-validator';

/** A document to read: pasted text, or a .txt, .docx or .pdf file in base64 (one of the two). */
@InputType('DocumentInput')
export class DocumentInput {
  @Field(() => String, {
    nullable: true,
    description: 'The file name; its extension says how to read the file.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  fileName?: string | null;

  @Field(() => String, { nullable: true, description: 'The text of the document, pasted.' })
  @IsOptional()
  @IsString()
  @MaxLength(20_000_000)
  text?: string | null;

  @Field(() => String, { nullable: true, description: 'The file, base64-encoded (20 MB at most).' })
  @IsOptional()
  @IsString()
  @MaxLength(28_000_000)
  fileBase64?: string | null;
}
