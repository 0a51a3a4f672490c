// Hand-authored names (English / Simplified Chinese) for the DCW provinces and the countries the
// story's views show. Keys: DCW state codes (gmt-dcw dcw-states.txt) and ISO 3166-1 numeric ids
// (world-atlas feature ids).

/** Province-level units of China in DCW (`gmt coast -ECN.xx`). */
export const PROVINCES = [
  { dcw: 'AH', en: 'Anhui', zh: '安徽' },
  { dcw: 'BJ', en: 'Beijing', zh: '北京' },
  { dcw: 'CQ', en: 'Chongqing', zh: '重庆' },
  { dcw: 'FJ', en: 'Fujian', zh: '福建' },
  { dcw: 'GD', en: 'Guangdong', zh: '广东' },
  { dcw: 'GS', en: 'Gansu', zh: '甘肃' },
  { dcw: 'GX', en: 'Guangxi', zh: '广西' },
  { dcw: 'GZ', en: 'Guizhou', zh: '贵州' },
  { dcw: 'HA', en: 'Henan', zh: '河南' },
  { dcw: 'HB', en: 'Hubei', zh: '湖北' },
  { dcw: 'HE', en: 'Hebei', zh: '河北' },
  { dcw: 'HI', en: 'Hainan', zh: '海南' },
  { dcw: 'HK', en: 'Hong Kong', zh: '香港' },
  { dcw: 'HL', en: 'Heilongjiang', zh: '黑龙江' },
  { dcw: 'HN', en: 'Hunan', zh: '湖南' },
  { dcw: 'JL', en: 'Jilin', zh: '吉林' },
  { dcw: 'JS', en: 'Jiangsu', zh: '江苏' },
  { dcw: 'JX', en: 'Jiangxi', zh: '江西' },
  { dcw: 'LN', en: 'Liaoning', zh: '辽宁' },
  { dcw: 'MO', en: 'Macao', zh: '澳门' },
  { dcw: 'NM', en: 'Inner Mongolia', zh: '内蒙古' },
  { dcw: 'NX', en: 'Ningxia', zh: '宁夏' },
  { dcw: 'QH', en: 'Qinghai', zh: '青海' },
  { dcw: 'SC', en: 'Sichuan', zh: '四川' },
  { dcw: 'SD', en: 'Shandong', zh: '山东' },
  { dcw: 'SH', en: 'Shanghai', zh: '上海' },
  { dcw: 'SN', en: 'Shaanxi', zh: '陕西' },
  { dcw: 'SX', en: 'Shanxi', zh: '山西' },
  { dcw: 'TJ', en: 'Tianjin', zh: '天津' },
  { dcw: 'TW', en: 'Taiwan', zh: '台湾' },
  { dcw: 'XJ', en: 'Xinjiang', zh: '新疆' },
  { dcw: 'XZ', en: 'Xizang (Tibet)', zh: '西藏' },
  { dcw: 'YN', en: 'Yunnan', zh: '云南' },
  { dcw: 'ZJ', en: 'Zhejiang', zh: '浙江' },
];

/**
 * Countries labelled on the map: world-atlas id (ISO 3166-1 numeric) → ISO alpha-2, names, and the
 * zoom from which the label shows. Countries not listed are drawn but not labelled. Taiwan (158)
 * is labelled as a region from the DCW list above, not as a country.
 */
export const COUNTRIES = {
  156: { a2: 'CN', en: 'China', zh: '中国', min_zoom: 1, at: [96, 33.5] }, // hand-placed label point, away from city labels
  643: { a2: 'RU', en: 'Russia', zh: '俄罗斯', min_zoom: 1, at: [95, 62] },
  496: { a2: 'MN', en: 'Mongolia', zh: '蒙古', min_zoom: 2 },
  398: { a2: 'KZ', en: 'Kazakhstan', zh: '哈萨克斯坦', min_zoom: 2 },
  417: { a2: 'KG', en: 'Kyrgyzstan', zh: '吉尔吉斯斯坦', min_zoom: 4 },
  762: { a2: 'TJ', en: 'Tajikistan', zh: '塔吉克斯坦', min_zoom: 4 },
  860: { a2: 'UZ', en: 'Uzbekistan', zh: '乌兹别克斯坦', min_zoom: 3 },
  795: { a2: 'TM', en: 'Turkmenistan', zh: '土库曼斯坦', min_zoom: 3 },
  4: { a2: 'AF', en: 'Afghanistan', zh: '阿富汗', min_zoom: 3 },
  586: { a2: 'PK', en: 'Pakistan', zh: '巴基斯坦', min_zoom: 3 },
  356: { a2: 'IN', en: 'India', zh: '印度', min_zoom: 2 },
  524: { a2: 'NP', en: 'Nepal', zh: '尼泊尔', min_zoom: 4 },
  64: { a2: 'BT', en: 'Bhutan', zh: '不丹', min_zoom: 5 },
  50: { a2: 'BD', en: 'Bangladesh', zh: '孟加拉国', min_zoom: 4 },
  104: { a2: 'MM', en: 'Myanmar', zh: '缅甸', min_zoom: 3 },
  418: { a2: 'LA', en: 'Laos', zh: '老挝', min_zoom: 4 },
  704: { a2: 'VN', en: 'Vietnam', zh: '越南', min_zoom: 3 },
  764: { a2: 'TH', en: 'Thailand', zh: '泰国', min_zoom: 3 },
  116: { a2: 'KH', en: 'Cambodia', zh: '柬埔寨', min_zoom: 4 },
  458: { a2: 'MY', en: 'Malaysia', zh: '马来西亚', min_zoom: 3 },
  702: { a2: 'SG', en: 'Singapore', zh: '新加坡', min_zoom: 20 },
  360: { a2: 'ID', en: 'Indonesia', zh: '印度尼西亚', min_zoom: 2 },
  608: { a2: 'PH', en: 'Philippines', zh: '菲律宾', min_zoom: 3 },
  408: { a2: 'KP', en: 'North Korea', zh: '朝鲜', min_zoom: 4 },
  410: { a2: 'KR', en: 'South Korea', zh: '韩国', min_zoom: 4 },
  392: { a2: 'JP', en: 'Japan', zh: '日本', min_zoom: 2 },
  112: { a2: 'BY', en: 'Belarus', zh: '白俄罗斯', min_zoom: 4 },
  616: { a2: 'PL', en: 'Poland', zh: '波兰', min_zoom: 3 },
  276: { a2: 'DE', en: 'Germany', zh: '德国', min_zoom: 3 },
  804: { a2: 'UA', en: 'Ukraine', zh: '乌克兰', min_zoom: 3 },
  364: { a2: 'IR', en: 'Iran', zh: '伊朗', min_zoom: 3 },
  792: { a2: 'TR', en: 'Turkey', zh: '土耳其', min_zoom: 3 },
  250: { a2: 'FR', en: 'France', zh: '法国', min_zoom: 3 },
  203: { a2: 'CZ', en: 'Czechia', zh: '捷克', min_zoom: 5 },
  528: { a2: 'NL', en: 'Netherlands', zh: '荷兰', min_zoom: 5 },
  826: { a2: 'GB', en: 'United Kingdom', zh: '英国', min_zoom: 4 },
  682: { a2: 'SA', en: 'Saudi Arabia', zh: '沙特阿拉伯', min_zoom: 3 },
  368: { a2: 'IQ', en: 'Iraq', zh: '伊拉克', min_zoom: 4 },
};

/**
 * Land boundaries shown as disputed (dashed): country pairs (ISO numeric ids, sorted) whose
 * common boundary is disputed along much or all of its length, plus any boundary touching a
 * Natural Earth unit without an ISO code (Siachen Glacier, N. Cyprus, Kosovo, Somaliland, …).
 * Natural Earth draws these lines where control lies (de facto); we do not redraw them.
 */
export const DISPUTED_PAIRS = [
  [156, 356], // China – India: Aksai Chin, and south of the McMahon Line (Zangnan / Arunachal Pradesh)
  [356, 586], // India – Pakistan: Kashmir (Line of Control)
  [156, 586], // China – Pakistan: the 1963 line through Kashmir, not recognised by India
  [64, 156], // Bhutan – China: not finally delimited
];
