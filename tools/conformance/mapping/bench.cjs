// Times actions-core's transform over the events written by bench/mapping.py; prints JSON.
'use strict'
const fs = require('fs')
const { transform } = require('@segment/actions-core')

const { presets, events } = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'))
for (let i = 0; i < 2000; i++) {
  const e = events[i % events.length]
  if (presets[e.type]) transform(presets[e.type], e)
}
let count = 0
const start = process.hrtime.bigint()
for (const event of events) {
  const mapping = presets[event.type]
  if (mapping) {
    transform(mapping, event)
    count++
  }
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9
console.log(JSON.stringify({ count, seconds, version: `node ${process.version}` }))
