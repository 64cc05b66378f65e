// The reference runtime's answer per event: each subscription's trigger (parseFql + validate)
// and, when it matches, its mapping (transform). One JSON line per event on stdout.
//
//   node inspect.cjs SUBSCRIPTIONS.json EVENTS.ndjson > out.ndjson
'use strict'
const fs = require('fs')
const readline = require('readline')
const { parseFql, validate } = require('@segment/destination-subscriptions')
const { transform } = require('@segment/actions-core')

const subscriptions = JSON.parse(fs.readFileSync(process.argv[2], 'utf8')).map((s) => ({
  name: s.name,
  ast: parseFql(s.trigger),
  mapping: s.mapping
}))

const out = []
function flush() {
  if (out.length) {
    process.stdout.write(out.join(''))
    out.length = 0
  }
}

const lines = readline.createInterface({ input: fs.createReadStream(process.argv[3]), crlfDelay: Infinity })
let index = 0
lines.on('line', (line) => {
  if (!line.trim()) return
  const event = JSON.parse(line)
  const results = []
  for (const s of subscriptions) {
    let matched = false
    try {
      matched = !s.ast.error && validate(s.ast, event)
    } catch (e) {
      matched = false
    }
    let payload = null
    if (matched) {
      try {
        payload = transform(s.mapping, event)
      } catch (e) {
        payload = { error: String(e && e.message) }
      }
    }
    results.push({ subscription: s.name, matched, payload })
  }
  out.push(JSON.stringify({ index: index++, messageId: event.messageId, results }) + '\n')
  if (out.length >= 1000) flush()
})
lines.on('close', flush)
