import { type ArgumentMetadata, ValidationPipe, type ValidationPipeOptions } from '@nestjs/common';

/**
 * The global ValidationPipe, run on what callers send (GraphQL arguments, HTTP bodies, queries
 * and route params) and nowhere else.
 *
 * Nest hands every parameter of every resolver to the global pipes, field resolvers included:
 * a page of 25 assignments with their task and organization passes ~100 `@Parent()` and
 * `@Context()` values through it. Nest marks those (and `@Info()` and custom decorators such
 * as `@CurrentCaller()`) as 'custom', and ValidationPipe, without `validateCustomDecorators`,
 * already returns them unchanged — after an async call, `toValidate` and `transformPrimitive`.
 * Answering them here first gives the same value for less work; every argument that was
 * validated before is validated exactly as before, with the same messages.
 */
export class InputValidationPipe extends ValidationPipe {
  constructor(options: ValidationPipeOptions & { validateCustomDecorators?: false }) {
    // A custom decorator's value is the server's own; validating it would change the rule below.
    super({ ...options, validateCustomDecorators: false });
  }

  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> | unknown {
    if (metadata.type === 'custom') return value;
    return super.transform(value, metadata);
  }
}
