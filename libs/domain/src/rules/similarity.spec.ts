import { bigrams, coreOfName, diceSimilarity } from './similarity.js';
import { dutiesSimilar, namesSimilar } from './body-similarity.js';
import { WEIFANG_STANDING, WEIFANG_TEMPORARY, splitPublishedName } from '../testing/weifang.fixtures.js';

/** 潍坊名单's names without the bracketed second names. */
const LISTED = [...WEIFANG_STANDING, ...WEIFANG_TEMPORARY].map((entry) => splitPublishedName(entry).name);

describe('coreOfName: what is left once the jurisdiction and the kind are dropped', () => {
  it.each([
    ['潍坊市食品安全委员会', '食品安全'],
    ['潍坊市食品安全工作领导小组', '食品安全'],
    ['潍坊市人民政府防汛抗旱指挥部', '防汛抗旱'],
    ['中共潍坊市委全面依法治市委员会', '全面依法治市'],
    ['寿光市安全生产委员会', '安全生产'],
    ['临朐县森林草原防灭火指挥部', '森林草原防灭火'],
    ['市爱国卫生运动委员会(健康中国行动潍坊推进委员会)', '爱国卫生运动'],
    ['市推进政府职能转变和“放管服”改革协调小组', '推进政府职能转变和“放管服”改革'],
  ])('%s → %s', (name, core) => {
    expect(coreOfName(name)).toBe(core);
  });

  it.each([
    ['市禁毒委员会', '禁毒'],
    ['市城市管理委员会', '城市管理'],
    ['市城乡社区治理工作领导小组', '城乡社区治理'],
    ['市质量强市和推进标准化战略领导小组', '质量强市和推进标准化战略'],
    ['市政府残疾人工作委员会', '残疾人'],
  ])('潍坊名单 abbreviates its own level to 市: %s → %s', (name, core) => {
    expect(coreOfName(name)).toBe(core);
  });
});

describe('namesSimilar: 市级办法 第六条(三) "职责相同或者相近"', () => {
  it.each([
    ['潍坊市食品安全委员会', '潍坊市食品安全工作领导小组'],
    ['潍坊市安全生产委员会', '潍坊市安全生产工作领导小组'],
    ['潍坊市防汛抗旱指挥部', '潍坊市人民政府防汛抗旱指挥部'],
    ['市禁毒委员会', '潍坊市禁毒工作领导小组'],
    ['市城市管理委员会', '潍坊市城市管理委员会'],
    ['市老龄工作委员会', '潍坊市老龄委员会'],
    ['潍坊市社会信用体系建设领导小组', '潍坊市社会信用体系建设工作领导小组'],
    ['潍坊市深化医药卫生体制改革领导小组', '潍坊市深化医药卫生体制改革工作领导小组'],
    ['潍坊市语言文字工作委员会', '潍坊市语言文字委员会'],
  ])('%s matches %s', (a, b) => {
    expect(namesSimilar(a, b)).toBe(true);
    expect(namesSimilar(b, a)).toBe(true);
  });

  it('every listed 市X matches 潍坊市X: the list\'s abbreviation does not hide a duplicate', () => {
    const missed = LISTED.filter((name) => name.startsWith('市') && !namesSimilar(name, `潍坊${name}`));
    expect(missed).toEqual([]);
  });

  it.each([
    ['潍坊市安全生产委员会', '潍坊市食品安全委员会'],
    ['市防汛抗旱指挥部', '市森林草原防灭火指挥部'],
    ['市减灾委员会', '市防震减灾工作领导小组'],
    ['市政府防治重大疾病工作领导小组', '市政府防治艾滋病工作委员会'],
    ['市防控重大动物疫病指挥部', '市政府防治重大疾病工作领导小组'],
    ['市营业税改征增值税试点工作领导小组', '市水资源税改革试点工作领导小组'],
    ['市城市管理委员会', '市城乡社区治理工作领导小组'],
    ['市城市管理委员会', '市城市建设重点项目领导小组'],
    ['市妇女儿童工作委员会', '市未成年人保护委员会'],
    ['潍坊机场净空和电磁环境保护工作领导小组', '潍坊机场迁建工程指挥部'],
  ])('%s does not match %s', (a, b) => {
    expect(namesSimilar(a, b)).toBe(false);
  });

  it('潍坊名单: no two of the 66 published bodies are taken for duplicates of each other', () => {
    const clashes: string[] = [];
    for (let i = 0; i < LISTED.length; i++) {
      for (let j = i + 1; j < LISTED.length; j++) {
        if (namesSimilar(LISTED[i], LISTED[j])) clashes.push(`${LISTED[i]} ~ ${LISTED[j]}`);
      }
    }
    expect(LISTED).toHaveLength(66);
    expect(clashes).toEqual([]);
  });

  it('an identical name always matches, even one that is all prefix and suffix', () => {
    expect(namesSimilar('潍坊市委员会', '潍坊市委员会')).toBe(true);
  });

  it('names that are nothing but a jurisdiction do not match each other', () => {
    expect(namesSimilar('潍坊市', '寿光市')).toBe(false);
  });
});

describe('dutiesSimilar', () => {
  const foodSafety = '分析全市食品安全形势，研究部署、统筹指导食品安全工作，提出食品安全监督管理的重大政策措施，督促落实食品安全监督管理责任';

  it('the same duties reworded slightly match', () => {
    expect(dutiesSimilar(foodSafety, '分析全市食品安全形势，研究部署、统筹指导全市食品安全工作，提出食品安全监督管理的重大政策措施，督促落实食品安全监管责任')).toBe(true);
  });

  it('duties of another field do not match', () => {
    expect(dutiesSimilar(foodSafety, '研究部署全市安全生产工作，分析安全生产形势，协调解决安全生产重大问题，组织安全生产巡查和考核')).toBe(false);
  });

  it('texts too short to judge (fewer than 8 characters) never match', () => {
    expect(dutiesSimilar('食品安全工作', '食品安全工作')).toBe(false);
  });
});

describe('diceSimilarity over character bigrams', () => {
  it('counts bigrams with their multiplicity and ignores punctuation', () => {
    expect(bigrams('食品、安全')).toEqual(new Map([['食品', 1], ['品安', 1], ['安全', 1]]));
    expect(bigrams('安全安全')).toEqual(new Map([['安全', 2], ['全安', 1]]));
  });

  it('is 1 for equal texts, 0 for disjoint ones, symmetric in between', () => {
    expect(diceSimilarity('防汛抗旱', '防汛抗旱')).toBe(1);
    expect(diceSimilarity('防汛抗旱', '禁毒')).toBe(0);
    expect(diceSimilarity('安全生产', '食品安全')).toBeCloseTo(1 / 3);
    expect(diceSimilarity('食品安全', '安全生产')).toBeCloseTo(1 / 3);
    expect(diceSimilarity('', '')).toBe(0);
  });

  it('a single character is its own gram', () => {
    expect(diceSimilarity('禁', '禁')).toBe(1);
  });
});
