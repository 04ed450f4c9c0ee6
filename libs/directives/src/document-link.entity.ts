import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A citation between two documents that are both in the system, kept so each shows the other. */
@Entity('document_links')
export class DocumentLink {
  @PrimaryColumn({ type: 'uuid' })
  citingDocumentId: string;

  @PrimaryColumn({ type: 'uuid' })
  citedDocumentId: string;

  /** The number and symbol as cited ("25-NQ/TW"). */
  @Column({ type: 'text' })
  reference: string;
}
