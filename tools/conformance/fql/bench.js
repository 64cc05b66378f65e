#!/usr/bin/env node
// Segment's own parseFql/validate speed on the triggers and event mix of bench/triggers.py,
// and the ratio to the Python engine. Run: npm install && node bench.js [events]
'use strict'

const { execFileSync } = require('child_process')
const path = require('path')
const { parseFql, validate } = require('@segment/destination-subscriptions')

const SIMPLE = 'type = "track"'
const COMPLEX =
  'type = "track" and (event = "Order Completed" or properties.total > 100) ' +
  'and contains(context.page.url, "checkout")'
const ROOT = path.resolve(__dirname, '../../..')

function loadEvents(count) {
  // The very same events the Python benchmark generates.
  const json = execFileSync(
    'uv',
    ['run', 'python', 'bench/triggers.py', '--dump-events', '-', '--events', String(count)],
    { cwd: ROOT, maxBuffer: 1 << 30 }
  )
  return JSON.parse(json)
}

function perEventUs(ast, events, rounds) {
  let best = Infinity
  for (let r = 0; r < rounds; r++) {
    const started = process.hrtime.bigint()
    for (const event of events) validate(ast, event)
    best = Math.min(best, Number(process.hrtime.bigint() - started) / 1000)
  }
  return best / events.length
}

function parseUs(text, repeat) {
  const samples = []
  for (let r = 0; r < 5; r++) {
    const started = process.hrtime.bigint()
    for (let i = 0; i < repeat; i++) parseFql(text)
    samples.push(Number(process.hrtime.bigint() - started) / 1000 / repeat)
  }
  samples.sort((a, b) => a - b)
  return samples[2]
}

function pythonFigures(count) {
  const out = execFileSync('uv', ['run', 'python', 'bench/triggers.py', '--json', '--events', String(count)], {
    cwd: ROOT
  })
  return JSON.parse(out)
}

const count = Number(process.argv[2] || 100000)
const events = loadEvents(count)
const node = {
  simple_evaluate_us: perEventUs(parseFql(SIMPLE), events, 5),
  complex_evaluate_us: perEventUs(parseFql(COMPLEX), events, 5),
  simple_parse_us: parseUs(SIMPLE, 20000),
  complex_parse_us: parseUs(COMPLEX, 20000)
}
const python = pythonFigures(count)
console.log(`${events.length} events (Node ${process.version})`)
console.log('figure                 node µs   python µs   python/node')
for (const key of Object.keys(node)) {
  const ratio = python[key] / node[key]
  console.log(`${key.padEnd(22)} ${node[key].toFixed(3).padStart(8)} ${python[key].toFixed(3).padStart(11)} ${ratio.toFixed(1).padStart(12)}x`)
}
