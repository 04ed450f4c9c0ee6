import { Module } from '@nestjs/common';

import { ExportsModule } from '@dondoc/exports';
import { IdentityModule } from '@dondoc/identity';

import { ExportFileController } from './export-file.controller.js';
import { ExportsResolver } from './exports.resolver.js';

/** Exports over GraphQL (ask, follow) and their download over plain HTTP. */
@Module({
  imports: [ExportsModule, IdentityModule],
  controllers: [ExportFileController],
  providers: [ExportsResolver],
})
export class ExportsApiModule {}
