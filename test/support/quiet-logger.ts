import { Logger } from '@nestjs/common';

// Tests speak through assertions: Nest's own progress lines only add noise to the report.
Logger.overrideLogger(['error', 'warn']);
