// Records liquidjs answers through @segment/actions-core's @liquid directive (Segment's liquidjs
// configuration: disabled tags and filters, limits). Run `npm ci && TZ=UTC node record.cjs` here;
// it writes tests/data/liquid/<class>.json from the templates in cases.cjs.
'use strict'
const fs = require('fs')
const path = require('path')
const { transform } = require('@segment/actions-core')
const { Liquid } = require('liquidjs')
const { EVENT, classes } = require('./cases.cjs')

if (new Date(0).getTimezoneOffset() !== 0) throw new Error('record with TZ=UTC (Segment renders dates in UTC)')
const OUT = path.resolve(__dirname, '..', '..', '..', 'tests', 'data', 'liquid')
const analyser = new Liquid()

function record(template) {
  const entry = { t: template }
  try {
    const out = transform({ v: { '@liquid': template } }, JSON.parse(JSON.stringify(EVENT)))
    entry.out = out.v
  } catch (e) {
    entry.error = e.message
  }
  try {
    entry.reads = analyser.globalVariableSegmentsSync(template)
  } catch (e) {
    entry.reads = null
  }
  return entry
}

fs.mkdirSync(OUT, { recursive: true })
fs.writeFileSync(path.join(OUT, 'event.json'), JSON.stringify(EVENT, null, 1) + '\n')
let total = 0
for (const [name, make] of Object.entries(classes)) {
  const seen = new Set()
  const entries = []
  for (const t of make()) {
    if (seen.has(t)) continue
    seen.add(t)
    entries.push(record(t))
  }
  const lines = entries.map((e) => JSON.stringify(e))
  fs.writeFileSync(path.join(OUT, `${name}.json`), '[\n' + lines.join(',\n') + '\n]\n')
  console.log(`${name}: ${entries.length} templates`)
  total += entries.length
}
console.log(`total: ${total}`)
