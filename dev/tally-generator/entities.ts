// The municipalities and unions a generated tally is made of.

export interface TallyEntity {
  serial: number;
  prefCode: number;
  pref: string;
  /** 保険者番号: 6 digits as text, leading zero kept. */
  code: string;
  name: string;
  population: number;
  /** 第1号被保険者数 */
  insured: number;
  /** 規模区分 (FY2025+); derived from the rulebook's size classes when absent. */
  sizeBand?: string;
  /** 過疎地域 */
  depopulated?: boolean;
  previousTotal?: number;
  previousRank?: number;
  /** Points per sub-item id; absent = 0. */
  points: Record<string, number>;
}

export interface TallyUnion {
  name: string;
  code: string;
  /** Member 保険者番号 (TallyEntity.code). */
  members: string[];
}
