import { getQueueToken, WorkerHost } from '@nestjs/bullmq';
import type { DiscoveryService, ModuleRef } from '@nestjs/core';
import type { Queue, Worker } from 'bullmq';

import { ALL_QUEUES } from '@dondoc/platform';

/**
 * The BullMQ objects of this process, for operations code that observes them without touching
 * the processors. Both exist once @nestjs/bullmq's global module has initialised, which Nest
 * does before the worker's root module: call these from `onModuleInit` of a root provider.
 */
export function processorWorkers(discovery: DiscoveryService): Worker[] {
  return discovery
    .getProviders()
    .map((wrapper) => wrapper.instance as unknown)
    .filter((instance): instance is WorkerHost => instance instanceof WorkerHost)
    .map((host) => host.worker);
}

export function productQueues(moduleRef: ModuleRef): Queue[] {
  return ALL_QUEUES.map((name) => moduleRef.get<Queue>(getQueueToken(name), { strict: false }));
}
