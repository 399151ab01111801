import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { isSensitivityLevel, parseComplianceGroups } from '../../classify/levels.js';
import type { FieldMetadata } from '../../classify/classifier.js';
import { AirlockError } from '../../core/errors.js';

/**
 * Reads custom-field classification metadata from an SFDX project: every
 * `objects/<Object>/fields/<Field>.field-meta.xml` under the package directories listed in
 * `sfdx-project.json` (nesting varies between projects, so each directory is walked).
 */
export async function readFieldMetadata(projectDir: string): Promise<FieldMetadata> {
  const packageDirs = await packageDirectories(projectDir);
  const fields: FieldMetadata = new Map();
  const parser = new XMLParser({ ignoreAttributes: true, removeNSPrefix: true, isArray: (name) => name === 'complianceGroup' });
  for (const dir of packageDirs) {
    for await (const file of walk(join(projectDir, dir))) {
      if (!file.endsWith('.field-meta.xml')) continue;
      const parts = relative(projectDir, file).split(sep);
      const at = parts.lastIndexOf('fields');
      const object = parts[at - 2] === 'objects' ? parts[at - 1] : undefined;
      if (at < 2 || !object) continue;
      const field = (parts[at + 1] as string).replace(/\.field-meta\.xml$/, '');
      let doc: { CustomField?: Record<string, unknown> };
      try {
        doc = parser.parse(await readFile(file, 'utf8')) as typeof doc;
      } catch (error) {
        throw new AirlockError('CONFIG_INVALID', `cannot parse field metadata ${relative(projectDir, file)}`, { cause: error });
      }
      const meta = doc.CustomField ?? {};
      const level = typeof meta.securityClassification === 'string' ? meta.securityClassification.trim() : undefined;
      const groups = parseComplianceGroups((meta.complianceGroup as unknown[] | undefined)?.map(String));
      if (level === undefined && groups.length === 0) continue;
      fields.set(`${object}.${field}`, {
        ...(level !== undefined && isSensitivityLevel(level) ? { level } : {}),
        groups,
      });
    }
  }
  return fields;
}

async function packageDirectories(projectDir: string): Promise<string[]> {
  let raw: string;
  try {
    raw = await readFile(join(projectDir, 'sfdx-project.json'), 'utf8');
  } catch (error) {
    throw new AirlockError('CONFIG_INVALID', `no sfdx-project.json in ${projectDir}`, { cause: error });
  }
  let project: { packageDirectories?: Array<{ path?: unknown }> };
  try {
    project = JSON.parse(raw) as typeof project;
  } catch (error) {
    throw new AirlockError('CONFIG_INVALID', 'sfdx-project.json is not valid JSON', { cause: error });
  }
  const dirs = (project.packageDirectories ?? []).map((d) => d.path).filter((p): p is string => typeof p === 'string');
  if (dirs.length === 0) throw new AirlockError('CONFIG_INVALID', 'sfdx-project.json lists no packageDirectories');
  return dirs;
}

async function* walk(dir: string): AsyncGenerator<string> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile() || (entry.isSymbolicLink() && (await stat(path)).isFile())) yield path;
  }
}
