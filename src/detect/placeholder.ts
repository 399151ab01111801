/**
 * Documentation placeholders look like secrets but are not: `sk-XXXXXXXX`,
 * `YOUR_API_KEY_HERE`, `<token>`, `${SECRET}`, `ghp_000000…`, `sk-...`.
 */
const PLACEHOLDER_WORDS =
  /(x{4,}|\*{3,}|\.{3}|your[_-]?|[_-]here|example|sample|placeholder|dummy|changeme|redacted|insert|replace|<[a-z_ -]*>|\$\{|\{\{|%[a-z_]+%)/i;
const REPEATED_RUN = /(.)\1{5,}/;
const SEQUENTIAL = /(0123456789|123456789|abcdefghij|qwertyuiop)/i;

export function looksLikePlaceholder(value: string): boolean {
  return PLACEHOLDER_WORDS.test(value) || REPEATED_RUN.test(value) || SEQUENTIAL.test(value);
}
