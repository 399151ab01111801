// After npm builds re2 and better-sqlite3 from source, their intermediate object files
// (about 85 MB) stay in node_modules. Only the compiled .node files are loaded at run time,
// so the intermediates are removed to keep the install lean. node-llama-cpp ships a git
// bundle of llama.cpp (34 MB) used only to build llama.cpp from source; Airlock runs its
// prebuilt CPU binary, so the bundle goes too. Safe to run repeatedly.
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', 'node_modules');
const intermediates = [
  're2/build/Release/obj.target',
  're2/build/Release/.deps',
  'better-sqlite3/build/Release/obj.target',
  'better-sqlite3/build/Release/obj',
  'better-sqlite3/build/Release/.deps',
  'better-sqlite3/build/Release/sqlite3.a',
  'better-sqlite3/build/Release/test_extension.node',
  'node-llama-cpp/llama/gitRelease.bundle',
];
for (const rel of intermediates) {
  const path = join(root, rel);
  if (existsSync(path)) rmSync(path, { recursive: true, force: true });
}
