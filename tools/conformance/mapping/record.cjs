// Records reference answers from @segment/actions-core for the Python mapping engine and payload
// checks. Run `npm install && node record.cjs` here; it writes tests/data/mapping/*.json.
'use strict'
const fs = require('fs')
const path = require('path')
const core = require('@segment/actions-core')
const { transform, defaultValues, fieldsToJsonSchema, validateSchema } = core
const coreDir = path.dirname(require.resolve('@segment/actions-core'))
const validate = require(path.join(coreDir, 'mapping-kit', 'validate.js')).default
const { removeEmptyValues } = require(path.join(coreDir, 'remove-empty-values.js'))
const cases = require('./cases.cjs')

const OUT = path.resolve(__dirname, '..', '..', '..', 'tests', 'data', 'mapping')
const clone = (v) => (v === undefined ? undefined : JSON.parse(JSON.stringify(v)))

function errorInfo(e) {
  const info = { error: e.message, error_name: e.name }
  if (e.name === 'AggregateError' && typeof e[Symbol.iterator] === 'function') {
    // The aggregate's own message embeds stack traces; keep the inner messages only.
    info.issues = [...e].map((x) => x.message)
    info.error = info.issues.join('\n')
  } else if (e.name === 'ValidationError') {
    info.issues = [e.message]
  }
  return info
}

function recordTransform({ name, mapping, event }) {
  const entry = { name, mapping: clone(mapping), event: clone(event) }
  try {
    const out = transform(clone(mapping), clone(event))
    if (out === undefined) entry.undefined = true
    else {
      entry.result = JSON.parse(JSON.stringify(out))
      entry.json = JSON.stringify(out)
    }
  } catch (e) {
    Object.assign(entry, errorInfo(e))
  }
  return entry
}

function recordValidate({ name, mapping }) {
  const entry = { name, mapping: clone(mapping) }
  try {
    validate(clone(mapping))
    entry.issues = []
  } catch (e) {
    entry.issues = e.name === 'AggregateError' ? [...e].map((x) => x.message) : [e.message]
    entry.error_name = e.name
  }
  return entry
}

function recordPayload({ name, fields, payload }) {
  const entry = { name, fields, payload: clone(payload) }
  const schema = fieldsToJsonSchema(clone(fields))
  let p = removeEmptyValues(clone(payload), schema, true)
  entry.after_empty = clone(p)
  try {
    validateSchema(p, schema)
    entry.errors = []
  } catch (e) {
    entry.errors = [...e].map((x) => x.message)
    entry.message = e.message
  }
  entry.validated = clone(p)
  return entry
}

function recordSchema({ name, fields }) {
  return { name, fields, schema: fieldsToJsonSchema(clone(fields)), defaults: clone(defaultValues(clone(fields))) }
}

function write(file, entries) {
  fs.mkdirSync(OUT, { recursive: true })
  fs.writeFileSync(path.join(OUT, file), JSON.stringify(entries, null, 1) + '\n')
  console.log(`${file}: ${entries.length} cases`)
}

write('transform.json', cases.transform().map(recordTransform))
write('validate.json', cases.validate().map(recordValidate))
write('payload.json', cases.payload().map(recordPayload))
write('schema.json', cases.schema().map(recordSchema))
