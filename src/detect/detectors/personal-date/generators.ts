/**
 * Random calendar-valid dates and date-times of personal events, in the printed forms of
 * EN, DE, FR, ES, IT, NL and PT, for the labelled evaluation corpus.
 */

type Rand = () => number;
const pick = <T>(rand: Rand, items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
const int = (rand: Rand, lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
const pad = (n: number): string => String(n).padStart(2, '0');

const MONTH_NAMES: Record<string, readonly string[]> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  de: ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'],
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  es: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
  it: ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'],
  nl: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
  pt: ['janeiro', 'fevereiro', 'março', 'abril', 'maio', 'junho', 'julho', 'agosto', 'setembro', 'outubro', 'novembro', 'dezembro'],
};

interface Day {
  y: number;
  m: number;
  d: number;
  hh: number;
  mm: number;
}

function randomDay(rand: Rand): Day {
  const y = int(rand, 2000, 2030);
  const m = int(rand, 1, 12);
  const d = int(rand, 1, new Date(Date.UTC(y, m, 0)).getUTCDate());
  return { y, m, d, hh: int(rand, 0, 23), mm: int(rand, 0, 59) };
}

/** One printed form per language and style; `t` says whether a time of day follows. */
const FORMS: ReadonlyArray<(x: Day, t: boolean) => string> = [
  (x, t) => `${x.y}-${pad(x.m)}-${pad(x.d)}${t ? `T${pad(x.hh)}:${pad(x.mm)}:00` : ''}`,
  (x, t) => `${x.y}-${pad(x.m)}-${pad(x.d)}${t ? ` ${pad(x.hh)}:${pad(x.mm)}` : ''}`,
  (x, t) => `${pad(x.d)}.${pad(x.m)}.${x.y}${t ? ` um ${x.hh}:${pad(x.mm)} Uhr` : ''}`,
  (x, t) => `${x.d}. ${MONTH_NAMES.de?.[x.m - 1]} ${x.y}${t ? `, ${x.hh}.${pad(x.mm)} Uhr` : ''}`,
  (x, t) => `${pad(x.m)}/${pad(x.d)}/${x.y}${t ? ` at ${((x.hh + 11) % 12) + 1}:${pad(x.mm)} ${x.hh < 12 ? 'am' : 'pm'}` : ''}`,
  (x, t) => `${x.d} ${MONTH_NAMES.en?.[x.m - 1]} ${x.y}${t ? ` at ${pad(x.hh)}:${pad(x.mm)}` : ''}`,
  (x, t) => `${MONTH_NAMES.en?.[x.m - 1]} ${x.d}, ${x.y}${t ? `, ${((x.hh + 11) % 12) + 1}:${pad(x.mm)} ${x.hh < 12 ? 'AM' : 'PM'}` : ''}`,
  (x, t) => `${pad(x.d)}/${pad(x.m)}/${x.y}${t ? ` à ${x.hh}h${pad(x.mm)}` : ''}`,
  (x, t) => `${x.d === 1 ? '1er' : x.d} ${MONTH_NAMES.fr?.[x.m - 1]} ${x.y}${t ? ` à ${x.hh}h${pad(x.mm)}` : ''}`,
  (x, t) => `${x.d} de ${MONTH_NAMES.es?.[x.m - 1]} de ${x.y}${t ? ` a las ${x.hh}:${pad(x.mm)}` : ''}`,
  (x, t) => `${x.d} ${MONTH_NAMES.it?.[x.m - 1]} ${x.y}${t ? ` alle ${x.hh}:${pad(x.mm)}` : ''}`,
  (x, t) => `${pad(x.d)}-${pad(x.m)}-${x.y}${t ? ` om ${x.hh}.${pad(x.mm)}` : ''}`,
  (x, t) => `${x.d} ${MONTH_NAMES.nl?.[x.m - 1]} ${x.y}${t ? ` om ${x.hh}:${pad(x.mm)}` : ''}`,
  (x, t) => `${x.d} de ${MONTH_NAMES.pt?.[x.m - 1]} de ${x.y}${t ? ` às ${x.hh}h${pad(x.mm)}` : ''}`,
  (x, t) => `${pad(x.d)}/${pad(x.m)}/${String(x.y).slice(2)}${t ? ` ${pad(x.hh)}:${pad(x.mm)}` : ''}`,
];

export const generators: Record<string, (rand: () => number) => string> = {
  DATE_TIME: (rand) => pick(rand, FORMS)(randomDay(rand), rand() < 0.4),
};
