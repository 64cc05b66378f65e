#!/usr/bin/env node
// Records what Segment's reference packages answer for many triggers and events, as JSON test
// data for inspector.core.fql (tests/data/fql/*.json). Run: npm install && node record.js
//
// Each output file: {reference, events: [{value}|{undefined: true}], cases: [{source, fql,
// tokens | lex_error, ast, results: [[eventIndex, true|false|"throws"], ...]}]}.
'use strict'

const fs = require('fs')
const path = require('path')
const { parseFql, validate } = require('@segment/destination-subscriptions')
const { lex } = require('@segment/fql-ts')

const OUT = path.resolve(__dirname, '../../../tests/data/fql')
const SPEC = require('./spec_examples.json')
const { handPicked, eventPool, generateTriggers, randomEvents } = require('./cases')

function reference() {
  const version = (name) => require(`${name}/package.json`).version
  return {
    '@segment/destination-subscriptions': version('@segment/destination-subscriptions'),
    '@segment/fql-ts': version('@segment/fql-ts'),
    node: process.version
  }
}

function astJson(ast) {
  if (ast.error) return { error: { name: ast.error.name, message: ast.error.message } }
  return JSON.parse(JSON.stringify(ast))
}

function lexJson(fql) {
  const { tokens, error } = lex(fql)
  if (error) return { lex_error: error.message }
  return { tokens: tokens.map((t) => [t.type, t.value]) }
}

function evaluate(ast, wrapper) {
  const event = wrapper.undefined ? undefined : wrapper.value
  try {
    return validate(ast, event)
  } catch (e) {
    return 'throws'
  }
}

function record(name, source, fqls, events, pairs) {
  const cases = fqls.map((fql) => {
    const ast = parseFql(fql)
    const indices = pairs ? pairs(fql) : events.map((_, i) => i)
    const results = indices.map((i) => [i, evaluate(ast, events[i])])
    return { source, fql, ...lexJson(fql), ast: astJson(ast), results }
  })
  const file = path.join(OUT, name)
  // One case per line keeps the files reviewable and diffs small.
  const lines = [
    '{"reference": ' + JSON.stringify(reference()) + ',',
    ' "events": [\n  ' + events.map((e) => JSON.stringify(e)).join(',\n  ') + '\n ],',
    ' "cases": [\n  ' + cases.map((c) => JSON.stringify(c)).join(',\n  ') + '\n ]}'
  ]
  fs.writeFileSync(file, lines.join('\n') + '\n')
  const evaluations = cases.reduce((n, c) => n + c.results.length, 0)
  console.log(`${file}: ${cases.length} triggers, ${evaluations} evaluations`)
}

function recordSpec() {
  const events = SPEC.evaluate.map((row) => row.event)
  const byFql = new Map()
  SPEC.evaluate.forEach((row, i) => {
    if (!byFql.has(row.fql)) byFql.set(row.fql, [])
    byFql.get(row.fql).push(i)
  })
  const fqls = [...new Set([...SPEC.parse.map((r) => r.fql), ...byFql.keys()])]
  record('spec.json', 'fql.md §8-§9', fqls, events, (fql) => byFql.get(fql) || [])
  // The spec's own verdicts must agree with the packages; say so loudly if they do not.
  for (const row of SPEC.evaluate) {
    const got = evaluate(parseFql(row.fql), row.event)
    if (got !== row.expected) console.error(`spec row ${row.n} disagrees: ${row.fql} -> ${got}`)
  }
}

fs.mkdirSync(OUT, { recursive: true })
recordSpec()
record('handpicked.json', 'hand-picked', handPicked, eventPool())
record('generated.json', 'generated', generateTriggers(600, 20261128), eventPool())
// Fresh triggers against random events: 12 per trigger, drawn from 2,400 generated events.
const fuzzEvents = randomEvents(2400, 7)
const fuzzTriggers = generateTriggers(1000, 424242).slice(800)
record('fuzz.json', 'generated, random events', fuzzTriggers, fuzzEvents, (fql) => {
  const start = (fuzzTriggers.indexOf(fql) * 12) % fuzzEvents.length
  return Array.from({ length: 12 }, (_, k) => start + k)
})
