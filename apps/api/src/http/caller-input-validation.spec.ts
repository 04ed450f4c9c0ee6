import type { AddressInfo } from 'node:net';

import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import {
  type ArgumentMetadata,
  BadRequestException,
  Body,
  Controller,
  type INestApplication,
  Module,
  Post,
  Query as HttpQuery,
  ValidationPipe,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  Args,
  ArgsType,
  Context,
  Field,
  GraphQLModule,
  GraphQLSchemaHost,
  Int,
  ObjectType,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import { IsInt, Max, Min } from 'class-validator';
import { execute, parse } from 'graphql';

import { validateCallerInputs } from './caller-input-validation.js';

@ArgsType()
class PageArgs {
  @Field(() => Int) @IsInt() @Min(1) @Max(25) perPage!: number;
}

class PageBody {
  @IsInt() @Min(1) perPage!: number;
}

@ObjectType()
class Row {
  @Field() id!: string;
}

@ObjectType()
class Owner {
  @Field() name!: string;
}

@Resolver(() => Row)
class RowsResolver {
  @Query(() => [Row])
  rows(@Args() { perPage }: PageArgs) {
    return Array.from({ length: perPage }, (_, i) => ({ id: String(i) }));
  }

  @ResolveField(() => Owner)
  owner(@Parent() row: Row, @Context() _context: unknown) {
    return { name: `owner of ${row.id}` };
  }
}

@Controller('pages')
class PagesController {
  @Post()
  page(@Body() body: PageBody, @HttpQuery('n') n: number) {
    return { perPage: body.perPage, n, nType: typeof n };
  }
}

@Module({
  imports: [GraphQLModule.forRoot<ApolloDriverConfig>({ driver: ApolloDriver, autoSchemaFile: true })],
  controllers: [PagesController],
  providers: [RowsResolver],
})
class TestModule {}

/** A ValidationPipe that notes the kind of every parameter it is handed. */
class RecordingPipe extends ValidationPipe {
  readonly seen: string[] = [];
  override transform(value: unknown, metadata: ArgumentMetadata) {
    this.seen.push(`${metadata.type}:${metadata.metatype?.name}`);
    return super.transform(value, metadata);
  }
}

async function boot(): Promise<{ app: INestApplication; pipe: RecordingPipe }> {
  const app = await NestFactory.create(TestModule, { logger: false });
  const pipe = new RecordingPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true });
  validateCallerInputs(app, pipe);
  await app.listen(0, '127.0.0.1');
  return { app, pipe };
}

async function rows(app: INestApplication, perPage: number) {
  const { schema } = app.get(GraphQLSchemaHost);
  return execute({
    schema,
    document: parse(`{ rows(perPage: ${perPage}) { id owner { name } } }`),
    contextValue: {},
  });
}

describe('validateCallerInputs', () => {
  let app: INestApplication;
  let pipe: RecordingPipe;
  beforeAll(async () => ({ app, pipe } = await boot()));
  afterAll(() => app.close());
  beforeEach(() => pipe.seen.splice(0));

  it("validates GraphQL arguments and nothing of the field resolvers' parameters", async () => {
    const result = await rows(app, 3);
    expect(result.errors).toBeUndefined();
    expect(result.data?.rows).toHaveLength(3);
    // One root argument object; the three rows' @Parent and @Context never reach the pipe.
    expect(pipe.seen).toEqual(['body:PageArgs']);
  });

  it('refuses invalid arguments with the same messages as a global pipe', async () => {
    const result = await rows(app, 26);
    const refusal = result.errors?.[0].originalError as BadRequestException;
    expect(refusal).toBeInstanceOf(BadRequestException);
    expect(refusal.getResponse()).toMatchObject({ message: ['perPage must not be greater than 25'] });
  });

  it('validates and transforms HTTP bodies and queries as before', async () => {
    const { port } = app.getHttpServer().address() as AddressInfo;
    const post = (body: unknown) =>
      fetch(`http://127.0.0.1:${port}/pages?n=7`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const ok = await post({ perPage: 5 });
    expect(await ok.json()).toEqual({ perPage: 5, n: 7, nType: 'number' });
    const refused = await post({ perPage: 0, extra: 1 });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { message: string[] }).message).toEqual([
      'property extra should not exist',
      'perPage must not be less than 1',
    ]);
    // Nest runs a route's pipes concurrently: the order between parameters is not fixed.
    expect(pipe.seen.sort()).toEqual(['body:PageBody', 'body:PageBody', 'query:Number', 'query:Number']);
  });

  it('attaches once when a second application starts in the same process', async () => {
    const second = await boot();
    try {
      expect((await rows(second.app, 2)).errors).toBeUndefined();
      // The first application's pipe is already on the parameter; the second adds none.
      expect(pipe.seen).toEqual(['body:PageArgs']);
      expect(second.pipe.seen).toEqual([]);
    } finally {
      await second.app.close();
    }
  });
});
