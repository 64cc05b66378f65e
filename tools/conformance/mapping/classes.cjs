// Generators for the JavaScript-semantics classes: each produces, on purpose, the shapes where a
// Python port drifts from Segment's packages (root directives, __proto__, key order, built-in
// members, big integers, number text, lone surrogates, dynamicAuthSettings, context null, ...).
// Every case holds JSON *text* (mapping_text, event_text), so the recorder reads it with
// JSON.parse exactly as Segment's runtime receives it (own "__proto__" keys included).
'use strict'

function rng(seed) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const pick = (list) => list[Math.floor(next() * list.length)]
  return { next, pick, int: (n) => Math.floor(next() * n) }
}

const T = (v) => JSON.stringify(v)

// Events as text: some hold what JSON.stringify cannot write (own __proto__ keys, big integers).
function baseEvents() {
  return [
    { type: 'identify', userId: 'u1', traits: { email: 'a@b.c', name: 'Ann', age: 30, plan: null, tags: ['x', 'y'] }, context: { ip: '1.2.3.4' } },
    { type: 'identify', userId: 'u2', traits: { email: 'e@x.io', 2: 'two', b: 1, 1: 'one', a: { 10: 1, 9: 2, z: 3 } } },
    { type: 'identify', userId: 42, traits: null },
    { type: 'identify', traits: { email: '' }, properties: { title: 'T', list: [{ id: 1 }, { id: 2, x: null }], total: 9.5, n: 0, s: '', f: false } },
    { type: 'track', event: 'Order Completed', userId: 'u3', properties: { total: 30.5, currency: 'EUR', list: [{ id: 'a' }, { id: 'b' }], meta: { k: 'v', 0: 'zero' } } },
  ].map(T)
}

function cross(mappings, events, kind = 'transform') {
  const out = []
  for (const m of mappings) for (const e of events) out.push({ kind, mapping_text: m, event_text: e })
  return out
}

// 1. A mapping whose root is a directive.
function rootDirectives() {
  const roots = [
    { '@path': '$.traits' }, { '@path': '$.traits.email' }, { '@path': '$.traits.age' },
    { '@path': '$.traits.tags' }, { '@path': '$.traits.plan' }, { '@path': '$.missing' },
    { '@path': '$.properties' }, { '@path': '$.userId' }, { '@path': '$' }, { '@path': '$.properties.f' },
    { '@json': { mode: 'encode', value: { '@path': '$.traits' } } },
    { '@json': { mode: 'decode', value: '{"a":1}' } }, { '@json': { mode: 'decode', value: '[1,2]' } },
    { '@json': { mode: 'decode', value: 'null' } }, { '@json': { mode: 'decode', value: '12' } },
    { '@literal': [1, 'a', null] }, { '@literal': 'text' }, { '@literal': 5 }, { '@literal': true },
    { '@literal': { userId: 'lit', email: 'l@x' } }, { '@literal': false }, { '@literal': 0 },
    { '@excludeWhenNull': null }, { '@excludeWhenNull': { '@path': '$.traits' } },
    { '@excludeWhenNull': { '@path': '$.traits.plan' } }, { '@excludeWhenNull': 'x' },
    { '@transform': { apply: { userId: { '@path': '$.userId' }, t: { '@path': '$.traits' } }, mapping: { userId: { '@path': '$.userId' }, traits: { '@path': '$.t' } } } },
    { '@transform': { apply: { a: { '@path': '$.userId' } }, mapping: { '@path': '$.a' } } },
    { '@arrayPath': ['$.properties.list', { id: { '@path': '$.id' } }] }, { '@arrayPath': ['$.traits.tags'] },
    { '@template': '{{userId}}-{{traits.email}}' }, { '@if': { exists: { '@path': '$.userId' }, then: { '@path': '$.traits' }, else: 'none' } },
    { '@case': { operator: 'upper', value: { '@path': '$.traits.email' } } },
    { '@replace': { pattern: 'a', replacement: 'b', value: { '@path': '$.traits.email' } } },
    { '@merge': { objects: [{ '@path': '$.traits' }, { userId: 'm' }], direction: 'right' } },
    { '@flatten': { value: { '@path': '$.traits' }, separator: '.' } },
    { '@path': '$.traits', _metadata: { x: 1 } },
  ].map(T)
  return cross(roots, baseEvents()).concat(cross(roots, baseEvents().slice(0, 3), 'cloud'))
}

// 2. __proto__ keys (own keys after JSON.parse) through every directive that copies objects.
function proto() {
  const events = [
    '{"type":"identify","userId":"u1","traits":{"email":"a@b.c","__proto__":{"polluted":1},"x":1}}',
    '{"type":"identify","userId":"u2","traits":{"__proto__":null,"a":{"__proto__":[1,2],"b":2}}}',
    '{"type":"identify","userId":"u3","traits":{"a":1,"__proto__":"str","constructor":{"name":"C"}}}',
    '{"type":"identify","userId":"u4","__proto__":{"userId":"inherited"},"traits":{"list":[{"__proto__":{"x":1},"y":2}]}}',
    '{"type":"identify","userId":"u5","traits":{"":1,"__proto__":{"__proto__":{"deep":1}},"0":"zero"}}',
    '{"type":"identify","userId":"u6","traits":{"__proto__":{"email":"proto@x"},"name":"N"}}',
    '{"type":"identify","userId":"u7","traits":{"o":{"__proto__":{"a":1}},"__proto__":[]}}',
    '{"type":"identify","userId":"u8","traits":{"constructor":"c","prototype":{"x":1},"__proto__":{"toString":1}}}',
    '{"type":"identify","userId":"u9","traits":{"list":[{"__proto__":null},{"__proto__":{"y":null}}],"email":"e@x"}}',
    '{"type":"identify","userId":"u10","traits":{"__proto__":{"__proto__":null},"10":"ten","2":"two"}}',
  ]
  const mappings = [
    '{"a":1,"__proto__":{"@literal":"x"}}', '{"__proto__":{"@path":"$.traits"},"b":2}',
    '{"v":{"@literal":{"__proto__":{"k":1},"z":1}}}', '{"v":{"@path":"$.traits"}}', '{"v":{"@path":"$.traits.__proto__"}}',
    '{"v":{"@path":"$.__proto__"}}', '{"v":{"@path":"$.traits.a"}}', '{"v":{"@path":"$.traits.list"}}',
    '{"v":{"@merge":{"objects":[{"@path":"$.traits"},{"q":1}],"direction":"right"}}}',
    '{"v":{"@merge":{"objects":[{"@path":"$.traits"},{"__proto__":{"w":1}}],"direction":"left"}}}',
    '{"v":{"@flatten":{"value":{"@path":"$.traits"},"separator":"."}}}',
    '{"v":{"@transform":{"apply":{"t":{"@path":"$.traits"}},"mapping":{"o":{"@path":"$.t"}}}}}',
    '{"v":{"@excludeWhenNull":{"@path":"$.traits"}}}', '{"v":{"@json":{"mode":"decode","value":"{\\"a\\":1,\\"__proto__\\":{\\"b\\":2}}"}}}',
    '{"v":{"@json":{"mode":"encode","value":{"@path":"$.traits"}}}}', '{"v":{"@template":"{{traits.__proto__}}|{{__proto__}}"}}',
    '{"v":{"@arrayPath":["$.traits.list",{"y":{"@path":"$.y"},"p":{"@path":"$.__proto__"}}]}}',
    '{"userId":{"@path":"$.userId"},"traits":{"@path":"$.traits"},"__proto__":{"@literal":{"email":"p@x"}}}',
    '{"v":{"@if":{"exists":{"@path":"$.traits.__proto__"},"then":"yes","else":"no"}}}',
    '{"constructor":1,"toString":{"@path":"$.userId"},"hasOwnProperty":2}',
    // __proto__ inside objects the mapping builds (under @json, @flatten, @literal, @merge)
    '{"j":{"@json":{"mode":"encode","value":{"name":"1","__proto__":"a"}}}}',
    '{"j":{"@json":{"mode":"encode","value":{"@literal":{"name":"1","__proto__":{"k":1}}}}}}',
    '{"j":{"@json":{"mode":"encode","value":{"o":{"__proto__":{"@path":"$.traits"},"p":1}}}}}',
    '{"f":{"@flatten":{"value":{"@literal":{"x":{"__proto__":1,"y":2}}},"separator":"."}}}',
    '{"f":{"@flatten":{"value":{"x":{"__proto__":{"@path":"$.traits"},"y":2}},"separator":"."}}}',
    '{"m":{"@merge":{"objects":[{"a":1,"__proto__":{"b":2}},{"@literal":{"c":{"__proto__":3}}}],"direction":"right"}}}',
    // __proto__ of a string, a number and a function: their prototypes as JSON writes them
    '{"s":{"@path":"$.type.__proto__"},"n":{"@path":"$.traits.a.__proto__"},"fn":{"@path":"$.traits.toString.__proto__"}}',
    '{"a":{"@arrayPath":["$.type",{"p":{"@path":"$.__proto__"}}]},"b":[{"@path":"$.userId.__proto__"},{"@path":"$.type.constructor.__proto__"}]}',
  ]
  const out = cross(mappings, events)
  for (const m of mappings.slice(0, 8)) for (const e of events) out.push({ kind: 'cloud', mapping_text: m, event_text: e })
  return out
}

// 3. JavaScript key order: integer-like keys first, then insertion order.
function keyOrder() {
  const r = rng(3)
  const keys = ['b', '2', 'a', '1', '10', '01', '-1', '4294967294', '4294967295', '1.5', '', ' 1', 'z', '0', '9']
  const out = []
  for (let i = 0; i < 120; i++) {
    const obj = {}
    const order = []
    for (let j = 0; j < 5; j++) order.push(r.pick(keys))
    const text = '{' + [...new Set(order)].map((k) => `${T(k)}:${r.int(9)}`).join(',') + '}'
    const event = `{"type":"identify","userId":"u","traits":{"nested":${text},"list":[${text}]}}`
    const m = r.pick([
      '{"v":{"@flatten":{"value":{"@path":"$.traits"},"separator":"."}}}',
      '{"v":{"@json":{"mode":"encode","value":{"@path":"$.traits"}}}}',
      '{"v":{"@path":"$.traits.nested"}}',
      '{"v":{"@merge":{"objects":[{"@path":"$.traits.nested"},{"b":0,"3":0}],"direction":"left"}}}',
      '{"v":{"@template":"{{traits.nested}}"}}',
    ])
    out.push({ kind: 'transform', mapping_text: m, event_text: event })
    // mapping keys in a given order, two of them broken: which error wins
    const broken = ['{"@path":5}', '{"@template":{}}', '{"@if":1}', '{"@case":"x"}', '{"@literal":1,"@path":"$.a"}']
    const mk = [...new Set(order)].map((k, n) => `${T(k)}:${n < 2 ? r.pick(broken) : '{"@path":"$.userId"}'}`)
    out.push({ kind: 'transform', mapping_text: '{' + mk.join(',') + '}', event_text: event })
    obj.x = 1
  }
  return out
}

// 4. Inherited JavaScript members reached through paths, in triggers and mappings.
function members() {
  const names = ['constructor', 'constructor.name', 'toString', 'valueOf', 'hasOwnProperty', 'length',
    'constructor.length', 'toString.name', 'anchor', 'bold', 'trimLeft', 'isWellFormed', 'toLocaleUpperCase',
    'toReversed', 'with', 'toFixed', 'at', 'map', '__proto__', 'isPrototypeOf', 'propertyIsEnumerable',
    'constructor.prototype', 'toString.length', 'name', 'apply']
  const roots = ['properties', 'properties.title', 'properties.list', 'properties.total', 'traits', 'context']
  const event = '{"type":"track","event":"E","userId":"u","properties":{"title":"T","list":[1,2],"total":3.5},"traits":{},"context":{}}'
  const out = []
  for (const root of roots) {
    for (const name of names) {
      const p = `${root}.${name}`
      out.push({ kind: 'trigger', trigger: `${p} = "Object"`, event_text: event })
      out.push({ kind: 'trigger', trigger: `${p} != null`, event_text: event })
      out.push({ kind: 'transform', mapping_text: T({ e: { '@if': { exists: { '@path': `$.${p}` }, then: true, else: false } } }), event_text: event })
      out.push({ kind: 'transform', mapping_text: T({ t: { '@template': `{{${p}}}` } }), event_text: event })
    }
  }
  return out
}

// 5. Integers around 2**53 and 2**64: triggers, mapping output, String(), cloud coercion.
function integers() {
  const ints = ['9007199254740991', '9007199254740992', '9007199254740993', '-9007199254740993', '18446744073709551615',
    '18446744073709551616', '12345678901234567890123', '99999999999999999999', '9223372036854775807', '-9223372036854775809']
  const out = []
  for (const n of ints) {
    const ev = `{"type":"identify","userId":${n},"traits":{"n":${n},"email":${n},"s":"${n}","list":[${n}]}}`
    for (const m of ['{"v":{"@path":"$.traits.n"}}', '{"v":{"@template":"{{traits.n}}"}}',
      '{"v":{"@json":{"mode":"encode","value":{"@path":"$.traits"}}}}', `{"v":{"@json":{"mode":"decode","value":"[${n},{\\"k\\":${n}}]"}}}`,
      '{"v":{"@flatten":{"value":{"@path":"$.traits"},"separator":"."}}}', '{"v":{"@path":"$.traits.list"}}',
      '{"v":{"@if":{"exists":{"@path":"$.traits.n"},"then":{"@path":"$.traits.n"}}}}', '{"v":{"@literal":' + n + '}}'])
      out.push({ kind: 'transform', mapping_text: m, event_text: ev })
    out.push({ kind: 'cloud', mapping_text: '{"userId":{"@path":"$.userId"},"email":{"@path":"$.traits.email"},"traits":{"@path":"$.traits"}}', event_text: ev })
    out.push({ kind: 'cloud', mapping_text: '{"userId":{"@path":"$.traits.s"},"traits":{"@path":"$.traits"}}', event_text: ev })
    for (const m of [n, '9007199254740992', '9007199254740993', '18446744073709551616', '1e21', '9.007199254740993e15']) {
      for (const op of ['=', '!=', '>', '<', '>=', '<=']) out.push({ kind: 'trigger', trigger: `traits.n ${op} ${m}`, event_text: ev })
    }
  }
  return out
}

// 6. Numbers as JSON.stringify writes them.
function numbers() {
  const nums = ['-0', '-0.0', '0.0', '1.0', '1e16', '1e+16', '1E21', '1e21', '1e-7', '1.5e-7', '0.000001', '123e-20',
    '100000000000000000000', '1000000000000000000000', '0.1', '-1e-7', '2.5e300', '5e-324', '1.7976931348623157e308',
    '12345678.9', '1.23456789e-5', '-100.0', '4.35', '0.30000000000000004', '1e15', '1e17', '12e1', '99.990']
  const out = []
  for (const n of nums) {
    const ev = `{"type":"identify","userId":"u","traits":{"n":${n},"o":{"m":${n}},"l":[${n},1]}}`
    for (const m of ['{"v":{"@path":"$.traits.n"}}', '{"v":{"@path":"$.traits"}}', '{"v":{"@template":"{{traits.n}}"}}',
      '{"v":{"@json":{"mode":"encode","value":{"@path":"$.traits"}}}}', '{"v":{"@flatten":{"value":{"@path":"$.traits"},"separator":"_"}}}',
      `{"v":{"@literal":${n}}}`, '{"v":{"@excludeWhenNull":{"@path":"$.traits.o"}}}'])
      out.push({ kind: 'transform', mapping_text: m, event_text: ev })
    out.push({ kind: 'cloud', mapping_text: '{"userId":{"@path":"$.traits.n"},"traits":{"@path":"$.traits"}}', event_text: ev })
  }
  return out
}

// 7. Lone UTF-16 surrogates and astral characters: pass-through, lengths, match().
function surrogates() {
  const strs = ['\\ud83d', '\\ude00', 'a\\ud800b', '\\ud83d\\ude00', '😀', '😀😀x', 'é', '\\udbff\\udfff', 'x\\udc00', 'ab',
    '𝒳𝒴', '\\ud800\\ud800', '\\u2028', 'naïve😀']
  const out = []
  for (const s of strs) {
    const ev = `{"type":"track","event":"E${s}","userId":"u${s}","properties":{"s":"${s}","o":{"k${s}":"${s}"}},"traits":{"t":"${s}"}}`
    for (const m of ['{"v":{"@path":"$.properties.s"}}', '{"v":{"@path":"$.properties.s.length"}}', '{"v":{"@template":"<{{properties.s}}>"}}',
      '{"v":{"@path":"$.properties.o"}}', '{"v":{"@json":{"mode":"encode","value":{"@path":"$.properties"}}}}',
      '{"v":{"@case":{"operator":"upper","value":{"@path":"$.properties.s"}}}}', '{"v":{"@path":"$.properties.s.0"}}',
      '{"v":{"@flatten":{"value":{"@path":"$.properties"},"separator":"."}}}', '{"v":{"@replace":{"pattern":"a","replacement":"\\ud83d","value":{"@path":"$.properties.s"}}}}'])
      out.push({ kind: 'transform', mapping_text: m, event_text: ev })
    for (const t of [`properties.s = "${s}"`, `contains(properties.s, "${s}")`, `match(properties.s, "*${s}")`, `match(properties.s, "${s}*")`,
      'properties.s != null', `event = "E${s}"`, `contains(properties.s, "\\ud83d")`])
      out.push({ kind: 'trigger', trigger: t, event_text: ev })
  }
  return out
}

// 8. dynamicAuthSettings in a Jimo Cloud payload.
function dynamicAuth() {
  const values = ['{"a":1}', '"text"', 'null', '0', '[1,2]', '{"oauth":{"token":"t","empty":""}}', 'true', '""', '{}', '{"@path":"$.traits"}']
  const out = []
  for (const v of values) {
    for (const ev of baseEvents().slice(0, 3).concat(['{"type":"identify","userId":"u","traits":{"email":"x@y"},"dynamicAuthSettings":{"k":1}}'])) {
      out.push({ kind: 'cloud', mapping_text: `{"userId":{"@path":"$.userId"},"email":{"@path":"$.traits.email"},"dynamicAuthSettings":${v},"traits":{"@path":"$.traits"}}`, event_text: ev })
      out.push({ kind: 'cloud', mapping_text: `{"dynamicAuthSettings":${v},"userId":{"@path":"$.userId"}}`, event_text: ev })
      out.push({ kind: 'cloud', mapping_text: `{"userId":{"@path":"$.userId"},"dynamicAuthSettings":{"@path":"$.dynamicAuthSettings"},"other":${v}}`, event_text: ev })
      out.push({ kind: 'cloud', mapping_text: `{"userId":5,"dynamicAuthSettings":${v}}`, event_text: ev })
      out.push({ kind: 'cloud', mapping_text: `{"email":1,"dynamicAuthSettings":${v},"traits":"x"}`, event_text: ev })
      out.push({ kind: 'cloud', mapping_text: `{"userId":{"@path":"$.userId"},"traits":{"dynamicAuthSettings":${v}}}`, event_text: ev })
    }
  }
  return out
}

// 9. context null, absent or not an object.
function contextNull() {
  const contexts = ['null', 'absent', '{}', '"str"', '0', 'false', '[]', '{"personas":null}', '{"personas":{"computation_class":"audience","computation_key":"k"}}',
    '{"personas":{"computation_class":"audience","computation_key":"k"}}', '1', 'true', '{"ip":"1.1.1.1"}']
  const mappings = [null, '{"userId":{"@path":"$.userId"}}', '{"userId":{"@path":"$.context"}}', '{"email":"x"}', '{"userId":"u","traits":{"@path":"$.context"}}']
  const out = []
  for (const c of contexts) {
    for (const traits of ['{"email":"a@b.c"}', 'null', '{"k":true}', '{"k":false}']) {
      const ctx = c === 'absent' ? '' : `,"context":${c}`
      for (const uid of ['"u1"', '7']) {
        const ev = `{"type":"identify","userId":${uid},"traits":${traits}${ctx}}`
        for (const m of mappings) out.push({ kind: 'cloud', mapping_text: m, event_text: ev })
      }
    }
  }
  return out
}

// 13. type that is not a string: trigger verdicts (and, in the replay, no device action runs).
function nonStringTypes() {
  const types = ['["track"]', '{"a":1}', '1', 'null', 'true', '"Track"', '"track "', '""', '["identify","track"]']
  const triggers = ['type = "track"', 'event = "E"', 'type != "track"', 'properties.a = 1', 'type = "identify" or event = "E"',
    'contains(type, "track")', 'match(type, "tr*")', 'type != null', 'type = null']
  const out = []
  for (const t of types) {
    for (const tail of [',"event":"E","properties":{"a":1}', ',"userId":"u","traits":{"email":"a@b"}', ',"groupId":"g","event":"F"']) {
      for (const trigger of triggers) out.push({ kind: 'trigger', trigger, event_text: `{"type":${t}${tail}}` })
    }
  }
  return out
}

// 0. Random events and mappings, as a new user would try them (no @liquid: it has its own data).
function randomCases() {
  const r = rng(20261206)
  const keys = ['a', 'b', 'email', 'name', '1', '0', '10', '', '__proto__', 'constructor', 'toString', 'x.y', 'list', 'n']
  const strs = ['', 'x', 'Hello', '0', '12', ' ', '😀', 'é', '{"a":1}', '[1,2]', 'null', 'true', 'a$&b', '{{a}}'].map(T).concat(['"\\ud83d"', '"a\\udc00"'])
  const nums = ['0', '-0', '1', '-1', '1.5', '1e21', '1e-7', '9007199254740993', '18446744073709551616', '1.0', '100', '0.1']
  const value = (d) => {
    const k = r.int(d > 2 ? 4 : 7)
    if (k === 0) return r.pick(strs)
    if (k === 1) return r.pick(nums)
    if (k === 2) return r.pick(['true', 'false', 'null'])
    if (k === 3) return r.pick(strs)
    if (k === 4) return '[' + Array.from({ length: r.int(4) }, () => value(d + 1)).join(',') + ']'
    return object(d + 1)
  }
  const object = (d) => '{' + [...new Set(Array.from({ length: r.int(5) }, () => r.pick(keys)))].map((k) => `${T(k)}:${value(d)}`).join(',') + '}'
  const paths = ['$.a', '$.b', '$.properties', '$.properties.a', '$.traits', '$.traits.email', '$.userId', '$.properties.list',
    '$.traits.1', '$.properties.__proto__', '$.properties.constructor', '$.properties.n.length', '$.missing', '$', '$.traits.list[0]']
  const path = () => r.pick(paths)
  const directive = (d) => {
    const p = T(path())
    const sub = () => (d > 1 ? T(path()) : node(d + 1))
    switch (r.int(13)) {
      case 0: return `{"@path":${p}}`
      case 1: return `{"@template":${T('{{' + path().slice(2) + '}}-{{' + path().slice(2) + '}}')}}`
      case 2: return `{"@literal":${value(2)}}`
      case 3: return `{"@if":{"${r.pick(['exists', 'blank'])}":{"@path":${p}},"then":${sub()},"else":${sub()}}}`
      case 4: return `{"@case":{"operator":"${r.pick(['upper', 'lower'])}","value":{"@path":${p}}}}`
      case 5: return `{"@replace":{"pattern":"${r.pick(['a', 'x', '1'])}","replacement":"${r.pick(['', 'b', '$&'])}","value":{"@path":${p}}}}`
      case 6: return `{"@arrayPath":[${p},{"v":{"@path":"$.${r.pick(['a', 'id', 'email'])}"}}]}`
      case 7: return `{"@json":{"mode":"${r.pick(['encode', 'decode'])}","value":{"@path":${p}}}}`
      case 8: return `{"@flatten":{"value":{"@path":${p}},"separator":"${r.pick(['.', '_'])}"}}`
      case 9: return `{"@merge":{"objects":[{"@path":${p}},${object(2)}],"direction":"${r.pick(['left', 'right'])}"}}`
      case 10: return `{"@transform":{"apply":{"t":{"@path":${p}}},"mapping":{"v":{"@path":"$.t"}}}}`
      case 11: return `{"@excludeWhenNull":{"@path":${p}}}`
      default: return `{"@path":${p}}`
    }
  }
  const node = (d) => (r.int(4) === 0 ? value(3) : directive(d))
  const mapping = () => (r.int(10) === 0 ? directive(1) : '{' + [...new Set(Array.from({ length: 1 + r.int(4) }, () => r.pick(['userId', 'email', 'traits', 'v', 'w', '1', 'a'])))].map((k) => `${T(k)}:${node(1)}`).join(',') + '}')
  const event = () => `{"type":"identify","userId":${r.int(3) ? `"u${r.int(9)}"` : value(2)},"traits":${r.int(5) ? object(1) : value(2)},"properties":${object(1)},"context":${r.pick(['{}', 'null', '{"ip":"1.1.1.1"}'])}}`
  const out = []
  for (let i = 0; i < 1500; i++) out.push({ kind: 'transform', mapping_text: mapping(), event_text: event() })
  for (let i = 0; i < 1000; i++) out.push({ kind: 'cloud', mapping_text: r.int(5) ? mapping() : null, event_text: event() })
  return out
}

module.exports = {
  0: { title: 'random events and mappings', cases: randomCases },
  1: { title: 'a mapping whose root is a directive', cases: rootDirectives },
  2: { title: '__proto__ keys', cases: proto },
  3: { title: 'JavaScript key order', cases: keyOrder },
  4: { title: 'inherited JavaScript members through paths', cases: members },
  5: { title: 'integers above 2**53', cases: integers },
  6: { title: 'numbers as JSON.stringify writes them', cases: numbers },
  7: { title: 'lone UTF-16 surrogates and UTF-16 lengths', cases: surrogates },
  8: { title: 'dynamicAuthSettings in a Jimo Cloud payload', cases: dynamicAuth },
  9: { title: 'an event whose context is null', cases: contextNull },
  13: { title: 'type that is not a string', cases: nonStringTypes },
  10: { title: 'a Jimo Cloud payload that is not an object', cases: () => rootDirectives().filter((c) => c.kind === 'cloud').concat(cloudRoots()) },
  rng,
}

function cloudRoots() {
  const roots = ['{"@literal":"s"}', '{"@literal":[1]}', '{"@literal":null}', '{"@literal":1.5}', '{"@literal":true}', '{"@path":"$.userId"}',
    '{"@path":"$.traits.tags"}', '{"@json":{"mode":"encode","value":{"@path":"$.traits"}}}', '{"@template":"x"}', '{"@path":"$.missing"}',
    '{"@literal":{"userId":"lit"}}', '{"@literal":false}', '{"@if":{"exists":{"@path":"$.userId"},"then":"y"}}', '{"@excludeWhenNull":{"@path":"$.userId"}}']
  const events = ['{"type":"identify","userId":"u","traits":{"tags":[1]}}', '{"type":"identify","userId":null}', '{"type":"identify","userId":3,"traits":{"tags":"t"}}',
    '{"type":"identify","userId":"u","traits":null}', '{"type":"identify","userId":"u","traits":{"tags":[]}}', '{"type":"identify","userId":"","traits":{"tags":{"a":1}}}',
    '{"type":"identify","userId":false,"traits":{"tags":null}}']
  return cross(roots, events, 'cloud')
}
