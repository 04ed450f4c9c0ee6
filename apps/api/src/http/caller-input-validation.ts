import type { INestApplication, PipeTransform } from '@nestjs/common';
import { CUSTOM_ROUTE_ARGS_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import { MetadataScanner, ModulesContainer } from '@nestjs/core';

/**
 * The parameter kinds that carry what a caller sent: GraphQL arguments (`@Args`, kind 3) and,
 * over plain HTTP, `@Body` (3), `@Query` (4) and `@Param` (5). Every other parameter — a
 * field resolver's `@Parent()`, `@Context()`, `@Info()`, custom decorators such as
 * `@CurrentCaller()` — holds values the server made, which ValidationPipe passes unchanged.
 */
const CALLER_INPUT_KINDS = new Set([3, 4, 5]);

/** Pipes already attached, so a second application in the same process does not add another. */
const attached = new WeakSet<PipeTransform>();

interface ParamMetadata {
  index: number;
  data?: unknown;
  pipes?: unknown[];
}

/**
 * Runs `pipe` on every parameter that carries caller input, and on nothing else.
 *
 * `useGlobalPipes` would hand every parameter of every resolver to it, field resolvers
 * included: one list page of 25 assignments with their task and organization sends ~100
 * `@Parent()`/`@Context()` values through Nest's async pipe chain only to get them back
 * unchanged. Attached as the first parameter pipe of the caller's inputs instead, the pipe
 * sees exactly what it validated before (a global pipe runs before parameter pipes, and no
 * class or method pipes are declared here), and field resolvers skip the chain.
 *
 * Must run before `app.init()`/`listen()`: Nest reads the parameter metadata when it builds
 * routes and resolvers.
 */
export function validateCallerInputs(app: INestApplication, pipe: PipeTransform): void {
  attached.add(pipe);
  const scanner = new MetadataScanner();
  const seen = new Set<object>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of [...module.controllers.values(), ...module.providers.values()]) {
      const type = wrapper.metatype;
      if (typeof type !== 'function' || wrapper.isNotMetatype || seen.has(type)) continue;
      seen.add(type);
      for (const method of scanner.getAllMethodNames(type.prototype)) {
        attachToMethod(type, method, pipe);
      }
    }
  }
}

function attachToMethod(type: object, method: string, pipe: PipeTransform): void {
  const params = Reflect.getMetadata(ROUTE_ARGS_METADATA, type, method) as
    Record<string, ParamMetadata> | undefined;
  if (!params) return;
  let changed = false;
  const next: Record<string, ParamMetadata> = {};
  for (const [key, param] of Object.entries(params)) {
    const pipes = param.pipes ?? [];
    const isCallerInput =
      !key.includes(CUSTOM_ROUTE_ARGS_METADATA) && CALLER_INPUT_KINDS.has(Number(key.split(':')[0]));
    if (isCallerInput && !pipes.some((p) => attached.has(p as PipeTransform))) {
      next[key] = { ...param, pipes: [pipe, ...pipes] };
      changed = true;
    } else {
      next[key] = param;
    }
  }
  if (changed) Reflect.defineMetadata(ROUTE_ARGS_METADATA, next, type, method);
}
