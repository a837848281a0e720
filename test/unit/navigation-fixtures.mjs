// Shared by the navigation tests (navigation-*.test.mjs): a workspace of several files seen from
// one of them (its snapshot; the others as the language server's index holds them), and the
// manifests they navigate between.
import assert from 'node:assert/strict';
import { collectRunObjects, FileSnapshot, locateTargets, navWorkspace } from '../../dist/server/engine.js';
import { yaml } from '../helpers/engine.mjs';

/** A workspace of files ({ path: text }) seen from `current`; `at(text)` finds an offset in the current file. */
export function workspaceOf(files, current) {
  const snapshot = FileSnapshot.of(files[current]);
  const others = Object.entries(files).flatMap(([path, text]) => (path === current ? [] : collectRunObjects(path, text)));
  const workspace = navWorkspace(current, snapshot, others);
  const reads = [];
  const read = async (path) => {
    reads.push(path);
    return files[path];
  };
  const locate = async (targets) =>
    (await locateTargets(targets, { filePath: current, snapshot }, read)).map((place) => ({
      file: place.filePath,
      line: place.range.start.line,
      text: (place.filePath === current ? files[current] : files[place.filePath]).slice(place.offsets.start, place.offsets.end),
    }));
  /** Offset of the `nth` occurrence of `search` in the current file, plus `delta`. */
  const at = (search, nth = 0, delta = 1) => {
    let offset = -1;
    for (let i = 0; i <= nth; i += 1) offset = files[current].indexOf(search, offset + 1);
    assert.ok(offset >= 0, `"${search}" not in ${current}`);
    return offset + delta;
  };
  return { workspace, locate, at, reads };
}

export const DEPLOYMENT = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: web
  spec:
    selector:
      matchLabels:
        app: web # the selector
    template:
      metadata:
        labels:
          app: web
          tier: front
      spec:
        serviceAccountName: web-sa
        containers:
        - name: web
          image: nginx:1.27
          ports:
          - name: http
            containerPort: 8080
          env:
          - name: MODE
            valueFrom:
              configMapKeyRef:
                name: settings
                key: mode
          - name: TOKEN
            valueFrom:
              secretKeyRef: {name: creds, key: token}
          volumeMounts:
          - name: data
            mountPath: /data
        volumes:
        - name: data
          persistentVolumeClaim:
            claimName: web-data
`;

export const SERVICE = yaml`
  apiVersion: v1
  kind: Service
  metadata:
    name: web
  spec:
    selector:
      app: web
    ports:
    - name: http
      port: 80
      targetPort: http
`;

export const CONFIG = yaml`
  apiVersion: v1
  kind: ConfigMap
  metadata:
    name: settings
  data:
    mode: fast
    other: x
  ---
  apiVersion: v1
  kind: Secret
  metadata:
    name: creds
  stringData:
    token: abc
  ---
  apiVersion: v1
  kind: PersistentVolumeClaim
  metadata:
    name: web-data
  spec:
    accessModes: [ReadWriteOnce]
    resources: {requests: {storage: 1Gi}}
  ---
  apiVersion: v1
  kind: ServiceAccount
  metadata:
    name: web-sa
`;

export const INGRESS = yaml`
  apiVersion: networking.k8s.io/v1
  kind: Ingress
  metadata:
    name: web
  spec:
    rules:
    - http:
        paths:
        - path: /
          pathType: Prefix
          backend:
            service:
              name: web
              port: {name: http}
`;
