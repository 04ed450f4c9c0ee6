import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';

import { PublishingService } from '@dondoc/assignments';
import type { AuditActor } from '@dondoc/audit';
import { DocumentReader, DocumentsService } from '@dondoc/directives';
import { type Caller, Permission } from '@dondoc/identity';
import { toParseJson } from '@dondoc/ingestion';

import { Actor } from '../auth/audit-actor.decorator.js';
import { CurrentCaller } from '../auth/current-caller.decorator.js';
import type { RequestContext } from '../auth/request-context.js';
import { RequirePermission } from '../auth/require-permission.decorator.js';
import { actingOf } from '../common/acting.js';
import { ListMetadata } from '../common/list-metadata.object.js';
import { LoadersFactory } from '../common/loaders.js';
import { OrganizationObject, toOrganizationObject } from '../organizations/organization.object.js';
import { DocumentListArgs, SetDocumentConfidentialArgs, UpdateDocumentArgs } from './directive-inputs.js';
import { DocumentInput } from './document-input.input.js';
import { DocumentOutlineObject, toOutlineObject } from './document-outline.object.js';
import { DocumentObject, toDocumentObject } from './document.object.js';
import { TaskObject, toTaskObject } from './task.object.js';

@Resolver(() => DocumentObject)
export class DocumentsResolver {
  constructor(
    private readonly documents: DocumentsService,
    private readonly reader: DocumentReader,
    private readonly publishing: PublishingService,
    private readonly loaders: LoadersFactory,
  ) {}

  @Query(() => [DocumentObject], {
    description: "Documents the caller may see: their jurisdiction's, and those they have work from.",
  })
  @RequirePermission(Permission.DOCUMENT_READ)
  async allDocuments(@CurrentCaller() caller: Caller, @Args() list: DocumentListArgs) {
    return (await this.documents.list(caller, list.filter ?? {}, list)).map(toDocumentObject);
  }

  @Query(() => ListMetadata, { name: '_allDocumentsMeta' })
  @RequirePermission(Permission.DOCUMENT_READ)
  async allDocumentsMeta(
    @CurrentCaller() caller: Caller,
    @Args() list: DocumentListArgs,
  ): Promise<ListMetadata> {
    return { count: await this.documents.count(caller, list.filter ?? {}) };
  }

  @Query(() => DocumentObject, { name: 'Document', nullable: true })
  @RequirePermission(Permission.DOCUMENT_READ)
  async document(@CurrentCaller() caller: Caller, @Args('id', { type: () => ID }) id: string) {
    return toDocumentObject(await this.documents.get(caller, id));
  }

  @Mutation(() => DocumentOutlineObject, {
    description: 'Reads a document and shows its outline and tasks; stores nothing.',
  })
  @RequirePermission(Permission.DOCUMENT_IMPORT)
  async parseDocument(
    @CurrentCaller() caller: Caller,
    @Args('input') input: DocumentInput,
  ): Promise<DocumentOutlineObject> {
    const { outline } = await this.reader.read(input, caller.scope);
    return toOutlineObject(outline, toParseJson(outline));
  }

  @Mutation(() => DocumentObject, {
    description:
      'Stores a document as a DRAFT with its tasks, each with suggested bodies; nothing is assigned until it is published.',
  })
  @RequirePermission(Permission.DOCUMENT_IMPORT)
  async importDocument(
    @CurrentCaller() caller: Caller,
    @Args('input') input: DocumentInput,
    @Actor() actor: AuditActor,
  ) {
    const document = await this.documents.import(
      input,
      { organizationId: caller.organizationId, userId: caller.userId, scope: caller.scope },
      actor,
      { confidential: input.confidential },
    );
    return toDocumentObject(document);
  }

  @Mutation(() => DocumentObject, {
    description: 'Changes the title or the reporting deadlines of a document.',
  })
  @RequirePermission(Permission.DOCUMENT_IMPORT)
  async updateDocument(
    @CurrentCaller() caller: Caller,
    @Args() { id, ...changes }: UpdateDocumentArgs,
    @Actor() actor: AuditActor,
  ) {
    return toDocumentObject(await this.documents.update(caller.scope, id, changes, actor));
  }

  @Mutation(() => DocumentObject, {
    description:
      "Marks a document confidential (văn bản mật) or lifts the mark. Its owner's supervisors only; audited. " +
      "A confidential document's text and its tasks' texts are read only by the owner's supervisors and, each its own task, by the bodies assigned; everyone else reads a placeholder.",
  })
  @RequirePermission(Permission.DOCUMENT_IMPORT)
  async setDocumentConfidential(
    @CurrentCaller() caller: Caller,
    @Args() { id, confidential }: SetDocumentConfidentialArgs,
    @Actor() actor: AuditActor,
  ) {
    return toDocumentObject(await this.documents.setConfidential(caller.scope, id, confidential, actor));
  }

  @Mutation(() => DocumentObject, {
    description:
      'Publishes a draft: every planned assignee of every task gets its assignment and is notified. Publishing twice is refused.',
  })
  @RequirePermission(Permission.DOCUMENT_PUBLISH)
  async publishDocument(
    @CurrentCaller() caller: Caller,
    @Args('id', { type: () => ID }) id: string,
    @Actor() actor: AuditActor,
  ) {
    return toDocumentObject(await this.publishing.publish(actingOf(caller, actor), id));
  }

  @ResolveField(() => [TaskObject], {
    description: 'All its tasks, in reading order (sub-tasks included; see Task.parent).',
  })
  async tasks(@Parent() document: DocumentObject, @Context() context: RequestContext) {
    return (await this.loaders.of(context.req).documentTasks.load(document.id)).map(toTaskObject);
  }

  @ResolveField(() => OrganizationObject, {
    nullable: true,
    description: 'The body that imported and follows up the document.',
  })
  async owner(@Parent() document: DocumentObject, @Context() context: RequestContext) {
    const owner = await this.loaders.of(context.req).organization.load(document.ownerOrganizationId);
    return owner ? toOrganizationObject(owner) : null;
  }

  @ResolveField(() => [DocumentObject], { description: 'Documents here that this one cites.' })
  async cites(@Parent() document: DocumentObject, @CurrentCaller() caller: Caller) {
    return (await this.documents.linked(caller, document.id)).cites.map(toDocumentObject);
  }

  @ResolveField(() => [DocumentObject], { description: 'Documents here that cite this one.' })
  async citedBy(@Parent() document: DocumentObject, @CurrentCaller() caller: Caller) {
    return (await this.documents.linked(caller, document.id)).citedBy.map(toDocumentObject);
  }
}
