import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';

import { Deployment } from 'kubernetes-models/apps/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { Job } from 'kubernetes-models/batch/v1';
import { Ingress, NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import {
  ConfigMap,
  Namespace,
  PersistentVolumeClaim,
  Secret,
  Service,
  ServiceAccount,
} from 'kubernetes-models/v1';
import { parseAllDocuments } from 'yaml';

import { SHUTDOWN_DEADLINE_MS } from '../runtime/stop-on-signal.js';
import { typecheckKubernetesObjects } from '../testing/kubernetes-typecheck.js';
import { containersOf, type KubeObject, kustomizeBuild, podSpecOf } from '../testing/kustomize-build.js';

/**
 * deploy/kubernetes rendered as `kustomize build` would (the subset it uses), every object
 * validated against the Kubernetes schemas (kubernetes-models), and the conventions of
 * deploy/README.md checked on what a province would apply.
 */
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../../../deploy/kubernetes');

const MODELS: Record<string, new (object: never) => { validate(): void }> = {
  'v1/Namespace': Namespace,
  'v1/ServiceAccount': ServiceAccount,
  'v1/ConfigMap': ConfigMap,
  'v1/Service': Service,
  'v1/PersistentVolumeClaim': PersistentVolumeClaim,
  'v1/Secret': Secret,
  'apps/v1/Deployment': Deployment,
  'batch/v1/Job': Job,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'networking.k8s.io/v1/Ingress': Ingress,
  'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy,
};

/** Logins only the migration Job may hold (deploy/README.md "Database roles"). */
const MIGRATION_ONLY = ['DATABASE_ADMIN_URL', 'MIGRATION_DATABASE_URL'];
/** Settings that are secrets: never written into a ConfigMap or as a literal value. */
const SECRET_SETTINGS = [
  ...MIGRATION_ONLY,
  'DATABASE_URL',
  'DATABASE_DIRECT_URL',
  'REDIS_URL',
  'JWT_SECRET',
  'AUDIT_KEY',
  'SMTP_URL',
  'METRICS_TOKEN',
];

// Loose shapes of what the checks read; the schemas themselves are checked by kubernetes-models.
type Any = any; // eslint-disable-line @typescript-eslint/no-explicit-any

interface Province {
  name: string;
  app: KubeObject[];
  migration: KubeObject[];
  kustomizations: string[];
}

const provinces: Province[] = readdirSync(join(ROOT, 'overlays')).map((name) => {
  const app = join(ROOT, 'overlays', name, 'app');
  const migration = join(ROOT, 'overlays', name, 'migration');
  return {
    name,
    app: kustomizeBuild(app),
    migration: kustomizeBuild(migration),
    kustomizations: [app, migration],
  };
});
const bases = ['base/app', 'base/migration'].map((path) => ({
  path,
  objects: kustomizeBuild(join(ROOT, path)),
}));
const rendered = [
  ...bases,
  ...provinces.flatMap((p) => [
    { path: `overlays/${p.name}/app`, objects: p.app },
    { path: `overlays/${p.name}/migration`, objects: p.migration },
  ]),
];
const exampleSecrets = parseAllDocuments(readFileSync(join(ROOT, 'secret.example.yaml'), 'utf8')).map(
  (document) => document.toJS() as KubeObject,
);

/** kubectl's own kustomize, when installed, to check the renderer against. */
const kubectl = spawnSync('kubectl', ['version', '--client'], { stdio: 'ignore' }).status === 0;

const named = (objects: KubeObject[], kind: string, name: string): Any =>
  objects.find((o) => o.kind === kind && o.metadata.name === name);
const ofKind = (objects: KubeObject[], kind: string): Any[] => objects.filter((o) => o.kind === kind);
const podLabels = (object: KubeObject): Record<string, string> =>
  (object.spec as Any).template.metadata.labels;
const selects = (selector: Record<string, string>, labels: Record<string, string>) =>
  Object.entries(selector).every(([key, value]) => labels[key] === value);
const workloads = (objects: KubeObject[]) => objects.filter((o) => podSpecOf(o) !== undefined);
const envNames = (container: Any): string[] => (container.env ?? []).map((e: Any) => e.name);
const secretRefs = (container: Any): Array<{ name: string; key: string; optional?: boolean }> => [
  ...(container.env ?? []).flatMap((e: Any) => (e.valueFrom?.secretKeyRef ? [e.valueFrom.secretKeyRef] : [])),
];

describe('the Kubernetes manifests (deploy/kubernetes)', () => {
  it('finds a province with its app and its migration, and renders every kustomization', () => {
    expect(provinces.map((p) => p.name)).toContain('province');
    const empty = rendered.filter(({ objects }) => objects.length === 0).map(({ path }) => path);
    expect(empty).toEqual([]);
  });

  (kubectl ? it : it.skip)('renders each province as kubectl kustomize does', () => {
    const key = (object: KubeObject) => `${object.kind}/${object.metadata.name}`;
    for (const province of provinces) {
      province.kustomizations.forEach((directory, index) => {
        const ours = index === 0 ? province.app : province.migration;
        const output = execFileSync('kubectl', ['kustomize', directory], { encoding: 'utf8' });
        const theirs = parseAllDocuments(output).map((document) => document.toJS() as KubeObject);
        expect(ours.map(key).sort()).toEqual(theirs.map(key).sort());
        for (const object of ours) expect(object).toEqual(theirs.find((other) => key(other) === key(object)));
      });
    }
  });

  it('validates every rendered object, and the example Secrets, against the Kubernetes schemas', () => {
    const problems: string[] = [];
    for (const { path, objects } of [...rendered, { path: 'secret.example.yaml', objects: exampleSecrets }]) {
      for (const object of objects) {
        const where = `${path}: ${object.kind}/${object.metadata?.name}`;
        const Model = MODELS[`${object.apiVersion}/${object.kind}`];
        if (!Model) {
          problems.push(`${where}: no schema known for ${object.apiVersion} ${object.kind}`);
          continue;
        }
        try {
          new Model(object as never).validate();
        } catch (error) {
          problems.push(`${where}: ${(error as Error).message}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('names no field, and no value of a type, that the Kubernetes types do not have', () => {
    const entries = [...rendered, { path: 'secret.example.yaml', objects: exampleSecrets }].flatMap(
      ({ path, objects }) =>
        objects.map((object) => ({ where: `${path}: ${object.kind}/${object.metadata.name}`, object })),
    );
    expect(typecheckKubernetesObjects(entries, ROOT)).toEqual([]);
  });

  describe.each(provinces)('the province "$name"', (province) => {
    const all = [...province.app, ...province.migration];
    const api = named(province.app, 'Deployment', 'dondoc-api');
    const worker = named(province.app, 'Deployment', 'dondoc-worker');
    const job = named(province.migration, 'Job', 'dondoc-migrate');
    const config = named(province.app, 'ConfigMap', 'dondoc-config');
    const [apiContainer, workerContainer, jobContainer] = [api, worker, job].map(
      (object: Any) => object.spec.template.spec.containers[0],
    );

    it('has the API, the worker and the migration Job', () => {
      expect([api, worker, job, config].map((o: Any) => o?.metadata.name)).toEqual([
        'dondoc-api',
        'dondoc-worker',
        'dondoc-migrate',
        'dondoc-config',
      ]);
    });

    it('rolls both Deployments out without an unavailable pod, and leaves the API replicas to its autoscaler', () => {
      for (const deployment of [api, worker]) {
        expect(deployment.spec.strategy).toMatchObject({
          type: 'RollingUpdate',
          rollingUpdate: { maxUnavailable: 0 },
        });
      }
      expect(api.spec.replicas).toBeUndefined();
      expect(worker.spec.replicas).toBeGreaterThanOrEqual(2);
    });

    it('probes /health for start and liveness and /health/ready for readiness, on a declared port', () => {
      for (const container of [apiContainer, workerContainer]) {
        const ports = container.ports.flatMap((p: Any) => [p.name, p.containerPort]);
        expect(container.startupProbe.httpGet.path).toBe('/health');
        expect(container.livenessProbe.httpGet.path).toBe('/health');
        expect(container.readinessProbe.httpGet.path).toBe('/health/ready');
        for (const probe of ['startupProbe', 'livenessProbe', 'readinessProbe']) {
          expect(ports).toContain(container[probe].httpGet.port);
        }
      }
      // The worker's port answers probes on the pod's address only when told to.
      expect(config.data.WORKER_HOST).toBe('0.0.0.0');
      expect(workerContainer.ports.map((p: Any) => String(p.containerPort))).toContain(
        config.data.WORKER_PORT,
      );
      expect(apiContainer.ports.map((p: Any) => String(p.containerPort))).toContain(config.data.PORT);
    });

    it("pauses the API before SIGTERM, and gives both processes' shutdown its full time", () => {
      const pause = apiContainer.lifecycle.preStop.exec.command;
      expect(pause[0]).toBe('sleep');
      const pauseSeconds = Number(pause[1]);
      expect(pauseSeconds).toBeGreaterThanOrEqual(5);
      expect(api.spec.template.spec.terminationGracePeriodSeconds).toBeGreaterThan(
        pauseSeconds + SHUTDOWN_DEADLINE_MS / 1000,
      );
      expect(worker.spec.template.spec.terminationGracePeriodSeconds).toBeGreaterThan(
        SHUTDOWN_DEADLINE_MS / 1000,
      );
    });

    it('gives every container requests and limits, and runs it as uid 1000 under the restricted standard', () => {
      for (const object of workloads(all)) {
        const pod: Any = podSpecOf(object);
        expect(pod.securityContext).toMatchObject({
          runAsNonRoot: true,
          runAsUser: 1000,
          seccompProfile: { type: 'RuntimeDefault' },
        });
        expect(pod.automountServiceAccountToken).toBe(false);
        expect(pod.initContainers).toBeUndefined();
        for (const container of pod.containers) {
          const where = `${object.metadata.name}/${container.name}`;
          expect({ where, ...container.resources }).toMatchObject({
            where,
            requests: { cpu: expect.any(String), memory: expect.any(String) },
            limits: { cpu: expect.any(String), memory: expect.any(String) },
          });
          expect({ where, ...container.securityContext }).toEqual({
            where,
            allowPrivilegeEscalation: false,
            readOnlyRootFilesystem: true,
            capabilities: { drop: ['ALL'] },
          });
          const volumes = pod.volumes.map((v: Any) => v.name);
          for (const mount of container.volumeMounts) expect(volumes).toContain(mount.name);
          expect(container.volumeMounts.map((m: Any) => m.mountPath)).toContain('/tmp');
        }
      }
    });

    it('puts every path the processes write on a volume, the audit anchors on a shared claim', () => {
      const mountOf = (object: Any, path: string) => {
        const pod = object.spec.template.spec;
        const mount = pod.containers[0].volumeMounts.find(
          (m: Any) => path === m.mountPath || path.startsWith(`${m.mountPath}/`),
        );
        return mount && pod.volumes.find((v: Any) => v.name === mount.name);
      };
      for (const object of [api, worker]) expect(mountOf(object, config.data.DATA_DIR)).toBeDefined();
      const anchors = mountOf(worker, posix.dirname(config.data.AUDIT_ANCHOR_FILE));
      const claim = named(province.app, 'PersistentVolumeClaim', anchors?.persistentVolumeClaim?.claimName);
      expect(claim.spec.accessModes).toEqual(['ReadWriteMany']);
    });

    it('points the autoscaler and the disruption budgets at existing Deployments, the Services at their pods', () => {
      const deployments = ofKind(province.app, 'Deployment');
      const [autoscaler] = ofKind(province.app, 'HorizontalPodAutoscaler');
      expect(autoscaler.spec.scaleTargetRef).toEqual({
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        name: 'dondoc-api',
      });
      expect(autoscaler.spec.minReplicas).toBeGreaterThanOrEqual(2);
      expect(autoscaler.spec.metrics[0].resource.name).toBe('cpu');

      const budgets = ofKind(province.app, 'PodDisruptionBudget');
      const budgeted = budgets.map((pdb) =>
        deployments
          .filter((d) => selects(pdb.spec.selector.matchLabels, podLabels(d)))
          .map((d) => d.metadata.name),
      );
      expect(budgeted.sort()).toEqual([['dondoc-api'], ['dondoc-worker']]);

      for (const service of ofKind(province.app, 'Service')) {
        const [target] = deployments.filter((d) => selects(service.spec.selector, podLabels(d)));
        expect({ service: service.metadata.name, selects: target?.metadata.name }).toEqual({
          service: service.metadata.name,
          selects: expect.any(String),
        });
        const ports = target.spec.template.spec.containers[0].ports.map((p: Any) => p.name);
        for (const port of service.spec.ports) expect(ports).toContain(port.targetPort);
      }
    });

    it('keeps Secrets out of the kustomizations, and the example Secrets hold every key the pods read', () => {
      expect(all.filter((o) => o.kind === 'Secret')).toEqual([]);
      for (const kustomization of province.kustomizations) {
        expect(readFileSync(join(kustomization, 'kustomization.yaml'), 'utf8')).not.toMatch(
          /secret\.example/,
        );
      }
      expect(existsSync(join(ROOT, 'secret.example.yaml'))).toBe(true);
      expect(Object.keys(config.data).filter((key) => SECRET_SETTINGS.includes(key))).toEqual([]);

      const example = new Map(exampleSecrets.map((s: Any) => [s.metadata.name, Object.keys(s.stringData)]));
      for (const container of containersOf(all) as Any[]) {
        for (const entry of container.env ?? []) {
          expect({ literal: SECRET_SETTINGS.includes(entry.name) && 'value' in entry }).toEqual({
            literal: false,
          });
        }
        for (const ref of secretRefs(container)) expect(example.get(ref.name)).toContain(ref.key);
      }
    });

    it('gives the owner and administrator logins to the migration Job only, which runs db roles then migrate', () => {
      for (const container of [apiContainer, workerContainer]) {
        expect(envNames(container).filter((name) => MIGRATION_ONLY.includes(name))).toEqual([]);
        expect(secretRefs(container).map((ref) => ref.name)).not.toContain('dondoc-migration');
        expect(container.envFrom.filter((source: Any) => source.secretRef)).toEqual([]);
        expect(envNames(container)).toEqual(expect.arrayContaining(['DATABASE_URL', 'DATABASE_DIRECT_URL']));
      }
      const jobRefs = Object.fromEntries(
        jobContainer.env.map((e: Any) => [e.name, e.valueFrom.secretKeyRef.name]),
      );
      expect(jobRefs).toMatchObject({
        MIGRATION_DATABASE_URL: 'dondoc-migration',
        DATABASE_ADMIN_URL: 'dondoc-migration',
      });
      const script = jobContainer.command.join(' ');
      expect(script.indexOf('main.js db roles')).toBeGreaterThan(-1);
      expect(script.indexOf('main.js db roles')).toBeLessThan(script.indexOf('main.js migrate'));
      expect(job.spec.template.spec.restartPolicy).toBe('Never');
      // Applied before the rollout, so it reads nothing the release's app kustomization creates.
      expect(jobContainer.envFrom).toBeUndefined();
    });

    it('pins one image by its tag, never latest, in both kustomizations, in one namespace', () => {
      const images = new Set(containersOf(all).map((c) => c.image));
      expect(images.size).toBe(1);
      const [image] = [...images];
      expect(image).toMatch(/^[^:@]+(:[\w][\w.-]*|@sha256:[0-9a-f]{64})$/);
      expect(image).not.toMatch(/:latest$/);
      const namespaces = new Set(all.filter((o) => o.kind !== 'Namespace').map((o) => o.metadata.namespace));
      expect([...namespaces]).toEqual([named(province.app, 'Namespace', [...namespaces][0]!)?.metadata.name]);
    });

    it('serves HTTPS on the host of APP_URL, takes a document upload, and keeps /metrics inside', () => {
      const [ingress] = ofKind(province.app, 'Ingress');
      const hosts = ingress.spec.rules.map((rule: Any) => rule.host);
      expect(ingress.spec.tls.flatMap((tls: Any) => tls.hosts)).toEqual(expect.arrayContaining(hosts));
      expect(hosts).toContain(new URL(config.data.APP_URL).hostname);
      expect(new URL(config.data.APP_URL).protocol).toBe('https:');
      // The API's own limit for a signed-in caller is 30 MiB (apps/api/src/http/body-limits.ts).
      const bodySize = ingress.metadata.annotations['nginx.ingress.kubernetes.io/proxy-body-size'];
      expect(Number(/^(\d+)m$/.exec(bodySize)?.[1])).toBeGreaterThanOrEqual(30);
      const paths = ingress.spec.rules.flatMap((rule: Any) => rule.http.paths.map((p: Any) => p.path));
      expect(paths.filter((path: string) => ['/', '/metrics', '/health'].includes(path))).toEqual([]);
      const apiService = named(province.app, 'Service', 'dondoc-api');
      for (const rule of ingress.spec.rules) {
        for (const { backend } of rule.http.paths) {
          expect(backend.service.name).toBe('dondoc-api');
          expect(apiService.spec.ports.map((p: Any) => p.name)).toContain(backend.service.port.name);
        }
      }
    });

    it('denies by default, lets in only the ingress and the scraper, and lets out only to the stores', () => {
      const policies = [
        ...ofKind(province.app, 'NetworkPolicy'),
        ...ofKind(province.migration, 'NetworkPolicy'),
      ];
      const deny = policies.find((p) => Object.keys(p.spec.podSelector).length === 0);
      expect(deny.spec).toEqual({ podSelector: {}, policyTypes: ['Ingress', 'Egress'] });

      const policyFor = (object: Any) =>
        policies.filter((p) => p !== deny && selects(p.spec.podSelector.matchLabels, podLabels(object)));
      const inbound = (object: Any) =>
        policyFor(object).flatMap((p) =>
          (p.spec.ingress ?? []).flatMap((rule: Any) =>
            rule.from.flatMap((from: Any) =>
              rule.ports.map(
                (port: Any) =>
                  `${from.namespaceSelector.matchLabels['kubernetes.io/metadata.name']}:${port.port}`,
              ),
            ),
          ),
        );
      const outbound = (object: Any) =>
        new Set(
          policyFor(object).flatMap((p) =>
            p.spec.egress.flatMap((rule: Any) => rule.ports.map((port: Any) => port.port)),
          ),
        );
      expect(inbound(api).sort()).toEqual(['ingress-nginx:3000', 'monitoring:3000']);
      expect(inbound(worker)).toEqual(['monitoring:3001']);
      expect(inbound(job)).toEqual([]);
      expect(policyFor(job).length).toBe(1);
      expect([...outbound(api)].sort()).toEqual([53, 5432, 6379, 6432, 26379].sort());
      expect([...outbound(worker)].sort()).toEqual([25, 465, 53, 5432, 587, 6379, 6432, 26379].sort());
      expect([...outbound(job)].sort()).toEqual([53, 5432].sort());
    });
  });
});
