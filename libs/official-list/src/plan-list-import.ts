/**
 * Plans the import of a published list (潍坊名单) into the registry: the RegistryCommands that
 * record it, each with a deterministic Idempotency-Key, so that running an import twice writes
 * nothing new. Pure: the currently active bodies come in, the commands go out; the caller runs
 * them in order through DecisionExecutor.execute.
 *
 * Entries that remove a body (撤销, 不再保留, 不再作为…, 调整为部门联席会议) become an AbolishBody of
 * the matching active body with that disposition; "A更名为B" a RenameBody; "A与B合并，组建C" /
 * "A并入C" a MergeBodies into C (C established from the list first when it is not on file).
 * Whatever cannot be decided — a removal naming no body on file, a merger without a target —
 * goes to `toConfirm` for the clerk, never to a new live body.
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
import { kindFromName, type AbolitionDisposition, type AbolitionReason, type EstablishBody, type LocalDate, type Series } from '#domain';
import { newBodyId, type RegistryCommand } from '#registry-app';
import type { OfficialListItem, OfficialListSection, ParsedOfficialList, SectionAction } from './official-list.types.js';

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
  /** The jurisdiction's bodies active the day before `date`: where a removal, merger or rename of this list finds a body it already removed. */
  bodiesTheDayBefore?: ActiveBodyRef[];
  /** Abolish active bodies of `series` that the list does not name (a later list applied as changes). */
  abolishMissing?: boolean;
  /**
   * The ground recorded for those abolitions, 市级办法 第十五条 (一)–(八); default 8 (其他原因需要撤销的:
   * the list itself). 6 reads "市委、市政府相关议事协调机构已经撤销，市上对口设立…" since the domain's labels follow the source.
   */
  abolitionReason?: AbolitionReason;
}

/** Where an entry stands in the list, shown with what becomes of it (dry runs). */
interface ItemPlace {
  number: number;
  line: number;
  name: string;
  aliases: string[];
  /** The section's heading as printed, "" for a list without headings. */
  section: string;
  /** The section's (or the entry's own) word: keep, abolish, delist, joint-meeting, merge, rename. */
  listed: SectionAction;
  duration: 'standing' | 'temporary';
}

export type ItemOutcome = ItemPlace & (
  | { action: 'unchanged'; bodyId: string; aliasesDiffer: boolean }
  | { action: 'rename'; bodyId: string; from: string }
  | { action: 'establish'; bodyId: string }
  | { action: 'abolish'; bodyId: string; disposition: AbolitionDisposition }
  | { action: 'merge'; sourceBodyIds: string[]; targetBodyId: string }
  /** notOnFile: a removal (撤销, 调整为联席会议 …) of a body the registry never recorded — nothing to remove. */
  | { action: 'to-confirm'; problem: string; notOnFile: boolean }
);

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
  /** Entries the list states but the registry cannot decide alone: the clerk confirms them (the import refuses while there are any). */
  toConfirm: Array<Extract<ItemOutcome, { action: 'to-confirm' }>>;
}

const DISPOSITION: Partial<Record<SectionAction, AbolitionDisposition>> = { abolish: 'abolished', delist: 'delisted', 'joint-meeting': 'joint-meeting' };
const DISPOSITION_LABEL: Record<AbolitionDisposition, string> = { abolished: '撤销', delisted: '不再作为议事协调机构', 'joint-meeting': '调整为部门联席会议' };

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
  const { list, jurisdiction, documentNo, date } = request;
  const jurisdictionName = request.jurisdictionName ?? KNOWN_JURISDICTION_NAMES[jurisdiction];
  const norm = (name: string) => normaliseName(name, jurisdictionName);

  const byName = new Map<string, ActiveBodyRef>();
  const byAlias = new Map<string, ActiveBodyRef>();
  for (const body of request.activeBodies) {
    if (!byName.has(norm(body.name))) byName.set(norm(body.name), body);
    for (const alias of body.aliases) if (!byAlias.has(norm(alias))) byAlias.set(norm(alias), body);
  }
  const find = (names: string[]) => {
    const normalised = names.map(norm);
    const direct = normalised.map((n) => byName.get(n)).find((b) => !!b);
    return { body: direct ?? normalised.map((n) => byAlias.get(n)).find((b) => !!b), byItsName: !!direct };
  };
  // A body the list removes, merges or renames may be gone on the list's date already — by this
  // very list, imported before: it is looked for among the bodies of the day before too (the
  // decision's key then answers as recorded). A removal's remark in brackets is tried without.
  const before = new Map<string, ActiveBodyRef>();
  for (const body of request.bodiesTheDayBefore ?? []) {
    for (const n of [body.name, ...body.aliases]) if (!before.has(norm(n))) before.set(norm(n), body);
  }
  const findGoing = (names: string[]) => {
    const candidates = names.flatMap((n) => [n, n.replace(/[（(][^()（）]*[)）]$/u, '').trim()]);
    return find(candidates).body ?? candidates.map((n) => before.get(norm(n))).find((b) => !!b);
  };

  const entries = list.sections.flatMap((section) => section.items.map((item) => ({ item, section })));
  const place = (item: OfficialListItem, section: OfficialListSection): ItemPlace => ({
    number: item.number, line: item.line, name: item.name, aliases: [...item.aliases], section: section.heading, listed: item.action, duration: item.duration ?? section.duration,
  });
  const used = new Set<string>();
  const outcomes = new Map<OfficialListItem, ItemOutcome>();
  const removals: PlannedCommand[] = [];
  const itemCommands: PlannedCommand[] = [];
  const mergers: PlannedCommand[] = [];
  const conflicts: ListImportPlan['conflicts'] = [];
  // An entry's key is its number when numbering runs on across sections (潍坊: 1–66); where each
  // section counts from 1 again, the section's place goes in front, or two entries would share a key
  // and the second be answered as the first (a body silently not recorded).
  const numbersRunOn = new Set(entries.map(({ item }) => item.number)).size === entries.length;
  const entryLabel = new Map(entries.map(({ item, section }) => [item, numbersRunOn ? `${item.number}` : `s${list.sections.indexOf(section) + 1}.${item.number}`]));
  const key = (item: OfficialListItem, suffix = '') => importKey(jurisdiction, documentNo, `${entryLabel.get(item)}${suffix}`);
  // The place an entry keeps in the registry's list order: its number, or its place in the file
  // where sections count from 1 again (else 县委 and 县政府 entries would interleave on export).
  const ordinal = new Map(entries.map(({ item }, index) => [item, index + 1]));
  const listingNumber = (item: OfficialListItem) => (numbersRunOn ? item.number : ordinal.get(item)!);
  const confirm = (item: OfficialListItem, section: OfficialListSection, problem: string, notOnFile = false) =>
    outcomes.set(item, { ...place(item, section), action: 'to-confirm', problem, notOnFile });

  // 1. Removals and renames first: a body the list renames is then found under its new name.
  for (const { item, section } of entries) {
    const disposition = DISPOSITION[item.action];
    if (disposition) {
      const body = findGoing([item.name, ...item.aliases]);
      if (!body) {
        confirm(item, section, `登记簿中没有名为“${item.name}”的在册机构，无法${DISPOSITION_LABEL[disposition]}`, true);
        continue;
      }
      if (used.has(body.id)) {
        conflicts.push({ number: item.number, bodyId: body.id });
        confirm(item, section, `“${body.name}”已由名单中另一项处理`);
        continue;
      }
      used.add(body.id);
      outcomes.set(item, { ...place(item, section), action: 'abolish', bodyId: body.id, disposition });
      removals.push({
        idempotencyKey: key(item),
        command: {
          type: 'AbolishBody',
          bodyId: body.id,
          abolitionReason: request.abolitionReason ?? 8,
          disposition,
          documentNo,
          effectiveDate: date,
          reason: `据${documentNo}${DISPOSITION_LABEL[disposition]}${item.note ? `(${item.note})` : ''}`,
          justification: importJustification(documentNo),
        },
      });
    } else if (item.action === 'rename' && item.change) {
      const body = findGoing(item.change.from);
      const renamed = find([item.change.to]).body;
      if (!body && renamed) {
        // renamed already (by this list imported before, or otherwise): nothing to record
        outcomes.set(item, { ...place(item, section), action: 'unchanged', bodyId: renamed.id, aliasesDiffer: false });
        continue;
      }
      if (!body) {
        confirm(item, section, `登记簿中没有名为“${item.change.from[0]}”的在册机构，无法更名`);
        continue;
      }
      used.add(body.id);
      outcomes.set(item, { ...place(item, section), action: 'rename', bodyId: body.id, from: body.name });
      removals.push({
        idempotencyKey: key(item),
        command: { type: 'RenameBody', bodyId: body.id, newName: item.change.to, aliases: [...body.aliases], documentNo, effectiveDate: date, reason: `据${documentNo}更名`, justifications: { duplicate: importJustification(documentNo) } },
      });
      // a later entry naming the new name is this body
      byName.set(norm(item.change.to), { ...body, name: item.change.to });
      used.delete(body.id);
    } else if (item.action === 'rename' || (item.action === 'merge' && !item.change?.to)) {
      confirm(item, section, item.action === 'rename' ? '未写明“原名称更名为新名称”' : '未写明合并的机构与合并后的机构');
    }
  }

  // 2. The live entries, in list order.
  const establishedByName = new Map<string, string>();
  for (const { item, section } of entries) {
    if (item.action !== 'keep') continue;
    const { body: match, byItsName } = find([item.name, ...item.aliases]);
    if (match && used.has(match.id)) conflicts.push({ number: item.number, bodyId: match.id });
    if (match && !used.has(match.id)) {
      used.add(match.id);
      if (byItsName && norm(match.name) === norm(item.name)) {
        outcomes.set(item, { ...place(item, section), action: 'unchanged', bodyId: match.id, aliasesDiffer: !sameNames(match.aliases, item.aliases, norm) });
        continue;
      }
      // Matched through an alias, or the list names an active body only as its alias: the list renames it.
      outcomes.set(item, { ...place(item, section), action: 'rename', bodyId: match.id, from: match.name });
      itemCommands.push({
        idempotencyKey: key(item),
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
    const bodyId = newBodyId(key(item));
    outcomes.set(item, { ...place(item, section), action: 'establish', bodyId });
    establishedByName.set(norm(item.name), bodyId);
    itemCommands.push({ idempotencyKey: key(item), command: establishFromItem(item, section, request, bodyId, listingNumber(item)) });
  }

  // 3. Mergers, once their target is on file (found, or established by the list just before).
  for (const { item, section } of entries) {
    if (item.action !== 'merge' || !item.change?.to) continue;
    const sources = item.change.from.map((n) => findGoing([n]));
    const missingSources = item.change.from.filter((_, i) => !sources[i]);
    if (missingSources.length > 0) {
      confirm(item, section, `登记簿中没有被合并的机构：${missingSources.join('、')}`);
      continue;
    }
    const sourceIds = sources.map((b) => b!.id);
    if (sourceIds.some((id) => used.has(id))) {
      confirm(item, section, '被合并的机构已由名单中另一项处理');
      continue;
    }
    let targetId = find([item.change.to]).body?.id ?? establishedByName.get(norm(item.change.to));
    if (!targetId) {
      // 组建 a body the list does not otherwise name: established from the entry, then the sources merge into it.
      targetId = newBodyId(key(item, ':target'));
      const target: OfficialListItem = { ...item, name: item.change.to, aliases: [], aliasStyles: [], action: 'keep' };
      itemCommands.push({ idempotencyKey: key(item, ':target'), command: establishFromItem(target, section, request, targetId, listingNumber(item)) });
      establishedByName.set(norm(item.change.to), targetId);
    }
    if (sourceIds.includes(targetId)) {
      confirm(item, section, '合并后的机构不能同时是被合并的机构');
      continue;
    }
    for (const id of sourceIds) used.add(id);
    used.add(targetId);
    outcomes.set(item, { ...place(item, section), action: 'merge', sourceBodyIds: sourceIds, targetBodyId: targetId });
    mergers.push({
      idempotencyKey: key(item),
      command: {
        type: 'MergeBodies',
        mergerId: newBodyId(key(item, ':merger')),
        jurisdiction,
        mergerReason: 3,
        sourceBodyIds: sourceIds,
        target: { kind: 'existing', bodyId: targetId },
        documentNo,
        effectiveDate: date,
        reason: `据${documentNo}：${item.rawText}`,
        justification: importJustification(documentNo),
      },
    });
  }
  for (const { item, section } of entries) if (!outcomes.has(item)) confirm(item, section, '无法确定此项的处理方式');

  const series = request.series;
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

  // The baseline counts the live entries of the import's series (a list naming 市委 and 市政府 sections sets the one given).
  const counted = entries.filter(({ item, section }) => item.action === 'keep' && (section.series ?? series) === series);
  const baselineCounts = {
    total: counted.length,
    standing: counted.filter(({ item, section }) => (item.duration ?? section.duration) === 'standing').length,
    temporary: counted.filter(({ item, section }) => (item.duration ?? section.duration) === 'temporary').length,
  };
  const baseline: PlannedCommand[] = request.baseline
    ? [{
        idempotencyKey: importKey(jurisdiction, documentNo, 'baseline'),
        command: {
          type: 'SetQuotaBaseline',
          jurisdiction,
          ...baselineCounts,
          series,
          ...(list.title ? { listTitle: list.title } : {}),
          documentNo,
          effectiveDate: date,
          reason: `以${documentNo}公布的数量为基准，实行总量控制`,
        },
      }]
    : [];

  const items = entries.map(({ item }) => outcomes.get(item)!);
  return {
    commands: [...baseline, ...removals, ...abolitions, ...itemCommands, ...mergers],
    items,
    missing,
    seriesUnknown,
    conflicts,
    toConfirm: items.filter((o): o is Extract<ItemOutcome, { action: 'to-confirm' }> => o.action === 'to-confirm'),
  };
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
  section: OfficialListSection,
  request: ListImportRequest,
  bodyId: string,
  listingNumber: number,
): EstablishBody {
  const { documentNo } = request;
  const duration = item.duration ?? section.duration;
  return {
    type: 'EstablishBody',
    bodyId,
    jurisdiction: request.jurisdiction,
    origin: 'import',
    listing: { documentNo, section: duration, number: listingNumber },
    documentNo,
    effectiveDate: request.date,
    reason: `据${documentNo}公布的名单导入`,
    justification: importJustification(documentNo),
    profile: {
      name: item.name,
      aliases: [...item.aliases],
      kind: kindFromName(item.name),
      // a heading naming the series (市委… / 市政府…) wins over the one the import was given
      series: section.series ?? request.series,
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
