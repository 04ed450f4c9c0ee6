import { Module } from '@nestjs/common';

import { SignInRecordsPruner } from './sign-in-records-pruner.js';

/** The pruning of sign-in records alone, for the worker (which signs nobody in). */
@Module({
  providers: [SignInRecordsPruner],
  exports: [SignInRecordsPruner],
})
export class SignInRecordsModule {}
