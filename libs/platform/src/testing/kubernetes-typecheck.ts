import { join } from 'node:path';

import ts from 'typescript';

import type { KubeObject } from './kustomize-build.js';

/**
 * Checks Kubernetes objects against kubernetes-models' TypeScript interfaces, which know every
 * field: its JSON schema validators let unknown fields through, so `readinesProbe` or
 * `minReadySecond` would pass them and be dropped by the cluster (or refused at apply time).
 * Each object becomes a typed object literal in a file that exists only in memory, where
 * TypeScript's excess property check names any field the type does not have. Returns one
 * line per problem, prefixed by `where` of its object.
 */
export function typecheckKubernetesObjects(
  entries: Array<{ where: string; object: KubeObject }>,
  directory: string,
): string[] {
  const lines = entries.map(({ object }, index) => {
    // `kubernetes-models/apps/v1/Deployment` exports `IDeployment`; core kinds live under `v1/`.
    const module = `kubernetes-models/${object.apiVersion}/${object.kind}`;
    return `export const object${index}: import(${JSON.stringify(module)}).I${object.kind} = ${JSON.stringify(object)};`;
  });
  const file = join(directory, '__kubernetes-objects__.ts');
  const source = lines.join('\n');
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
  };
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.getSourceFile = (name, language, ...rest) =>
    name === file
      ? ts.createSourceFile(name, source, language)
      : getSourceFile.call(host, name, language, ...rest);
  host.fileExists = (name) => name === file || fileExists.call(host, name);
  host.readFile = (name) => (name === file ? source : readFile.call(host, name));

  const program = ts.createProgram([file], options, host);
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
    if (diagnostic.file?.fileName !== file || diagnostic.start === undefined) return message;
    const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    return `${entries[line]!.where}: ${message}`;
  });
}
