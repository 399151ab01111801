/**
 * Structure of ICD-10 codes (WHO ICD-10, ICD-10-CM, ICD-10-GM): a chapter letter, two
 * characters of category, then optionally a dot and one to four characters of subcategory
 * (`E11`, `E11.9`, `S52.521A`, `E119`). ICD-10 has no check digit, so the check is that the
 * category exists in a chapter: ranges beyond a chapter's end (D90–D99, E91–E99, H96–H99,
 * K96–K99, P97–P99) and unassigned U codes are rejected.
 */
const CODE = /^([A-Z])(\d)([0-9A-Z])(?:\.?([0-9A-Z]{1,4}))?$/;

/** ICD-10-CM categories whose third character is a letter. */
const LETTER_CATEGORIES = new Set(['C4A', 'C7A', 'C7B', 'D3A', 'M1A', 'O9A', 'Z3A']);

/** Highest category number per chapter letter, where a chapter ends before 99. */
const LAST_CATEGORY: Readonly<Record<string, number>> = { D: 89, E: 90, H: 95, K: 95, P: 96 };

export function icd10Valid(code: string): boolean {
  const m = CODE.exec(code);
  if (!m) return false;
  const letter = m[1] as string;
  const third = m[3] as string;
  if (third >= 'A') return LETTER_CATEGORIES.has(letter + m[2] + third);
  const category = Number(m[2]) * 10 + Number(third);
  // U00–U49: provisional assignment of new diseases (U07.1 COVID-19); U82–U85: antimicrobial resistance.
  if (letter === 'U') return category <= 49 || (category >= 82 && category <= 85);
  return category <= (LAST_CATEGORY[letter] ?? 99);
}
