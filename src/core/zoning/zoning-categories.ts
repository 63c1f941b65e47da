/**
 * Zoning categories of SOSI arealformål codes (KpArealformål and RpArealformål share one code
 * space, so one table serves both lists).
 *
 * This module holds only the rules, not the code list itself, so the demo-data build script can
 * use it to colour `data/codelists/arealformaal.json` before that file exists.
 * `arealformaal.ts` re-exports everything here beside the code list look-up.
 */

export const zoningCategories = [
  "residential",
  "centre",
  "public_services",
  "business_industry",
  "extraction_mass_handling",
  "transport",
  "green_structure",
  "lnfr",
  "water",
  "other",
] as const;
export type ZoningCategory = (typeof zoningCategories)[number];

/**
 * Legend colour per category: the national (DiBK) fill colour of the category's main code in
 * KpArealformål, "nåværende" variant (data/codelists/kp-arealformaal-sosi-plan.csv).
 */
const categoryColours: Readonly<Record<ZoningCategory, string>> = {
  residential: "#ffff99", // 1110 Boligbebyggelse
  centre: "#cc9900", // 1130 Sentrumsformål
  public_services: "#ff9999", // 1160 Offentlig eller privat tjenesteyting
  business_industry: "#cc99ff", // 1300 Næringsbebyggelse
  extraction_mass_handling: "#cc9999", // 1200 Råstoffutvinning
  transport: "#cccccc", // 2010 Veg
  green_structure: "#99ff99", // 3001 Grønnstruktur
  lnfr: "#ccff99", // 5100 LNFR
  water: "#ccffff", // 6001 Bruk og vern av sjø og vassdrag
  other: "#ff9933", // 1500 Andre typer bebyggelse og anlegg
};

/** Legend colour of a category (a representative national colour), "#rrggbb". */
export function categoryColour(category: ZoningCategory): string {
  return categoryColours[category];
}

/** An inclusive range of SOSI codes and its category. */
interface CodeRange {
  from: number;
  to: number;
  category: ZoningCategory;
}

/**
 * SOSI code ranges → category, checked against every code in the KP (66) and RP (224) lists.
 * Narrow ranges come before the wide range they refine: the first match wins.
 *
 * Combined purposes (18xx) take the category of their most sensitive use, because TA-2553
 * judges a combined area by its most sensitive land use: any combination with housing is
 * residential, with public services public_services, retail/office centre, else business.
 */
const codeRanges: readonly CodeRange[] = [
  // 1xxx Bebyggelse og anlegg
  { from: 1110, to: 1129, category: "residential" }, // boligbebyggelse 111x, fritidsbebyggelse 112x
  { from: 1130, to: 1159, category: "centre" }, // sentrumsformål, kjøpesenter, forretninger
  { from: 1160, to: 1169, category: "public_services" }, // tjenesteyting: barnehage, undervisning, helse …
  { from: 1170, to: 1199, category: "other" }, // fritids- og turistformål, camping
  { from: 1200, to: 1299, category: "extraction_mass_handling" }, // råstoffutvinning, 1201 steinbrudd, 1202 massemottak
  { from: 1300, to: 1399, category: "business_industry" }, // næring: kontor, hotell, industri, lager
  { from: 1501, to: 1502, category: "business_industry" }, // godsterminal, godslager
  { from: 1801, to: 1804, category: "residential" }, // bolig/forretning, bolig/tjenesteyting, bolig/kontor …
  { from: 1810, to: 1812, category: "centre" }, // forretning/kontor(/industri)
  { from: 1813, to: 1814, category: "public_services" }, // forretning/(kontor/)tjenesteyting
  { from: 1824, to: 1824, category: "public_services" }, // næring/tjenesteyting
  { from: 1825, to: 1830, category: "business_industry" }, // kontor/lager, industri/lager, kontor/industri
  { from: 1831, to: 1831, category: "public_services" }, // kontor/tjenesteyting
  // 1000/1001 generalised, 14xx idrett, 15xx other facilities, 16xx uteopphold, 17xx grav,
  // 1800 and 1900 unspecified combinations: nothing more specific can be said.
  { from: 1000, to: 1999, category: "other" },
  { from: 2000, to: 2999, category: "transport" }, // samferdselsanlegg og teknisk infrastruktur
  { from: 3000, to: 3999, category: "green_structure" },
  { from: 4000, to: 4999, category: "other" }, // forsvaret
  { from: 5000, to: 5999, category: "lnfr" }, // incl. spredt bebyggelse 52xx: still LNFR land
  { from: 6140, to: 6140, category: "extraction_mass_handling" }, // massedeponi i sjø og vassdrag
  { from: 6000, to: 6999, category: "water" }, // bruk og vern av sjø og vassdrag
];

/** The category of a SOSI arealformål code (same for KP and RP); unknown codes are "other". */
export function categoryOfCode(code: number): ZoningCategory {
  return codeRanges.find((range) => code >= range.from && code <= range.to)?.category ?? "other";
}

/** The land-use rows of the TA-2553 contamination table in DESIGN §5. */
export type LandUseRow = "residential" | "commercial" | "industry_transport" | "none";

const landUseRows: Readonly<Record<ZoningCategory, LandUseRow>> = {
  residential: "residential",
  public_services: "residential",
  centre: "commercial",
  business_industry: "industry_transport",
  transport: "industry_transport",
  extraction_mass_handling: "industry_transport",
  green_structure: "none",
  lnfr: "none",
  water: "none",
  other: "none",
};

/**
 * The TA-2553 land-use row of a category, as tabulated in DESIGN §5 (residential and public
 * services; centre/office/retail/business; industry and transport). "none" means the table has
 * no row for it. Source: DESIGN §5 after Miljødirektoratet TA-2553; check against the guideline's
 * own table before relying on it.
 *
 * Note: DESIGN §5 puts 1300 Næringsbebyggelse in the commercial row and 1340 Industri in the
 * industry row, which one category cannot tell apart; `landUseRowOfCode` does.
 */
export function landUseRowOfCategory(category: ZoningCategory): LandUseRow {
  return landUseRows[category];
}

/**
 * The TA-2553 land-use row of a code: like `landUseRowOfCategory`, but splits næring as DESIGN §5
 * does: 1300–1339 (næringsbebyggelse, kontor, hotell, bevertning) are commercial, 1340–1399
 * (industri, lager, bensinstasjon …) industry. Source and caveat as `landUseRowOfCategory`.
 */
export function landUseRowOfCode(code: number): LandUseRow {
  if (code >= 1300 && code <= 1339) return "commercial";
  return landUseRowOfCategory(categoryOfCode(code));
}
