import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { AuditModule } from '@dondoc/audit';
import { OrganizationsModule } from '@dondoc/organizations';

import { ConfidentialAuditReadout } from './confidential-audit-readout.js';
import { DocumentLink } from './document-link.entity.js';
import { DocumentParsePool } from './document-parse-pool.js';
import { DocumentReader } from './document-reader.js';
import { DirectiveDocument } from './document.entity.js';
import { DocumentsService } from './documents.service.js';
import { TaskAssignee, TaskSuggestion } from './task-assignee.entity.js';
import { Task } from './task.entity.js';
import { TasksService } from './tasks.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([DirectiveDocument, Task, TaskSuggestion, TaskAssignee, DocumentLink]),
    OrganizationsModule,
    AuditModule,
  ],
  providers: [DocumentParsePool, DocumentReader, DocumentsService, TasksService, ConfidentialAuditReadout],
  exports: [DocumentReader, DocumentsService, TasksService, ConfidentialAuditReadout],
})
export class DirectivesModule {}
