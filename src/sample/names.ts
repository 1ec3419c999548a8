/**
 * Realistic names for the sample: company names per industry (English company-style names for
 * the English file, "[城市][字号][行业]有限公司" for the Chinese one), KA managers, regions and
 * industries in both languages. Names are drawn from their own random stream, so the numbers
 * of the English and the Chinese file are identical.
 */
import { Random } from "./prng";

export type SampleLocale = "en" | "zh";

export interface Labelled {
  readonly en: string;
  readonly zh: string;
}

export const REGIONS: readonly (Labelled & { weight: number })[] = [
  { en: "East China", zh: "华东", weight: 30 },
  { en: "South China", zh: "华南", weight: 22 },
  { en: "North China", zh: "华北", weight: 18 },
  { en: "Central China", zh: "华中", weight: 12 },
  { en: "Southwest", zh: "西南", weight: 9 },
  { en: "Northwest", zh: "西北", weight: 5 },
  { en: "Northeast", zh: "东北", weight: 4 },
];

export interface Industry extends Labelled {
  readonly weight: number;
  /** Business words used in company names. */
  readonly enWords: readonly string[];
  readonly zhWords: readonly string[];
}

export const INDUSTRIES: readonly Industry[] = [
  {
    en: "Machinery",
    zh: "机械制造",
    weight: 18,
    enWords: ["Precision Machinery", "Machine Tools", "Industrial Equipment", "Engineering"],
    zhWords: ["精密机械", "机床", "重工", "机电设备"],
  },
  {
    en: "Electronics",
    zh: "电子",
    weight: 16,
    enWords: ["Electronics", "Microsystems", "Semiconductors", "Components"],
    zhWords: ["电子", "微电子", "电子科技", "光电"],
  },
  {
    en: "Chemicals",
    zh: "化工",
    weight: 11,
    enWords: ["Chemicals", "Coatings", "Polymers", "Materials"],
    zhWords: ["化工", "新材料", "涂料", "精细化工"],
  },
  {
    en: "Automotive",
    zh: "汽车零部件",
    weight: 13,
    enWords: ["Auto Parts", "Automotive", "Motor Components", "Drivetrain"],
    zhWords: ["汽车零部件", "汽配", "车桥", "动力总成"],
  },
  {
    en: "Food & Beverage",
    zh: "食品饮料",
    weight: 9,
    enWords: ["Foods", "Beverages", "Dairy", "Brewing"],
    zhWords: ["食品", "饮料", "乳业", "酿造"],
  },
  {
    en: "Pharmaceuticals",
    zh: "医药",
    weight: 8,
    enWords: ["Pharma", "Life Sciences", "Biotech", "Medical"],
    zhWords: ["医药", "生物科技", "制药", "医疗器械"],
  },
  {
    en: "Logistics",
    zh: "物流",
    weight: 7,
    enWords: ["Logistics", "Freight", "Supply Chain", "Transport"],
    zhWords: ["物流", "供应链", "运输", "仓储"],
  },
  {
    en: "Construction",
    zh: "建筑建材",
    weight: 8,
    enWords: ["Construction", "Building Materials", "Steel Structures", "Cement"],
    zhWords: ["建材", "建设", "钢结构", "水泥"],
  },
  { en: "Retail", zh: "零售", weight: 5, enWords: ["Retail", "Stores", "Trading", "Wholesale"], zhWords: ["商贸", "百货", "贸易", "连锁"] },
  {
    en: "Energy",
    zh: "能源",
    weight: 5,
    enWords: ["Energy", "Power Systems", "Solar", "Grid Solutions"],
    zhWords: ["能源", "电力设备", "新能源", "光伏"],
  },
];

export const CREDIT_RATINGS = ["AAA", "AA", "A", "BBB", "BB", "B", "CCC", "CC", "C"] as const;
export const CREDIT_WEIGHTS = [6, 14, 24, 24, 14, 9, 5, 3, 1];

const EN_PREFIXES = [
  "Apex",
  "Northwind",
  "Blue River",
  "Summit",
  "Evergreen",
  "Ironbridge",
  "Silverline",
  "Redwood",
  "Harbor",
  "Pinnacle",
  "Crescent",
  "Granite",
  "Oakridge",
  "Lakeside",
  "Meridian",
  "Falcon",
  "Horizon",
  "Sterling",
  "Westbrook",
  "Keystone",
  "Bright Star",
  "Golden Gate",
  "Eastwind",
  "Riverside",
  "Cedar",
  "Atlas",
  "Vanguard",
  "Crown",
  "Delta",
  "Orion",
  "Pacific",
  "Highland",
  "Bluewater",
  "Stonegate",
  "Maple",
  "Sunrise",
  "Clearwater",
  "Trident",
  "Nova",
  "Unity",
  "Greenfield",
  "Lighthouse",
  "Copperfield",
  "Everest",
  "Silver Oak",
  "Jade",
  "Phoenix",
  "Sapphire",
  "Beacon",
  "Frontier",
];
const EN_SUFFIXES = ["Ltd", "Co., Ltd", "Inc.", "Group", "Corp.", "Holdings", "Industries"];

const ZH_CITIES = [
  "上海",
  "苏州",
  "无锡",
  "宁波",
  "杭州",
  "南京",
  "常州",
  "嘉兴",
  "深圳",
  "广州",
  "东莞",
  "佛山",
  "厦门",
  "北京",
  "天津",
  "青岛",
  "济南",
  "武汉",
  "长沙",
  "郑州",
  "合肥",
  "成都",
  "重庆",
  "西安",
  "沈阳",
  "大连",
  "华东",
  "华南",
  "江苏",
  "浙江",
];
const ZH_BRANDS = [
  "恒达",
  "华信",
  "鑫源",
  "永盛",
  "宏图",
  "瑞丰",
  "金泰",
  "华瑞",
  "中鼎",
  "东方",
  "新世纪",
  "天成",
  "博远",
  "正泰",
  "精诚",
  "利华",
  "长城",
  "汇通",
  "海纳",
  "锦程",
  "安达",
  "德润",
  "丰华",
  "远航",
  "明阳",
  "盛世",
  "同创",
  "万通",
  "凯撒",
  "开元",
  "佳禾",
  "中联",
  "腾飞",
  "宇通",
  "华峰",
  "国泰",
  "富春",
  "泰和",
  "星辰",
  "金桥",
];
const ZH_FORMS = ["有限公司", "有限公司", "有限公司", "股份有限公司", "集团有限公司"];

const EN_MANAGERS = [
  "Emma Clarke",
  "James Wright",
  "Olivia Chen",
  "Daniel Murphy",
  "Sophie Turner",
  "Liam O'Brien",
  "Grace Patel",
  "Noah Fischer",
  "Hannah Kim",
  "Lucas Moreau",
  "Chloe Evans",
  "Ethan Walsh",
];
const ZH_MANAGERS = ["王伟", "李娜", "张敏", "刘洋", "陈静", "杨帆", "赵磊", "黄丽", "周杰", "吴婷", "徐强", "孙悦"];

export function managerNames(locale: SampleLocale): readonly string[] {
  return locale === "zh" ? ZH_MANAGERS : EN_MANAGERS;
}

/** Unique company names, one per customer, for the industries given. */
export function companyNames(industries: readonly Industry[], locale: SampleLocale, seed: number): string[] {
  const rnd = new Random(seed, locale === "zh" ? 0x2f : 0x1e);
  const used = new Set<string>();
  return industries.map((ind) => {
    for (let attempt = 0; ; attempt++) {
      let name: string;
      if (locale === "zh") {
        name = `${rnd.pick(ZH_CITIES)}${rnd.pick(ZH_BRANDS)}${rnd.pick(ind.zhWords)}${rnd.pick(ZH_FORMS)}`;
      } else {
        name = `${rnd.pick(EN_PREFIXES)} ${rnd.pick(ind.enWords)} ${rnd.pick(EN_SUFFIXES)}`;
      }
      if (attempt > 50) name = locale === "zh" ? name.replace(/公司$/, `第${attempt}分公司`) : `${name} ${attempt}`;
      // Names must also be unique once case and surrounding spaces are ignored (PivotTable grouping).
      const key = name.trim().toLowerCase();
      if (!used.has(key)) {
        used.add(key);
        return name;
      }
    }
  });
}
