import { type DynamicModule, type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';

import { HttpMetricsMiddleware } from './http-metrics.middleware.js';
import { MetricsController } from './metrics.controller.js';
import { MetricsRegistry } from './metrics.registry.js';

@Module({})
export class MetricsModule implements NestModule {
  static forRoot(app: string): DynamicModule {
    return {
      module: MetricsModule,
      global: true,
      controllers: [MetricsController],
      providers: [{ provide: MetricsRegistry, useValue: new MetricsRegistry(app) }, HttpMetricsMiddleware],
      exports: [MetricsRegistry],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes('*path');
  }
}
