import type { Finding, QualityCheck } from "@domain-eval/core";

const PROVISION =
  /\b(?:articles?|art\.|art[íi]culos?|artikel|sections?|sec\.|ss?\.|clauses?|rules?|regulations?|paragraphs?|paras?\.|schedules?|recitals?|subsections?)\s*\(?\d+[A-Za-z]?\)?|§\s*\d+/iu;
/** Japanese and Chinese provisions: 第22条, 第3項, 第十二条, 第5款. */
const CJK_PROVISION = /第\s*[0-9０-９一二三四五六七八九十百千]+\s*[条條項项号號款]/u;

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
/** Jurisdictions named in Japanese or Chinese, which put no spaces (or \b) around them: 日本の労働基準法, 中华人民共和国劳动法. */
const CJK_JURISDICTION =
  /日本|中華人民共和国|中华人民共和国|中国|台湾|臺灣|香港|韓国|大韓民国|韩国|英国|イギリス|米国|美国|アメリカ|ドイツ|德国|フランス|法国|欧州連合|欧盟|EU/u;
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
    const text = question.question;
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
