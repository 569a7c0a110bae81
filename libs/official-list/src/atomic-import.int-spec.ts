/**
 * A list import is all or nothing, on the real SQLite store through the real command path:
 * a clean-up list becomes abolitions (with their disposition), a merger and a rename; a list
 * one of whose decisions is refused writes nothing at all; a second run writes nothing new.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays } from '#domain';
import { SqliteEventStore, verifyLog } from '#event-store';
import { JurisdictionBodies, foldBodyStream, type Principal } from '#registry-app';
import { importAtomically } from './atomic-import.js';
import { listImportProblems } from './list-import-check.js';
import { parseOfficialList } from './parse-official-list.js';
import { planListImport } from './plan-list-import.js';

const J = '370724';
const principal: Principal = { name: '临朐县委编办', role: 'registrar', jurisdictions: [J] };

const FIRST = [
  '县政府议事协调机构名单',
  '一、常设议事协调机构（6个）',
  '1.县安全生产委员会',
  '2.县就业和农民工工作领导小组',
  '3.县劳动关系三方协调委员会',
  '4.县防汛抗旱指挥部',
  '5.县老龄工作委员会',
  '6.县爱国卫生运动委员会',
  '二、阶段性议事协调机构（2个）',
  '7.县农村税费改革工作领导小组',
  '8.县第三次全国国土调查领导小组',
].join('\n');

const CLEAN_UP = [
  '县政府议事协调机构清理结果',
  '一、保留的议事协调机构（3个）',
  '1.县安全生产委员会',
  '2.县就业和劳动关系工作领导小组',
  '3.县防汛抗旱和应急指挥部',
  '二、撤销的议事协调机构（2个）',
  '4.县农村税费改革工作领导小组（工作任务已经完成）',
  '5.县第三次全国国土调查领导小组',
  '三、调整为部门联席会议的议事协调机构（1个）',
  '6.县老龄工作委员会',
  '四、不再作为县政府议事协调机构的（1个）',
  '7.县爱国卫生运动委员会',
  '五、合并的议事协调机构（1个）',
  '8.县就业和农民工工作领导小组与县劳动关系三方协调委员会合并，组建县就业和劳动关系工作领导小组',
  '六、更名的议事协调机构（1个）',
  '9.县防汛抗旱指挥部更名为县防汛抗旱和应急指挥部',
].join('\n');

describe('importing lists all or nothing (SQLite, DecisionExecutor)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'atomic-import-'));
  const store = new SqliteEventStore(join(dir, 'events.sqlite'));
  const active = async (date: string) => new JurisdictionBodies(store).activeOn(J, date);
  const plan = async (text: string, documentNo: string, date: string, baseline = false) => {
    const list = parseOfficialList(text);
    const planned = planListImport({ list, jurisdiction: J, series: 'government', documentNo, date, baseline, activeBodies: await active(date), bodiesTheDayBefore: await active(addDays(date, -1)) });
    return { list, planned };
  };

  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('records the first list with its baseline (8 = 6 + 2) in one append', async () => {
    const { list, planned } = await plan(FIRST, '临政办发〔2015〕1号', '2015-01-01', true);
    expect(listImportProblems(list, planned, { baseline: true })).toEqual([]);
    const result = await importAtomically(store, J, planned.commands, principal);
    expect(result.eventsRecorded).toBe(9);
    const events = await store.readAll();
    expect(events).toHaveLength(9);
    // one append: one recording instant for all
    expect(new Set(events.map((e) => e.position)).size).toBe(9);
    expect((await active('2015-01-01')).map((b) => b.name)).toHaveLength(8);
  });

  it('turns a clean-up list into abolitions with their disposition, a merger and a rename; no removed body is live', async () => {
    const { list, planned } = await plan(CLEAN_UP, '临政办发〔2021〕12号', '2021-05-10');
    expect(listImportProblems(list, planned)).toEqual([]);
    expect(planned.items.map((i) => [i.number, i.action])).toEqual([
      [1, 'unchanged'], [2, 'establish'], [3, 'unchanged'], [4, 'abolish'], [5, 'abolish'], [6, 'abolish'], [7, 'abolish'], [8, 'merge'], [9, 'rename'],
    ]);
    expect(planned.items.filter((i) => i.action === 'abolish').map((i) => 'disposition' in i && i.disposition)).toEqual(['abolished', 'abolished', 'joint-meeting', 'delisted']);
    await importAtomically(store, J, planned.commands, principal);
    expect((await active('2021-05-10')).map((b) => b.name).sort()).toEqual(['县安全生产委员会', '县就业和劳动关系工作领导小组', '县防汛抗旱和应急指挥部'].sort());
    const ended = await Promise.all((await store.readAll({ types: ['BodyAbolished'] })).map(async (e) => foldBodyStream(await store.readStream(e.streamId))!));
    expect(ended.map((b) => [b.name, b.endedOn])).toHaveLength(4);
    expect((await store.readAll({ types: ['BodiesMerged'] }))).toHaveLength(1);
    expect((await verifyLog(store)).problems).toEqual([]);
  });

  it('records nothing new when the same list is imported again', async () => {
    const head = await store.headPosition();
    const { list, planned } = await plan(CLEAN_UP, '临政办发〔2021〕12号', '2021-05-10');
    // the bodies it removed are found as they were the day before: nothing to confirm, every key answered
    expect(listImportProblems(list, planned)).toEqual([]);
    const again = await importAtomically(store, J, planned.commands, principal);
    expect(again.eventsRecorded).toBe(0);
    expect(await store.headPosition()).toBe(head);
  });

  it('writes nothing at all when one decision of the list is refused, even after others were accepted', async () => {
    const head = await store.headPosition();
    const { planned } = await plan('一、常设议事协调机构（2个）\n1.县新设甲领导小组\n2.县新设乙领导小组', '临政办发〔2022〕3号', '2022-01-01');
    expect(planned.commands.map((c) => c.command.type)).toEqual(['EstablishBody', 'EstablishBody']);
    // the second establishment carries a name the registry refuses (documentNo missing: an error rule)
    const broken = planned.commands.map((c, i) => (i === 1 && c.command.type === 'EstablishBody' ? { ...c, command: { ...c.command, documentNo: '' } } : c));
    await expect(importAtomically(store, J, broken, principal)).rejects.toThrow();
    expect(await store.headPosition()).toBe(head);
    expect((await active('2022-01-01')).map((b) => b.name)).not.toContain('县新设甲领导小组');
  });

  it('refuses the whole import when someone recorded in the jurisdiction meanwhile', async () => {
    const head = await store.headPosition();
    const { planned } = await plan('一、常设议事协调机构（1个）\n1.县新设丙领导小组', '临政办发〔2022〕4号', '2022-02-01');
    const racing = await plan('一、常设议事协调机构（1个）\n1.县新设丁领导小组', '临政办发〔2022〕5号', '2022-02-01');
    // the racing import lands between this one's planning and its append
    const original = store.append.bind(store);
    let raced = false;
    store.append = async (writes, options) => {
      if (!raced) {
        raced = true;
        await importAtomically(store, J, racing.planned.commands, principal);
      }
      return original(writes, options);
    };
    try {
      await expect(importAtomically(store, J, planned.commands, principal)).rejects.toThrow(/之后又有登记/u);
    } finally {
      store.append = original;
    }
    const names = (await active('2022-02-01')).map((b) => b.name);
    expect(names).toContain('县新设丁领导小组');
    expect(names).not.toContain('县新设丙领导小组');
    expect(await store.headPosition()).toBe(head + 1);
  });

  it('sends removals of bodies not on file, and mergers without a target, to the clerk instead of recording them', async () => {
    const { list, planned } = await plan('一、撤销的议事协调机构（1个）\n1.县从未登记领导小组\n二、合并的议事协调机构（1个）\n2.县安全生产委员会、县就业和劳动关系工作领导小组合并', '临政办发〔2022〕6号', '2022-03-01');
    expect(planned.commands).toEqual([]);
    expect(planned.toConfirm.map((c) => [c.number, c.problem])).toEqual([
      [1, '登记簿中没有名为“县从未登记领导小组”的在册机构，无法撤销'],
      [2, '未写明合并的机构与合并后的机构'],
    ]);
    expect(listImportProblems(list, planned)).toHaveLength(2);
    // the clerk may confirm that a removal of a body never recorded has nothing to remove; the merger still needs a target
    expect(listImportProblems(list, planned, { skipRemovalsNotOnFile: true })).toEqual(['第 4 行第 2 项“县安全生产委员会”须确认：未写明合并的机构与合并后的机构']);
  });
});
