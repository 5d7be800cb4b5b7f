import type { Finding, QualityCheck } from "@domain-eval/core";

const PROVISION =
  /\b(?:articles?|art\.|art[íi]culos?|artikel|sections?|sec\.|ss?\.|clauses?|rules?|regulations?|paragraphs?|paras?\.|schedules?|recitals?|subsections?)\s*\(?\d+[A-Za-z]?\)?|§\s*\d+/iu;
/** Japanese and Chinese provisions: 第22条, 第3項, 第十二条, 第5款, and Hong Kong's 第41AA條. */
const CJK_PROVISION = /第\s*[0-9０-９一二三四五六七八九十百千]+[A-Za-zＡ-Ｚａ-ｚ]{0,3}\s*[条條項项号號款]/u;

const KNOWN_JURISDICTIONS = [
  "European Union",
  "EU",
  "United Kingdom",
  "UK",
  "England and Wales",
  "England",
  "Wales",
  "Scotland",
  "Scottish",
  "Northern Ireland",
  "Ireland",
  "Irish",
  "United States",
  "U\\.S\\.",
  "US",
  "federal",
  "California",
  "New York",
  "Texas",
  "Delaware",
  "Canada",
  "Canadian",
  "Ontario",
  "Quebec",
  "Australia",
  "Australian",
  "New South Wales",
  "Victoria",
  "New Zealand",
  "India",
  "Indian",
  "Singapore",
  "Hong Kong",
  "Germany",
  "German",
  "France",
  "French",
  "Spain",
  "Spanish",
  "Italy",
  "Italian",
  "Netherlands",
  "Dutch",
  "Belgium",
  "Belgian",
  "Switzerland",
  "Swiss",
  "Sweden",
  "Swedish",
  "Japan",
  "Japanese",
  "China",
  "Chinese",
  "Brazil",
  "Brazilian",
  "South Africa",
  "South African",
];
const KNOWN = new RegExp(`\\b(?:${KNOWN_JURISDICTIONS.join("|")})\\b`, "u");
/**
 * Jurisdictions named in Japanese, Simplified or Traditional Chinese, which put no spaces (or \b) around them:
 * 日本の労働基準法, 中华人民共和国劳动法, 依台灣《勞動基準法》, 中華民國刑法, 澳門民法典.
 */
const CJK_JURISDICTION = new RegExp(
  [
    // Japan, China, Taiwan, Hong Kong, Macau, Korea (中华人民共和国 and 中華民國 contain 中国/中國 or 民国/民國)
    "日本",
    "中[国國]",
    "中[华華]人民共和[国國]",
    "中[华華]民[国國]",
    "[台臺][湾灣]",
    "香港",
    "澳[门門]",
    "マカオ",
    "[韓韩][国國]",
    "南[韓韩]",
    "大[韓韩]民[国國]",
    // the countries and regions of the English list
    "英[国國]",
    "イギリス",
    "米[国國]",
    "美[国國]",
    "アメリカ",
    "合衆[国國]",
    "ドイツ",
    "[德徳][国國]",
    "フランス",
    "法[国國]",
    "スペイン",
    "西班牙",
    "イタリア",
    "意大利",
    "[义義]大利",
    "オランダ",
    "荷[兰蘭]",
    "ベルギー",
    "比利[时時]",
    "スイス",
    "瑞士",
    "スウェーデン",
    "瑞典",
    "カナダ",
    "加拿大",
    "オーストラリア",
    "澳大利[亚亞]",
    "澳洲",
    "ニュージーランド",
    "新西[兰蘭]",
    "[纽紐]西[兰蘭]",
    "インド",
    "印度",
    "シンガポール",
    "新加坡",
    "ブラジル",
    "巴西",
    "南アフリカ",
    "南非",
    "欧州連合",
    "欧州",
    "[欧歐]盟",
    "[欧歐]洲[联聯]盟",
    "EU",
  ].join("|"),
  "u",
);
/** "Republic of Varnia", "State of Ohio", "Province of Alberta": how statutes name their own jurisdiction. */
const SOVEREIGN =
  /\b(?:Republic|Kingdom|State|Commonwealth|Province|Federation|Principality|Grand Duchy|Canton|Territory|Emirate)\s+of\s+(?:the\s+)?[A-Z][\p{L}-]+/u;
/** "Varnian law", "Dutch courts" (but not "Which law"). */
const ADJECTIVE_LAW =
  /\b(?!Which\b)[A-Z][\p{L}-]*(?:ian|ean|ish|ese|an|ch|ic)\s+(?:law|legislation|statutes?|courts?|jurisdiction)\b/u;

/**
 * Legal check: a question about the law must name the provision it tests (article, section, clause, §) and the
 * jurisdiction (a country or state, "Republic of …", "… law"). Law differs between jurisdictions and between
 * adjacent provisions, so a question without them has no single right answer.
 *
 * @example
 * checkQuestion({ question: "How long is the withdrawal period?", ... }, { extraChecks: [provisionReferenceCheck] })
 * // → LEGAL_PROVISION_MISSING, LEGAL_JURISDICTION_MISSING
 */
export const provisionReferenceCheck: QualityCheck = {
  name: "provision-reference",
  codes: ["LEGAL_PROVISION_MISSING", "LEGAL_JURISDICTION_MISSING"],
  description:
    "The question names the provision it tests (article, section, clause, §) and the jurisdiction whose law it is.",
  run(question): Finding[] {
    if (question.question.trim() === "") return [];
    const out: Finding[] = [];
    if (!PROVISION.test(question.question) && !CJK_PROVISION.test(question.question)) {
      out.push({
        code: "LEGAL_PROVISION_MISSING",
        severity: "warning",
        message:
          'the question names no provision: cite the article or section it tests, e.g. "Under section 21(2) of the Residential Tenancies Act 2022 …"',
      });
    }
    // NFKC: a full-width ＥＵ or ＵＫ is the same name.
    const text = question.question.normalize("NFKC");
    if (!KNOWN.test(text) && !CJK_JURISDICTION.test(text) && !SOVEREIGN.test(text) && !ADJECTIVE_LAW.test(text)) {
      out.push({
        code: "LEGAL_JURISDICTION_MISSING",
        severity: "warning",
        message:
          'the question names no jurisdiction: say whose law it is, e.g. "in England and Wales", "of the Republic of Varnia", "under EU law"',
      });
    }
    return out;
  },
};
