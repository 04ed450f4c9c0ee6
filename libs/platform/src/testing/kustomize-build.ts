import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { parseAllDocuments } from 'yaml';

/** One Kubernetes object as written in YAML. */
export type KubeObject = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; [key: string]: unknown };
  [key: string]: unknown;
};

/**
 * The part of `kustomize build` that deploy/kubernetes uses, so the manifests can be checked
 * offline without the kustomize binary: `resources` (files and directories), `namespace`,
 * `images` (newName, newTag, digest) and `patches` from files, either a strategic merge patch
 * (maps merged, lists replaced) or, with a `target`, a JSON 6902 patch (add, replace, remove).
 * Anything else in a kustomization is refused by name rather than silently ignored, and so is a
 * strategic merge into a list Kubernetes merges by key (containers, env, ports…), which this
 * subset would get wrong.
 */
export function kustomizeBuild(directory: string): KubeObject[] {
  const file = join(directory, 'kustomization.yaml');
  const kustomization = readYaml(file)[0] as Record<string, unknown> | undefined;
  if (!kustomization || kustomization.kind !== 'Kustomization') {
    throw new Error(`${file}: not a Kustomization`);
  }
  const known = ['apiVersion', 'kind', 'resources', 'namespace', 'images', 'patches'];
  const unknown = Object.keys(kustomization).filter((key) => !known.includes(key));
  if (unknown.length > 0) {
    throw new Error(
      `${file}: ${unknown.join(', ')} not supported by this renderer (only ${known.join(', ')})`,
    );
  }

  let objects: KubeObject[] = [];
  for (const entry of (kustomization.resources ?? []) as string[]) {
    const path = resolve(directory, entry);
    if (!existsSync(path)) throw new Error(`${file}: resource ${entry} does not exist`);
    objects.push(...(statSync(path).isDirectory() ? kustomizeBuild(path) : (readYaml(path) as KubeObject[])));
  }
  for (const patch of (kustomization.patches ?? []) as PatchEntry[]) {
    objects = applyPatch(objects, directory, patch);
  }
  if (typeof kustomization.namespace === 'string') {
    for (const object of objects) {
      if (!CLUSTER_SCOPED.has(object.kind)) object.metadata.namespace = kustomization.namespace;
    }
  }
  for (const image of (kustomization.images ?? []) as ImageEntry[]) {
    for (const container of containersOf(objects)) {
      if (imageName(container.image) === image.name) container.image = newImage(container.image, image);
    }
  }
  return objects;
}

/** Every container and init container of the pods the objects describe. */
export function containersOf(
  objects: KubeObject[],
): Array<{ name: string; image: string; [key: string]: unknown }> {
  return objects.flatMap((object) => {
    const pod = podSpecOf(object);
    return pod ? [...(pod.containers ?? []), ...(pod.initContainers ?? [])] : [];
  });
}

/** The pod template's spec of a Deployment or a Job; undefined for other kinds. */
export function podSpecOf(object: KubeObject): PodSpec | undefined {
  if (object.kind !== 'Deployment' && object.kind !== 'Job') return undefined;
  return (object.spec as { template: { spec: PodSpec } }).template.spec;
}

/** The fields of a pod spec the checks read. */
export interface PodSpec {
  containers: Array<{ name: string; image: string; [key: string]: unknown }>;
  initContainers?: Array<{ name: string; image: string; [key: string]: unknown }>;
  [key: string]: unknown;
}

interface PatchEntry {
  path?: string;
  target?: { kind?: string; name?: string };
  [key: string]: unknown;
}

interface ImageEntry {
  name: string;
  newName?: string;
  newTag?: string | number;
  digest?: string;
}

const CLUSTER_SCOPED = new Set([
  'Namespace',
  'ClusterRole',
  'ClusterRoleBinding',
  'PersistentVolume',
  'StorageClass',
]);

/** Keys by which Kubernetes merges the items of a list in a strategic merge patch. */
const MERGE_KEYS = ['name', 'containerPort', 'mountPath', 'port', 'ip', 'devicePath', 'topologyKey'];

function readYaml(file: string): unknown[] {
  return parseAllDocuments(readFileSync(file, 'utf8')).map((document) => {
    if (document.errors.length > 0) throw new Error(`${file}: ${document.errors[0]!.message}`);
    return document.toJS() as unknown;
  });
}

function applyPatch(objects: KubeObject[], directory: string, entry: PatchEntry): KubeObject[] {
  const unknown = Object.keys(entry).filter((key) => key !== 'path' && key !== 'target');
  if (entry.path === undefined || unknown.length > 0) {
    throw new Error(`${directory}: a patch needs a path, and only path and target are supported`);
  }
  const file = join(directory, entry.path);
  const [patch] = readYaml(file);
  if (entry.target !== undefined) {
    const { kind, name } = entry.target;
    const object = only(
      objects,
      (o) => o.kind === kind && o.metadata.name === name,
      `${file}: target ${kind}/${name}`,
    );
    if (!Array.isArray(patch))
      throw new Error(`${file}: a patch with a target must be a list of JSON 6902 operations`);
    for (const operation of patch as JsonOperation[]) applyJsonOperation(object, operation, file);
    return objects;
  }
  const { kind, metadata } = patch as KubeObject;
  const target = only(
    objects,
    (o) => o.kind === kind && o.metadata.name === metadata?.name,
    `${file}: ${kind}/${metadata?.name}`,
  );
  return objects.map((object) =>
    object === target ? (mergeStrategic(object, patch, file) as KubeObject) : object,
  );
}

function only(objects: KubeObject[], matches: (object: KubeObject) => boolean, what: string): KubeObject {
  const found = objects.filter(matches);
  if (found.length !== 1) throw new Error(`${what} matches ${found.length} objects, not one`);
  return found[0]!;
}

function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function mergeStrategic(base: unknown, patch: unknown, file: string): unknown {
  if (Array.isArray(patch)) {
    if (patch.some((item) => isMap(item) && MERGE_KEYS.some((key) => key in item))) {
      throw new Error(
        `${file}: a strategic merge into a list merged by key is not supported: use a JSON 6902 patch`,
      );
    }
    return patch;
  }
  if (!isMap(patch) || !isMap(base)) return patch;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (key.startsWith('$')) throw new Error(`${file}: the directive ${key} is not supported`);
    if (value === null) delete merged[key];
    else merged[key] = mergeStrategic(base[key], value, file);
  }
  return merged;
}

interface JsonOperation {
  op: string;
  path: string;
  value?: unknown;
}

function applyJsonOperation(object: KubeObject, operation: JsonOperation, file: string): void {
  const steps = operation.path
    .split('/')
    .slice(1)
    .map((step) => step.replaceAll('~1', '/').replaceAll('~0', '~'));
  const last = steps.pop();
  let parent: unknown = object;
  for (const step of steps) {
    parent = Array.isArray(parent) ? parent[Number(step)] : isMap(parent) ? parent[step] : undefined;
    if (parent === undefined) throw new Error(`${file}: ${operation.path} does not exist`);
  }
  if (last === undefined || (!isMap(parent) && !Array.isArray(parent))) {
    throw new Error(`${file}: ${operation.path} does not name a field`);
  }
  const exists = Array.isArray(parent) ? Number(last) < parent.length : last in parent;
  if (operation.op === 'add' && Array.isArray(parent)) {
    parent.splice(last === '-' ? parent.length : Number(last), 0, operation.value);
  } else if (operation.op === 'add' || (operation.op === 'replace' && exists)) {
    (parent as Record<string, unknown>)[last] = operation.value;
  } else if (operation.op === 'remove' && exists) {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else {
    throw new Error(`${file}: cannot ${operation.op} ${operation.path}`);
  }
}

/** `registry/dondoc:1.2` → `registry/dondoc` (a port in the registry's host is kept). */
export function imageName(image: string): string {
  const withoutDigest = image.split('@')[0]!;
  const slash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.lastIndexOf(':');
  return colon > slash ? withoutDigest.slice(0, colon) : withoutDigest;
}

function newImage(image: string, entry: ImageEntry): string {
  const name = entry.newName ?? imageName(image);
  if (entry.digest !== undefined) return `${name}@${entry.digest}`;
  const rest = image.slice(imageName(image).length);
  return entry.newTag !== undefined ? `${name}:${entry.newTag}` : `${name}${rest}`;
}
