// Records what JavaScript's JSON.parse (the parser Segment's tracking API and SDKs use) answers
// for event files shaped on purpose: one-line HARs, deep nesting, lone surrogate escapes, bare-CR
// line endings, one broken record among good ones, numbers beyond a double's range. Node only, no
// packages: `node record.cjs` writes tests/data/js_classes/class-{11,12,14,15,16,17}.json.
//
// Each case: {kind: "file", text, pad?, records: [{json} | {bad: reason}]} where `records` are the
// events JSON.parse yields, in order (batch items and HAR calls expanded), each as JSON.stringify
// writes it; a record JSON.parse refuses, or whose numbers are Infinity (Segment refuses those),
// is {bad}. `pad` replaces the string "@PAD@" by that many "x" before parsing (big files stay
// small here). Depth is noted where it matters.
'use strict'
const fs = require('fs')
const path = require('path')
const { rng } = require('../mapping/classes.cjs')

const OUT = path.resolve(__dirname, '..', '..', '..', 'tests', 'data', 'js_classes')
const T = (v) => JSON.stringify(v)

function finite(v) {
  if (typeof v === 'number') return Number.isFinite(v)
  if (Array.isArray(v)) return v.every(finite)
  if (v && typeof v === 'object') return Object.values(v).every(finite)
  return true
}

function depth(v) {
  let d = 0
  const stack = [[v, 0]]
  while (stack.length) {
    const [x, n] = stack.pop()
    if (x && typeof x === 'object') {
      d = Math.max(d, n + 1)
      for (const y of Object.values(x)) stack.push([y, n + 1])
    }
  }
  return d
}

function recordOf(text) {
  let value
  try {
    value = JSON.parse(text)
  } catch (e) {
    return [{ bad: e.message }]
  }
  if (!finite(value)) return [{ bad: 'Infinity' }]
  if (value && typeof value === 'object' && !Array.isArray(value) && Array.isArray(value.batch) && !('type' in value)) {
    return value.batch.map(answer)
  }
  return [answer(value)]
}

function answer(value) {
  const d = depth(value)
  if (d > 300) return { ok: true, depth: d } // beyond the inspector's limit: only the verdict
  return { json: T(value), depth: d }
}

function lines(text) {
  return text.split(/\r\n|\r|\n/).filter((l) => l.trim()).flatMap(recordOf)
}

function event(r, n, extra = {}) {
  return { type: r.pick(['track', 'identify', 'page']), messageId: `m-${n}`, userId: `u${n}`, event: 'E', properties: { n, s: 'x'.repeat(r.int(40)) }, ...extra }
}

// 11. HARs written on one line (Playwright recordHar, Firefox, minifying proxies).
function oneLineHars() {
  const r = rng(11)
  const out = []
  for (let i = 0; i < 220; i++) {
    const entries = []
    const expected = []
    const calls = 1 + r.int(6)
    for (let k = 0; k < calls; k++) {
      const route = r.pick(['t', 'p', 'i', 'batch', 'track'])
      let body
      if (route === 'batch') {
        body = { batch: [event(r, i * 100 + k * 10), event(r, i * 100 + k * 10 + 1)] }
        body.batch.forEach((e) => expected.push({ json: T(e) }))
      } else {
        const type = { t: 'track', p: 'page', i: 'identify', track: 'track' }[route]
        body = event(r, i * 100 + k * 10, { type })
        expected.push({ json: T(body) })
      }
      if (r.next() < 0.5) entries.push({ request: { method: 'GET', url: 'https://cdn.segment.com/v1/projects/x/settings', headers: [] }, response: { status: 200, content: { size: 0, text: '@PAD@' } } })
      entries.push({
        request: { method: 'POST', url: `https://api.segment.io/v1/${route}`, headers: [{ name: 'content-type', value: 'text/plain' }], postData: { mimeType: 'text/plain', text: T(body) } },
        response: { status: 200, content: { size: 21, mimeType: 'application/json', text: '{"success":true}' } },
      })
    }
    const creator = r.pick([{ name: 'Playwright', version: '1.49.0' }, { name: 'Firefox', version: '133.0' }, { name: 'mitmproxy', version: '11' }])
    const har = { log: { version: '1.2', creator, pages: [], entries } }
    out.push({ kind: 'file', text: T(har), pad: r.pick([0, 1000, 40000, 70000, 160000]), records: expected })
  }
  return out
}

// 12. Records nested deeply, at every level around the limits of the stages that follow.
function deep() {
  const r = rng(12)
  const out = []
  const depths = [10, 100, 200, 250, 251, 252, 253, 254, 255, 256, 300, 500, 800, 1000, 1020, 1023, 1024, 1025, 2000]
  for (let i = 0; i < 240; i++) {
    const d = r.pick(depths)
    const leaf = r.pick(['1', '"x"', 'null', '{}', '[]'])
    const inner = r.next() < 0.5 ? '['.repeat(d) + leaf + ']'.repeat(d) : '{"a":'.repeat(d) + leaf + '}'.repeat(d)
    const where = r.pick(['properties', 'traits', 'context', 'integrations'])
    const rec = `{"type":"identify","userId":"u${i}","messageId":"m${i}","${where}":{"v":${inner}}}`
    const text = r.next() < 0.3 ? `{"batch":[${rec},{"type":"track","event":"E","userId":"u"}]}` : rec + '\n' + '{"type":"track","event":"After","userId":"u"}'
    out.push({ kind: 'file', text, records: lines(text) })
  }
  return out
}

// 14. Lone surrogate escapes (and astral characters) in keys and values, alone and in batches.
function surrogates() {
  const r = rng(14)
  const bits = ['\\ud800', '\\udc00', '\\ud83d', '\\ude00', '\\ud83d\\ude00', '\\udbff', 'a\\ud800b', '\\ud800\\ud800', '😀', 'é', '\\u0000x', '\\udfff\\ud800']
  const out = []
  for (let i = 0; i < 220; i++) {
    const b = () => r.pick(bits)
    const rec = `{"type":"track","event":"E${b()}","userId":"u${i}","properties":{"s":"${b()}","k${b()}":"${b()}","l":["${b()}"]}}`
    const text = r.next() < 0.3 ? `{"batch":[${rec},${rec}]}` : r.next() < 0.5 ? `[${rec},\n${rec}]` : `${rec}\n${rec}\n`
    out.push({ kind: 'file', text, records: text.startsWith('[') ? JSON.parse(text).map((v) => ({ json: T(v) })) : lines(text) })
  }
  return out
}

// 15. Line endings: bare \r, \r\n, \n and mixtures.
function lineEndings() {
  const r = rng(15)
  const out = []
  for (let i = 0; i < 220; i++) {
    const n = 1 + r.int(12)
    const end = r.pick(['\r', '\r\n', '\n', 'mixed', '\r\r', '\n\r'])
    let text = ''
    for (let k = 0; k < n; k++) {
      const sep = end === 'mixed' ? r.pick(['\r', '\r\n', '\n']) : end
      text += T(event(r, i * 100 + k)) + sep
    }
    if (r.next() < 0.3) text = text.replace(/[\r\n]+$/, '')
    out.push({ kind: 'file', text, records: lines(text) })
  }
  return out
}

// 16. One broken record among good ones: one record, one message.
function broken() {
  const r = rng(16)
  const breaks = [(t) => t.slice(0, -1) + ']}', (t) => t.slice(0, -1) + '}}', (t) => t.replace('{', '{{'), (t) => t.slice(0, r.int(t.length)),
    (t) => t.replace(':', ']:'), (t) => t + ']', (t) => t.replace(/,/g, ',]'), (t) => '[' + t, (t) => t.replace('"', '')]
  const out = []
  for (let i = 0; i < 220; i++) {
    const n = 1 + r.int(8)
    const recs = []
    for (let k = 0; k < n; k++) recs.push(T(event(r, i * 100 + k)))
    const bad = r.int(n)
    let how = r.pick(breaks)
    while (bad === 0 && how === breaks[7]) how = r.pick(breaks) // a leading "[" makes a JSON array, not NDJSON
    recs[bad] = how(recs[bad])
    const text = recs.join(r.pick(['\n', '\r\n'])) + (r.next() < 0.5 ? '\n' : '')
    out.push({ kind: 'file', text, records: lines(text) })
  }
  return out
}

// 17. Numbers beyond a double's range (JSON.parse reads Infinity; Segment refuses those).
function bigNumbers() {
  const r = rng(17)
  const nums = ['1e400', '-1e400', '1e309', '2e308', '1.7976931348623157e308', '1.8e308', '1e-400', '-1e-400', '5e-324', '1e308',
    '123456789e300', '0.0000001e315', '1' + '0'.repeat(309), '-' + '9'.repeat(400), '1E+400', '1e0400']
  const out = []
  for (let i = 0; i < 220; i++) {
    const where = r.pick(['properties', 'traits', 'context'])
    const rec = `{"type":"identify","userId":"u${i}","${where}":{"n":${r.pick(nums)},"l":[${r.pick(nums)}]}}`
    const text = r.next() < 0.3 ? `{"batch":[${rec},{"type":"track","event":"E","userId":"u"}]}\n` : `${rec}\n{"type":"track","event":"Next","userId":"u"}\n`
    out.push({ kind: 'file', text, records: lines(text) })
  }
  return out
}

const CLASSES = {
  11: ['a HAR written on one line', oneLineHars],
  12: ['deep nesting', deep],
  14: ['lone surrogate escapes in JSON text', surrogates],
  15: ['lines ending in a bare carriage return', lineEndings],
  16: ['one broken record, one message', broken],
  17: ['numbers outside a double\'s range', bigNumbers],
}

fs.mkdirSync(OUT, { recursive: true })
for (const [id, [title, gen]] of Object.entries(CLASSES)) {
  const cases = gen()
  const reference = { 'JSON.parse': 'node ' + process.version }
  const body = [`{"class": ${id}, "title": ${T(title)}, "reference": ${T(reference)},`, ' "cases": [\n  ' + cases.map(T).join(',\n  ') + '\n ]}']
  fs.writeFileSync(path.join(OUT, `class-${id}.json`), body.join('\n') + '\n')
  console.log(`class ${id} (${title}): ${cases.length} cases`)
}
