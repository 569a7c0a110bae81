/**
 * Plans the import of a published list (潍坊名单) into the registry: the RegistryCommands that
 * record it, each with a deterministic Idempotency-Key, so that running an import twice writes
 * nothing new. Pure: the currently active bodies come in, the commands go out; the caller runs
 * them in order through DecisionExecutor.execute.
 *
 * Order: the quota baseline first (with `baseline`: the list's count is the ceiling in force
 * from its date on, so the entries recorded after it are judged against it), then the
 * abolitions of listed-series bodies the list no longer names (only with `abolishMissing`: a
 * later list applied as changes), then the entries in list order:
 * - an entry whose name (or one of whose aliases) is the name of an active body: nothing;
 * - an entry that matches an active body only through an alias: a rename to the published name
 *   and aliases (the body is the same; the list publishes it under another name);
 * - any other entry: an EstablishBody with origin 'import' and the little a list says
 *   (name, aliases, kind read off the name, series, duration).
 * Names are compared after normalising: width, whitespace and punctuation, the jurisdiction's
 * name or the bare 市/县/区 in front, and 人民政府 for 政府.
 */
import { kindFromName, type AbolitionReason, type EstablishBody, type LocalDate, type Series } from '#domain';
import { newBodyId, type RegistryCommand } from '#registry-app';
import type { OfficialListItem, ParsedOfficialList } from './official-list.types.js';

/** A command and the Idempotency-Key to execute it with. */
export interface PlannedCommand {
  command: RegistryCommand;
  idempotencyKey: string;
}

/** An active body as the planner sees it. */
export interface ActiveBodyRef {
  id: string;
  name: string;
  aliases: string[];
  /** Needed for `abolishMissing`: only bodies of the list's series can be missing from it. */
  series?: Series;
}

export interface ListImportRequest {
  list: ParsedOfficialList;
  /** GB/T 2260 code, e.g. 370700. */
  jurisdiction: string;
  /** The jurisdiction's name, stripped from the front of names before matching; default from KNOWN_JURISDICTION_NAMES. */
  jurisdictionName?: string;
  series: Series;
  /** The list's 文号, e.g. 潍政办字〔2020〕37号. */
  documentNo: string;
  /** The list's date: the effective date of everything recorded. */
  date: LocalDate;
  /** Record the list's count as the quota baseline (总量控制基准). */
  baseline: boolean;
  /** The jurisdiction's bodies active on `date`. */
  activeBodies: ActiveBodyRef[];
  /** Abolish active bodies of `series` that the list does not name (a later list applied as changes). */
  abolishMissing?: boolean;
  /**
   * The ground recorded for those abolitions, 市级办法 第十五条 (一)–(八); default 8 (其他原因需要撤销的:
   * the list itself). 6 reads "市委、市政府相关议事协调机构已经撤销，市上对口设立…" since the domain's labels follow the source.
   */
  abolitionReason?: AbolitionReason;
}

export type ItemOutcome =
  | { number: number; name: string; action: 'unchanged'; bodyId: string; aliasesDiffer: boolean }
  | { number: number; name: string; action: 'rename'; bodyId: string; from: string }
  | { number: number; name: string; action: 'establish'; bodyId: string };

export interface ListImportPlan {
  commands: PlannedCommand[];
  /** What becomes of each entry, in list order. */
  items: ItemOutcome[];
  /** Active bodies of the series the list does not name (abolished only with `abolishMissing`). */
  missing: ActiveBodyRef[];
  /** Active bodies left out of `abolishMissing` because their series is not known. */
  seriesUnknown: ActiveBodyRef[];
  /** Entries that matched a body another entry had already matched (each gets its own body). */
  conflicts: Array<{ number: number; bodyId: string }>;
}

/** Names of the jurisdictions the project knows, for stripping them from names. */
export const KNOWN_JURISDICTION_NAMES: Record<string, string> = {
  '370700': '潍坊市',
  '370799': '演示市',
};

/** The Idempotency-Key of an entry's command. */
export const importKey = (jurisdiction: string, documentNo: string, suffix: string | number) =>
  `import:${jurisdiction}:${documentNo}:${suffix}`;

/**
 * A name reduced for matching: same width, no whitespace or punctuation, and the jurisdiction
 * in front reduced to the level word a list keeps: 潍坊市人民政府X, 市人民政府X and 市政府X → 政府X;
 * 中共潍坊市委X and 市委X → 委X; 潍坊市X and 市X → X.
 */
export function normaliseName(name: string, jurisdictionName?: string): string {
  const n = name.normalize('NFKC').replace(/[\s\p{P}\p{S}]/gu, '');
  const level = jurisdictionName ? jurisdictionName.slice(-1) : '市';
  const places = [...(jurisdictionName ? [jurisdictionName] : []), level, '市', '县', '区'];
  const prefixes: Array<[string, string]> = places.flatMap((p): Array<[string, string]> => [
    [`中共${p}委`, '委'],
    [`${p}人民政府`, '政府'],
    [`${p}政府`, '政府'],
    [p, ''],
  ]);
  for (const [prefix, replacement] of prefixes) {
    if (n.startsWith(prefix) && n.length > prefix.length) return replacement + n.slice(prefix.length);
  }
  return n;
}

export function planListImport(request: ListImportRequest): ListImportPlan {
  const { list, jurisdiction, documentNo, date, series } = request;
  const jurisdictionName = request.jurisdictionName ?? KNOWN_JURISDICTION_NAMES[jurisdiction];
  const norm = (name: string) => normaliseName(name, jurisdictionName);

  const byName = new Map<string, ActiveBodyRef>();
  const byAlias = new Map<string, ActiveBodyRef>();
  for (const body of request.activeBodies) {
    if (!byName.has(norm(body.name))) byName.set(norm(body.name), body);
    for (const alias of body.aliases) if (!byAlias.has(norm(alias))) byAlias.set(norm(alias), body);
  }

  const entries = list.sections.flatMap((section) => section.items.map((item) => ({ item, duration: section.duration })));
  const used = new Set<string>();
  const items: ItemOutcome[] = [];
  const itemCommands: PlannedCommand[] = [];
  const conflicts: ListImportPlan['conflicts'] = [];

  for (const { item, duration } of entries) {
    const names = [item.name, ...item.aliases].map(norm);
    const byItsName = names.map((n) => byName.get(n)).find((b) => !!b);
    const byItsAlias = byItsName ? undefined : names.map((n) => byAlias.get(n)).find((b) => !!b);
    const match = byItsName ?? byItsAlias;
    const key = importKey(jurisdiction, documentNo, item.number);
    if (match && used.has(match.id)) conflicts.push({ number: item.number, bodyId: match.id });
    if (match && !used.has(match.id)) {
      used.add(match.id);
      if (byItsName && norm(match.name) === norm(item.name)) {
        items.push({ number: item.number, name: item.name, action: 'unchanged', bodyId: match.id, aliasesDiffer: !sameNames(match.aliases, item.aliases, norm) });
        continue;
      }
      // Matched through an alias, or the list names an active body only as its alias: the list renames it.
      items.push({ number: item.number, name: item.name, action: 'rename', bodyId: match.id, from: match.name });
      itemCommands.push({
        idempotencyKey: key,
        command: {
          type: 'RenameBody',
          bodyId: match.id,
          newName: item.name,
          aliases: [...item.aliases],
          documentNo,
          effectiveDate: date,
          reason: `据${documentNo}公布的名单更名`,
          // the published list is the decision: a name it gives is recorded even if another body bears it
          justifications: { duplicate: importJustification(documentNo) },
        },
      });
      continue;
    }
    const bodyId = newBodyId(key);
    items.push({ number: item.number, name: item.name, action: 'establish', bodyId });
    itemCommands.push({ idempotencyKey: key, command: establishFromItem(item, duration, request, bodyId) });
  }

  const unmatched = request.activeBodies.filter((b) => !used.has(b.id));
  const missing = unmatched.filter((b) => b.series === series);
  const seriesUnknown = unmatched.filter((b) => b.series === undefined);
  const abolitions: PlannedCommand[] = request.abolishMissing
    ? missing.map((body) => ({
        idempotencyKey: importKey(jurisdiction, documentNo, `abolish:${body.id}`),
        command: {
          type: 'AbolishBody',
          bodyId: body.id,
          abolitionReason: request.abolitionReason ?? 8,
          disposition: 'abolished',
          documentNo,
          effectiveDate: date,
          reason: `${documentNo}公布的名单未列入，予以撤销`,
        },
      }))
    : [];

  const baseline: PlannedCommand[] = request.baseline
    ? [{
        idempotencyKey: importKey(jurisdiction, documentNo, 'baseline'),
        command: {
          type: 'SetQuotaBaseline',
          jurisdiction,
          total: list.total,
          standing: list.standing,
          temporary: list.temporary,
          series,
          documentNo,
          effectiveDate: date,
          reason: `以${documentNo}公布的数量为基准，实行总量控制`,
        },
      }]
    : [];

  return { commands: [...baseline, ...abolitions, ...itemCommands], items, missing, seriesUnknown, conflicts };
}

function sameNames(a: readonly string[], b: readonly string[], norm: (s: string) => string): boolean {
  const x = a.map(norm).sort();
  const y = b.map(norm).sort();
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

/** Imported entries record a published decision; the rules it bends are shown, not refused. */
function importJustification(documentNo: string): string {
  return `据${documentNo}公布的名单导入：名单所列为已作出的决定，照录`;
}

function establishFromItem(
  item: OfficialListItem,
  duration: 'standing' | 'temporary',
  request: ListImportRequest,
  bodyId: string,
): EstablishBody {
  const { documentNo } = request;
  return {
    type: 'EstablishBody',
    bodyId,
    jurisdiction: request.jurisdiction,
    origin: 'import',
    listing: { documentNo, section: duration, number: item.number },
    documentNo,
    effectiveDate: request.date,
    reason: `据${documentNo}公布的名单导入`,
    justification: importJustification(documentNo),
    profile: {
      name: item.name,
      aliases: [...item.aliases],
      kind: kindFromName(item.name),
      series: request.series,
      duration,
      basis: { conditions: [], text: `据${documentNo}名单导入` },
      reason: `据${documentNo}公布的名单导入`,
      leaders: [],
      deputies: [],
      memberUnits: [],
      tasks: '',
      duties: '',
      hostDepartment: '',
    },
  };
}
