// Hand-picked and generated inputs for record.cjs. Includes every worked example of
// shared/spec/mapping-kit.md and shared/spec/payload-validation.md.
'use strict'

const P = {
  a: 1, d: null, e: '', f: 0, c: false, b: true, s: 'Hello', o: { k: 'v' },
  arr: [1, 'two', null, { k: 'v' }], 'sp ace': { k: 1 }, 'dot.key': 2,
  nested: { list: [{ id: 1 }, { id: 2 }] }, t: '{{u}}', u: 'INJ', dollar: 'a$&b',
  num: 1.5, big: 1e21, small: 1e-7, neg: -3, str0: '0', space: ' ', empty_arr: [], empty_obj: {},
  'arr[k]': 'bracket', x: { $: { b: 'dollar-b' }, b: 'xb' }, $: { b: 'root-dollar' },
  upper: 'MAKE ME LOWER CASE', strasse: 'straße', mixed: 'ab-AB-aB', dash: 'a-b-c',
  jsonstr: '{"bar":"baz"}', jsonnum: '12', jsonq: '"bar"', notjson: 'Hello World',
  foo: { bar: 'baz', hey: 'you' }, list_s: ['bar', 'baz'], null_arr: [null], blank_arr: [''],
  products: [{ productId: '123', price: 0.5 }, { productId: '456', price: 0.99 }],
  props: { test: 'value', another: 'thing', nested: { a: 'special', b: 2 } },
  num_keys: { b: 1, 2: 2, a: 3, 1: 4 }, date: '2024-01-01T00:00:00.000Z', n10_5: 10.5,
  which: 's', unicode: 'héllo ☃ \u2028', ctrl: 'a\nb\t"c"\\',
}

const identify = {
  type: 'identify', userId: 'user-1', anonymousId: 'anon-1', messageId: 'm-1',
  timestamp: '2024-01-01T00:00:00.000Z',
  traits: { email: 'a@b.c', name: 'Ann', age: 30, plan: null, tags: ['x', 'y'], address: { city: 'Paris', zip: '75001' } },
  context: { ip: '1.2.3.4', locale: 'fr-FR', page: { url: 'https://x.io/a?b=1' } },
}
const identifyNullTraits = { type: 'identify', userId: 'user-2', traits: null }
const identifyNoTraits = { type: 'identify', userId: 'user-3' }
const track = {
  type: 'track', event: 'Order Completed', userId: 'user-1', anonymousId: 'anon-1', messageId: 'm-2',
  timestamp: '2024-01-01T00:00:00.000Z',
  properties: {
    order_id: 'o-1', total: 30.5, currency: 'EUR', coupon: '', discount: 0, gift: false,
    products: [{ sku: 'A', price: 10, quantity: 1 }, { sku: 'B', price: 20.5, quantity: 2, extra: null }],
    meta: { source: 'web', nested: { deep: 1 } },
  },
}
const group = { type: 'group', groupId: 'g-1', userId: 'user-1', traits: { name: 'Acme', employees: 50, industry: null } }
const page = { type: 'page', name: 'Home', properties: { path: '/', title: 'Home', url: 'https://x.io/' }, anonymousId: 'anon-9' }
const EVENTS = { P, identify, identifyNullTraits, identifyNoTraits, track, group, page }

function transform() {
  const out = []
  const add = (name, mapping, event = P) => out.push({ name, mapping, event })
  // §3 path table
  const paths = ['$.a', 'a', '$.', '', '.', '$', '$.zz', '$.d.x', '$.f.x', '$.e.x', '$.c.x', '$.s.length', '$.s.0',
    '$.arr[1]', '$.arr.1', '$.arr[3].k', '$.nested.list[1].id', '$.sp ace.k', "['sp ace'].k", "$['sp ace'].k",
    '$["dot.key"]', '$.dot.key', '$.arr[k]', '$.arr[*]', '$..a', 'x.$.b', '$.x.$.b', '$.arr.length', '$.arr[9]',
    '$.arr["1"]', "$.arr['3'].k", '$.nested.list.0.id', '$.nested.list[0]', '$.o', '$.a.b', '$.b.x', '$.s.99',
    '$.arr[-1]', '$.arr.01', '$.arr[01]', '$.nested..list', '$.nested.list]]].0', '$.num', '$.space', '$.str0',
    '$.empty_arr.0', '$.empty_obj.x', '$.empty_arr.length', 'arr[3]k', '$.nested.list[1]id', '$.unicode', '$["s"]']
  paths.forEach((p) => add(`path ${JSON.stringify(p)}`, { v: { '@path': p } }))
  paths.forEach((p) => add(`template path ${JSON.stringify(p)}`, { v: { '@template': `<{{${p}}}>` } }))
  // §5.2 templates
  const templates = ['Hi {{s}}!', '{{a}}/{{f}}/{{b}}/{{c}}/{{d}}/{{e}}', '{{o}}', '{{arr[1]}} {{arr.1}}', 'x{{nope.deep}}y',
    '{{dollar}}', '{{{t}}}', '{{t}}', '{{foo}}}', '{{{{s}}}}', '{{ }}', '{{$.s}}', '{{ s }}', '{{{ s }}}', '{{arr}}',
    '{{num}}/{{big}}/{{small}}/{{neg}}', '{{s', 's}}', '{{}}', '{{{}}}', '{{ sp ace.k }}', '{{empty_arr}}', '{{null_arr}}',
    'plain', '', '{{nested.list}}', '{{a}}{{a}}{{{a}}}', '{{unicode}}', '{{s.length}}', '{{ctrl}}', '{ {s} }', '{{{s}}',
    '{{s}}}}}', '{{list_s}}', '{{date}}']
  templates.forEach((t) => add(`template ${JSON.stringify(t)}`, { v: { '@template': t } }))
  // raw values, key order, undefined removal
  add('raw values', { s: 'raw', n: 1, f: 1.5, b: false, z: null, t: '{{a}}', arr: [1, 'x', null], o: { k: 'v' } })
  add('key order', { b: 1, 2: 2, a: 3, 1: 4 })
  add('key order from event', { v: { '@path': '$.num_keys' } })
  add('array undefined kept', { v: [{ '@path': '$.missing' }, 1] })
  add('7.2 missing vs null', { foo: { '@path': '$.a' }, bar: { '@path': '$.b2' }, baz: null }, { a: 1 })
  add('7.3 nested cleanup', { x: { y: { z: { '@path': '$.nope' } } }, foo: 1 })
  add('metadata ignored', { v: { '@path': '$.a', _metadata: { type: 'x' } } })
  add('metadata alone is data', { v: { _metadata: { type: 'x' } } })
  add('top-level array mapping', [{ '@path': '$.a' }, 2])
  add('top-level string mapping', 'raw')
  add('top-level directive', { '@path': '$.o' })
  add('top-level directive undefined', { '@path': '$.missing' })
  add('top-level template', { '@template': 'x{{a}}' })
  add('data not object', { v: 1 }, [1, 2])
  add('data null', { v: 1 }, null)
  add('data string', { v: 1 }, 'str')
  add('unknown directive inside array', { v: [{ '@nope': 1 }] })
  add('unknown directive inside @if then array', { '@if': { exists: 1, then: [{ '@nope': 1 }] } })
  add('invalid mapping aggregate', { obj: { '@path': 'foo.bar', oops: true }, hash: { '@template': {} } })
  add('invalid mapping single', { '@case': 'not an object' })
  add('nested path directive', { v: { '@path': { '@path': '$.which' } } })
  add('path non-string', { v: { '@path': { '@path': '$.a' } } })
  add('path object', { v: { '@path': { '@literal': { x: 1 } } } })
  add('template non-string', { v: { '@template': { '@path': '$.a' } } })
  add('template from directive', { v: { '@template': { '@path': '$.t' } } })
  add('template null', { v: { '@template': { '@path': '$.d' } } })
  // @literal
  const literals = [false, null, '', 0, { x: { '@path': '$.a' }, y: 'raw', z: { '@path': '$.missing' } }, [1, { '@path': '$.a' }],
    'str {{a}}', { '@path': '$.s' }, { x: { '@nope': 1 } }, { '@literal': { '@literal': 5 } }]
  literals.forEach((l, i) => add(`literal ${i}`, { v: { '@literal': l } }))
  // @if (§5.4 table and 7.4)
  const ifValues = { one: 1, t: true, str: 'Hello', zero_str: '0', space: ' ', arr1: [1], obj: { k: 1 }, eobj: {}, f: false,
    z: 0, e: '', earr: [], blankarr: [''], nullarr: [null], nul: null, nested_arr: [[]], neg0: -0, nan_like: 'NaN' }
  for (const [k, v] of Object.entries(ifValues)) {
    const ev = { val: v }
    add(`if exists ${k}`, { v: { '@if': { exists: { '@path': '$.val' }, then: 'then', else: 'else' } } }, ev)
    add(`if blank ${k}`, { v: { '@if': { blank: { '@path': '$.val' }, then: 'then', else: 'else' } } }, ev)
  }
  add('if exists missing', { v: { '@if': { exists: { '@path': '$.missing' }, then: 'then', else: 'else' } } })
  add('if blank missing', { v: { '@if': { blank: { '@path': '$.missing' }, then: 'then', else: 'else' } } })
  const elses = [0, '', false, null, 'x', { '@path': '$.s' }]
  elses.forEach((e, i) => add(`if else falsy ${i}`, { v: { '@if': { exists: { '@path': '$.missing' }, then: 1, else: e } } }))
  add('if then null', { v: { '@if': { exists: { '@path': '$.a' }, then: null } } })
  add('if then missing', { v: { '@if': { exists: { '@path': '$.a' }, else: 2 } } })
  add('if no keys', { v: { '@if': { then: 1 } } })
  add('if exists falsy literal', { v: { '@if': { exists: 0, then: 1 } } })
  add('if exists false blank x', { v: { '@if': { exists: false, blank: 'x', then: 1, else: 2 } } })
  add('if exists literal', { v: { '@if': { exists: 1, then: { '@path': '$.s' }, else: 3 } } })
  add('if blank literal 5', { v: { '@if': { blank: 5, then: 'y' } } })
  add('if exists null blank literal', { v: { '@if': { exists: null, blank: 'x', then: 'y', else: 'n' } } })
  add('if then object', { v: { '@if': { exists: { '@path': '$.a' }, then: { x: { '@path': '$.s' }, y: { '@path': '$.m' } } } } })
  for (const p of ['$.a', '$.d', '$.x2', '$.e']) {
    add(`7.4 exists ${p}`, { v: { '@if': { exists: { '@path': p }, then: 'yep', else: 'nope' } } }, { a: 1, b: true, c: false, d: null, e: '' })
    add(`7.4 blank ${p}`, { v: { '@if': { blank: { '@path': p }, then: 'yep', else: 'nope' } } }, { a: 1, b: true, c: false, d: null, e: '' })
  }
  // @case
  const caseOps = ['lower', 'upper', 'LOWER', 'title']
  const caseVals = [{ '@path': '$.upper' }, { '@path': '$.strasse' }, { '@path': '$.a' }, { '@path': '$.d' }, { '@path': '$.missing' },
    { '@path': '$.o' }, 'MiXeD', '', { '@template': 'İ {{s}}' }, { '@path': '$.unicode' }]
  caseOps.forEach((op) => caseVals.forEach((val, i) => add(`case ${op} ${i}`, { v: { '@case': { operator: op, value: val } } })))
  add('case no operator', { v: { '@case': { wrongKey: 'lower', value: { '@path': '$.upper' } } } })
  add('case no value', { v: { '@case': { operator: 'lower' } } })
  add('7.5 case lower', { v: { '@case': { operator: 'lower', value: { '@path': '$.b' } } } }, { b: 'MAKE ME LOWER CASE' })
  add('7.5 case value 1', { v: { '@case': { operator: 'lower', value: { '@path': '$.b' } } } }, { b: 1 })
  // @replace
  const repl = [
    ['dash', { pattern: '-', replacement: '_' }], ['dash', { pattern: '-', replacement: '_', global: false }],
    ['mixed', { pattern: 'AB', replacement: 'x', ignorecase: true }], ['mixed', { pattern: 'AB', replacement: 'x' }],
    [null, { pattern: '.*', replacement: 'x' }, 'a.*b'], [null, { pattern: '-', replacement: ' ', pattern2: 'great', replacement2: 'awesome' }, 'something-great!'],
    [null, { pattern: 'true', replacement: 'granted', pattern2: 'false', replacement2: 'denied' }, false],
    [null, { pattern: 'a', replacement: 'b', pattern2: 'b', replacement2: 'c' }, 'ab'],
    [null, { pattern: 'b', replacement: '[$&]' }, 'abc'], [null, { pattern: 'b', replacement: '$$' }, 'abc'],
    [null, { pattern: 'b', replacement: '$`' }, 'abc'], [null, { pattern: 'b', replacement: "$'" }, 'abc'],
    [null, { pattern: 'b', replacement: '$1' }, 'abc'], [null, { pattern: 'b', replacement: '$<n>' }, 'abc'],
    [null, { pattern: 'b', replacement: '$' }, 'abc'], [null, { pattern: 'b', replacement: '$$$&' }, 'abcb'],
    [null, { pattern: '1', replacement: 'one' }, 1], [null, { pattern: '.', replacement: ',' }, 1.5],
    ['d', { pattern: 'x', replacement: 'y' }], ['missing', { pattern: 'x', replacement: 'y' }], ['o', { pattern: 'x', replacement: 'y' }],
    [null, { pattern: 'x', replacement: 'y' }, ''], [null, { pattern: 'x', replacement: null }, 'axb'],
    [null, { pattern: 'x' }, 'axbx'], [null, { pattern: 'x', pattern2: 'b' }, 'axbx'],
    [null, { pattern: 'x', replacement: 'y', pattern2: 'waytoolongpattern' }, 'axb'],
    [null, { pattern: 'x', replacement: 'y', pattern2: 'b', replacement2: 'waytoolongreplacement' }, 'axb'],
    [null, { pattern: 'x', replacement: 'y', pattern2: 'b', replacement2: 5 }, 'axb'],
    [null, { pattern: 'x', replacement: 'y', pattern2: 5, replacement2: 'z' }, 'axb'],
    [null, { pattern: 'x', replacement: 'y', global: 'no' }, 'axb'],
    [null, { pattern: 'ß', replacement: 'ss', ignorecase: true }, 'STRAßE'], [null, { pattern: 'é', replacement: 'e', ignorecase: true }, 'CAFÉ'],
    [null, { pattern: 'k', replacement: 'X', ignorecase: true }, 'K\u212a'], [null, { pattern: ' ', replacement: '' }, 'a b  c'],
    [null, { pattern: '^', replacement: 'X' }, 'a^b'], [null, { pattern: '/', replacement: '|' }, 'a/b'],
    [null, { pattern: '1234567890', replacement: '1234567890' }, '12345678901'],
    ['unicode', { pattern: '☃', replacement: 'snow' }], ['b', { pattern: 'true', replacement: 'yes' }],
  ]
  repl.forEach(([p, opts, lit], i) => add(`replace ${i}`, { v: { '@replace': { ...opts, value: p ? { '@path': `$.${p}` } : lit } } }))
  add('replace no pattern', { v: { '@replace': { value: 'x' } } })
  add('replace empty pattern', { v: { '@replace': { pattern: '', value: 'x' } } })
  add('replace long pattern', { v: { '@replace': { pattern: 'waaaaayyytoooooloooong', value: 'x' } } })
  // @arrayPath
  add('7.6 arrayPath', { neat: { '@arrayPath': ['$.products', { product_id: { '@path': '$.productId' }, monies: { '@path': '$.price' } }] } }, { products: P.products })
  add('7.6 arrayPath not array', { neat: { '@arrayPath': ['$.products', { product_id: { '@path': '$.productId' } }] } }, { products: { notAnArray: true } })
  add('7.6 arrayPath single', { neat: { '@arrayPath': ['$.properties', { product_id: { '@path': '$.productId' }, monies: { '@path': '$.price' } }] } }, { properties: { productId: '123', price: 0.5 } })
  add('arrayPath mixed items', { v: { '@arrayPath': ['$.arr', { v: { '@path': '$.k' } }] } })
  add('arrayPath missing keys', { v: { '@arrayPath': ['$.products', { v: { '@path': '$.nope' } }] } })
  add('arrayPath no shape', { v: { '@arrayPath': ['$.o'] } })
  add('arrayPath empty shape', { v: { '@arrayPath': ['$.products', {}] } })
  add('arrayPath string root', { v: { '@arrayPath': ['$.s', { x: { '@path': '$.a' } }] } })
  add('arrayPath missing root', { v: { '@arrayPath': ['$.missing', { x: 1 }] } })
  add('arrayPath null root', { v: { '@arrayPath': ['$.d', { x: 1 }] } })
  add('arrayPath directive root', { v: { '@arrayPath': [{ '@path': '$.nested.list' }, { ident: { '@path': '$.id' }, whole: { '@path': '$.' } }] } })
  add('arrayPath nested', { v: { '@arrayPath': ['$.nested', { l: { '@arrayPath': ['$.list', { i: { '@path': '$.id' } }] } }] } })
  add('arrayPath template in shape', { v: { '@arrayPath': ['$.products', { label: { '@template': '{{productId}}:{{price}}' } }] } })
  add('arrayPath shape not object', { v: { '@arrayPath': ['$.products', 'x'] } })
  add('arrayPath shape array', { v: { '@arrayPath': ['$.products', [1]] } })
  add('arrayPath empty', { v: { '@arrayPath': [] } })
  add('arrayPath not array', { '@arrayPath': 'nope' })
  add('arrayPath raw values in shape', { v: { '@arrayPath': ['$.products', { k: 'const', n: null }] } })
  add('arrayPath track products', { items: { '@arrayPath': ['$.properties.products', { sku: { '@path': '$.sku' }, qty: { '@path': '$.quantity' } }] } }, track)
  // @json
  const jsonCases = [['encode', { '@path': '$.list_s' }], ['encode', { '@path': '$.s' }], ['encode', { '@path': '$.o' }], ['encode', { '@path': '$.d' }],
    ['encode', { '@path': '$.missing' }], ['encode', { '@path': '$.arr' }], ['encode', { '@path': '$.unicode' }], ['encode', { '@path': '$.ctrl' }],
    ['encode', { '@path': '$.num_keys' }], ['encode', { '@path': '$.' }], ['encode', { '@path': '$.big' }], ['encode', { '@path': '$.small' }],
    ['encode', { '@path': '$.num' }], ['encode', { '@path': '$.b' }], ['encode', [{ '@path': '$.missing' }, 1]], ['encode', { x: { '@path': '$.missing' }, y: 1 }],
    ['decode', { '@path': '$.jsonstr' }], ['decode', { '@path': '$.jsonnum' }], ['decode', { '@path': '$.jsonq' }], ['decode', { '@path': '$.notjson' }],
    ['decode', { '@path': '$.o' }], ['decode', { '@path': '$.d' }], ['decode', { '@path': '$.missing' }], ['decode', '{"b":1,"2":2,"a":3}'], ['decode', ' [1, 2] '],
    ['decode', '1e400'], ['decode', 'true'], ['decode', 'null'], ['decode', '{"a":1,}'], ['decode', "{'a':1}"], ['decode', 'NaN'], ['decode', '"\\u00e9"'],
    ['ENCODE', { '@path': '$.s' }], ['x', 'x'], ['encode', 0], ['encode', 'lit'], ['decode', '']]
  jsonCases.forEach(([mode, value], i) => add(`json ${i}`, { v: { '@json': { mode, value } } }))
  add('json no mode', { v: { '@json': { value: 'x' } } })
  add('json null value', { v: { '@json': { mode: 'encode', value: null } } })
  add('json mode invalid with bad value', { v: { '@json': { mode: 'x', value: { '@path': 5 } } } })
  // @flatten
  const flat = [[{ '@path': '$.foo' }, '.'], [{ '@literal': { bar: 'baz', aces: { a: 1, b: 2 } } }, '.'], [[{ fazz: 'bar', fizz: 'baz' }], '.'],
    [{ '@literal': { x: 1, y: null, z: { w: null } } }, '_'], [{ '@path': '$.s' }, '.'], [{ '@path': '$.d' }, '.'], [{ '@path': '$.missing' }, '.'],
    [{ '@path': '$.nested' }, '.'], [{ '@path': '$.nested' }, '.', true], [{ '@path': '$.arr' }, '.', true], [{ '@path': '$.arr' }, '-'],
    [{ '@literal': { e: {}, ea: [], k: 1 } }, '.'], [{ '@literal': { e: {}, ea: [], k: 1 } }, '.', true], [{ '@path': '$.num_keys' }, '.'],
    [{ '@literal': { b: { 1: 'x', a: 'y' }, 1: { c: 2 } } }, '/'], [{ '@path': '$.props' }, { '@path': '$.which' }], [{ '@path': '$.props' }, { '@path': '$.a' }],
    [{ '@path': '$.props' }, ''], [{ '@path': '$.props' }, { '@path': '$.missing' }], [{ '@path': '$.props' }, '__'], [{ '@literal': { '': { a: 1 }, b: 2 } }, '.'],
    [{ '@path': '$.a' }, '.'], [{ '@path': '$.empty_obj' }, '.']]
  flat.forEach(([value, separator, omitArrays], i) => add(`flatten ${i}`, { v: { '@flatten': omitArrays === undefined ? { value, separator } : { value, separator, omitArrays } } }))
  add('flatten no separator', { v: { '@flatten': { value: { '@path': '$.foo' } } } })
  // @merge
  add('7.8 merge right', { v: { '@merge': { direction: 'right', objects: [{ cool: true, hey: 'there' }, { '@path': 'foo' }] } } }, { foo: { bar: 'baz', hey: 'you' } })
  add('7.8 merge left', { v: { '@merge': { direction: 'left', objects: [{ cool: true, hey: 'there' }, { '@path': 'foo' }] } } }, { foo: { bar: 'baz', hey: 'you' } })
  add('7.9 merge defaults', { v: { '@merge': { direction: 'right', objects: [{ name: 'Missing name', neighborhood: 'Missing neighborhood' }, { '@path': 'traits' }] } } }, { traits: { name: 'Mr. Rogers' } })
  add('merge undefined deletes', { v: { '@merge': { direction: 'right', objects: [{ a: 1 }, { a: { '@path': '$.missing' } }] } } })
  add('merge left order', { v: { '@merge': { direction: 'left', objects: [{ a: 1, b: 1 }, { b: 2, c: 2 }] } } })
  add('merge mixed elements', { v: { '@merge': { direction: 'right', objects: [{ '@path': '$.s' }, { '@path': '$.d' }, { '@path': '$.a' }, { '@path': '$.list_s' }, { '@path': '$.missing' }, { z: 1 }] } } })
  add('merge LEFT', { v: { '@merge': { direction: 'LEFT', objects: [{ a: 1 }, { a: 2 }] } } })
  add('merge no direction', { v: { '@merge': { objects: [{ a: 1 }] } } })
  add('merge direction directive', { v: { '@merge': { direction: { '@template': 'left' }, objects: [{ a: 1 }, { a: 2 }] } } })
  add('merge numeric keys', { v: { '@merge': { direction: 'right', objects: [{ b: 1, a: 1 }, { 2: 'x', 1: 'y', b: 2 }] } } })
  add('merge invalid element', { oops: { '@merge': { direction: 'right', objects: [{}, 123] } } })
  add('merge invalid nested', { oops: { '@merge': { direction: 'right', objects: [{ a: { '@path': 5 } }] } } })
  add('merge objects not array', { v: { '@merge': { direction: 'right', objects: { a: 1 } } } })
  add('merge invalid direction', { v: { '@merge': { direction: 'up', objects: [{}] } } })
  // @transform and root directive
  add('transform basic', { v: { '@transform': { apply: { foo: { '@path': '$.a' } }, mapping: { cool: { '@path': '$.foo' }, orig: { '@path': '$.s' } } } } })
  add('transform apply directive', { v: { '@transform': { apply: { '@path': '$.o' }, mapping: { k: { '@path': '$.k' } } } } })
  add('transform no apply', { v: { '@transform': { mapping: {} } } })
  add('transform empty apply', { v: { '@transform': { apply: {}, mapping: { x: 1 } } } })
  add('transform mapping directive', { v: { '@transform': { apply: { foo: { '@path': '$.s' } }, mapping: { '@path': '$.foo' } } } })
  add('7.11 root directive', {
    __segment_internal_directive: { '@transform': { apply: { properties: { '@flatten': { value: { '@path': '$.properties' }, separator: '_' } } } } },
    properties: { '@path': '$.properties' }, topLevel: { '@path': '$.properties.nested_a' },
  }, { properties: { test: 'value', another: 'thing', nested: { a: 'special', b: 2 } } })
  add('root directive two keys', { __segment_internal_directive: { '@transform': {}, '@path': 'x' }, a: 1 })
  add('root directive not object', { __segment_internal_directive: { '@path': 'x' }, a: 1 })
  add('transform in arrayPath primitive', { v: { '@arrayPath': ['$.arr', { t: { '@transform': { apply: { x: 1 }, mapping: { y: { '@path': '$.x' } } } } }] } })
  // @excludeWhenNull (7.10)
  const ewn = { foo: { bar: null, aces: { a: 1, b: 2 } } }
  const wrapped = [{ '@path': '$.foo.bar' }, { '@template': '{{foo.bar}}' }, { '@literal': null },
    { '@if': { exists: { '@path': '$.foo.foobar' }, then: 1, else: null } }, { '@case': { operator: 'lower', value: { '@path': '$.foo.bar' } } },
    { '@replace': { pattern: 'x', value: { '@path': '$.foo.bar' } } }, { '@json': { mode: 'decode', value: { '@path': '$.foo.bar' } } },
    { '@json': { mode: 'encode', value: { '@path': '$.foo.bar' } } }, { '@path': '$.foo' }, { '@literal': { x: 1, y: null, z: { w: null } } },
    { '@literal': [null, { a: null }] }, { '@path': '$.foo.aces' }, 0, '', { '@path': '$.missing' }]
  wrapped.forEach((w, i) => add(`7.10 excludeWhenNull ${i}`, { v: { '@excludeWhenNull': w } }, ewn))
  add('7.10 excludeWhenNull transform', { v: { '@transform': { apply: { properties: null }, mapping: { props: { '@excludeWhenNull': { '@path': '$.properties' } } } } } }, ewn)
  // 7.1 and 7.12
  add('7.1 readme', { name: 'Mr. Rogers', neighborhood: { '@path': '$.properties.neighborhood' }, greeting: { '@template': "Won't you be my {{properties.noun}}?" } },
    { properties: { neighborhood: 'Latrobe', noun: 'neighbor' } })
  const jimoUser = { userId: { '@path': '$.userId' }, email: { '@path': '$.traits.email' }, traits: { '@path': '$.traits' } }
  const jimoTrack = { messageId: { '@path': '$.messageId' }, timestamp: { '@path': '$.timestamp' }, event_name: { '@path': '$.event' },
    userId: { '@path': '$.userId' }, anonymousId: { '@path': '$.anonymousId' }, properties: { '@path': '$.properties' } }
  const jimoGroup = { groupId: { '@path': '$.groupId' }, traits: { '@path': '$.traits' } }
  for (const [en, ev] of Object.entries(EVENTS)) {
    add(`jimo user ${en}`, jimoUser, ev)
    add(`jimo track ${en}`, jimoTrack, ev)
    add(`jimo group ${en}`, jimoGroup, ev)
  }
  // @liquid
  const liquids = ['', 'Hello {{ s }}', '{{ a | plus: 2 }}', '{{ nope }}', '{{ s | nosuchfilter }}', '{{ o }}', '{{ arr }}', '{{ list_s }}',
    '{{ n10_5 | round }}', '{{ num }}', '{{ big }}', '{{ small }}', '{% if a == 1 %}one{% else %}other{% endif %}', '{% unless b %}x{% endunless %}y',
    '{% assign z = s | upcase %}{{ z }}', '{% capture c %}cap{{ a }}{% endcapture %}{{ c }}', '{% raw %}{{ s }}{% endraw %}', '{{ properties["name"] }}',
    '{{ o | json }}', '{{ list_s | json }}', '{% for i in arr %}{{ i }}{% endfor %}', '{% case a %}{% when 1 %}one{% endcase %}', '{{ list_s | reverse }}',
    '{{ list_s | join: "," }}', '{{ list_s | first }}', '{{ s | size }}', '{{ s | downcase }}', '{{ s | append: "!" }}', '{{ x', '{% if %}',
    '{{ b }}', '{{ c }}', '{{ d }}', '{{ e }}', '{{ f }}', '{{ neg | abs }}', '{{ 10 | divided_by: 4 }}', '{{ 10.0 | divided_by: 4 }}', '{{ 3 | times: 1.5 }}',
    '{{ s | slice: 1, 2 }}', '{{ "a,b" | split: "," | last }}', '{{ s | replace: "l", "L" }}', '{{ date | date: "%Y" }}', '{{ nested.list[1].id }}',
    '{{ nested.list.size }}', '{{ s | default: "x" }}', '{{ nope | default: "dflt" }}', '{{ e | default: "dflt" }}', '{{ unicode | upcase }}',
    '{{ s | truncate: 3 }}', '{{ a | minus: 5 }}', '{{ num | ceil }}', '{{ num | floor }}', '{% if s contains "ell" %}yes{% endif %}',
    '{{ list_s | map: "x" }}', '{{ list_s | sort }}', '{{ list_s | uniq }}', '{{ s | type }}', '{% tablerow i in arr %}{% endtablerow %}',
    '{% include "x" %}', '{{ ctrl | escape }}', '{{ foo.bar | capitalize }}', '{{ a | at_least: 5 }}', 'x'.repeat(1001), '{{ a }}'.repeat(142),
    '{% if b and a > 0 %}t{% endif %}', '{{ "5" | plus: 1 }}', '{{ s | strip }}', '{{ empty_arr | size }}', '{{ s | md5 }}', '{{ a | json }}']
  liquids.forEach((l, i) => add(`liquid ${i}`, { v: { '@liquid': l } }))
  const liquids2 = ['{{ 10 | divided_by: 3 }}', '{{ 7 | modulo: 3 }}', '{{ 1.1 | plus: 2.2 }}', '{{ 0.1 | times: 3 }}', '{{ num | times: 2 }}',
    '{{ "3" | times: "2" }}', '{{ s | times: 2 }}', '{{ big | plus: 1 }}', '{{ a | divided_by: 0 }}', '{{ -1.5 | round }}', '{{ 2.345 | round: 2 }}',
    '{{ s | upcase | downcase | capitalize }}', '{{ "a b c" | split: " " | join: "-" }}', '{{ list_s | last }}', '{{ list_s.size }}', '{{ list_s[0] }}',
    '{{ list_s.first }}', '{{ o.k }}', '{{ o["k"] }}', '{{ nested.list[0] }}', '{{ nested }}', '{{ b | default: "x" }}', '{{ c | default: "x" }}',
    '{{ c | default: "x", allow_false: true }}', '{{ "  pad  " | lstrip }}|', '{{ "  pad  " | rstrip }}|', '{{ s | prepend: ">" }}',
    '{{ s | remove: "l" }}', '{{ s | remove_first: "l" }}', '{{ s | replace_first: "l", "L" }}', '{{ s | truncatewords: 1 }}', '{{ "a\nb" | strip_newlines }}',
    '{{ "<b>x</b>" | strip_html }}', '{{ "a b" | url_encode }}', '{{ "a%20b" | url_decode }}', '{{ "x" | escape_once }}', '{{ s | slice: -3, 2 }}',
    '{{ list_s | compact | join }}', '{{ 5 | at_most: 3 }}', '{{ "2024-05-06T07:08:09Z" | date: "%Y-%m-%d %H:%M" }}', '{{ "abc" | base64_encode }}',
    '{% if d %}y{% else %}n{% endif %}', '{% if e == "" %}empty{% endif %}', '{% if empty_arr == empty %}E{% endif %}', '{% if f == 0 %}zero{% endif %}',
    '{% if nope == nil %}nil{% endif %}', '{% if a != 1 %}x{% elsif a == 1 %}y{% endif %}', '{% assign l = "a,b" | split: "," %}{{ l | size }}{{ l }}',
    '{% comment %}x{% endcomment %}y', '{%- if a -%} t {%- endif -%}', '{{ a }}{% increment c %}{% increment c %}', '{% cycle "a", "b" %}',
    '{% liquid\nassign x = 1\necho x\n%}', '{% echo s %}', '{{ s | nosuch: 1, 2 | upcase }}', '{{ "x" | append: nope }}', '{{ nope.deep.er }}',
    '{{ arr[1] }}', '{{ arr[3].k }}', '{{ arr.last.k }}', '{{ num_keys }}', '{{ true }}', '{{ 1.0 }}', '{{ 1e2 }}', '{{ "a" == "a" }}', '{{ (1..3) }}',
    '{{ unicode | size }}', '{{ unicode | slice: 0, 3 }}', '{{ s | split: "" | join: "." }}', '{% raw %}{% endraw %}', '{% if true %}{% endif %}x']
  liquids2.forEach((l, i) => add(`liquid2 ${i}`, { v: { '@liquid': l } }))
  add('liquid non-string', { v: { '@liquid': 5 } })
  add('liquid in arrayPath', { v: { '@arrayPath': ['$.products', { l: { '@liquid': '{{ productId }}-{{ price | times: 2 }}' } }] } })
  // generated: combinations of directives over events
  const gen = [
    { '@path': '$.traits.email' }, { '@path': '$.properties.total' }, { '@path': '$.context.page.url' },
    { '@template': '{{event}} by {{userId}}' }, { '@template': '{{traits.name}} <{{traits.email}}>' },
    { '@if': { exists: { '@path': '$.traits.email' }, then: { '@path': '$.traits.email' }, else: 'none' } },
    { '@if': { blank: { '@path': '$.properties.coupon' }, then: { '@path': '$.properties.coupon' }, else: 'NOCOUPON' } },
    { '@case': { operator: 'upper', value: { '@path': '$.event' } } }, { '@case': { operator: 'lower', value: { '@path': '$.traits.name' } } },
    { '@replace': { pattern: ' ', replacement: '_', value: { '@path': '$.event' } } },
    { '@arrayPath': ['$.properties.products', { sku: { '@path': '$.sku' }, total: { '@path': '$.price' } }] },
    { '@json': { mode: 'encode', value: { '@path': '$.traits' } } }, { '@json': { mode: 'encode', value: { '@path': '$.properties' } } },
    { '@flatten': { value: { '@path': '$.properties' }, separator: '.' } }, { '@flatten': { value: { '@path': '$.traits' }, separator: '_', omitArrays: true } },
    { '@merge': { direction: 'right', objects: [{ source: 'default' }, { '@path': '$.traits' }, { '@path': '$.properties.meta' }] } },
    { '@transform': { apply: { n: { '@path': '$.traits.name' }, e: { '@path': '$.event' } }, mapping: { label: { '@template': '{{n}}{{e}}' } } } },
    { '@excludeWhenNull': { '@path': '$.traits' } }, { '@excludeWhenNull': { '@path': '$.properties' } },
    { '@liquid': '{{ traits.name | default: event }}' }, { '@liquid': '{% if properties.total > 20 %}big{% else %}small{% endif %}' },
    { '@literal': { id: { '@path': '$.userId' }, kind: { '@path': '$.type' } } },
  ]
  for (const [en, ev] of Object.entries(EVENTS)) {
    gen.forEach((g, i) => add(`gen ${i} ${en}`, { v: g, id: { '@path': '$.userId' } }, ev))
  }
  randomMappings(300).forEach(([m, ev], i) => add(`random ${i}`, m, ev))
  return out
}

// Seeded random mapping trees over the sample events, for broad coverage.
function randomMappings(count) {
  let seed = 20260701
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648)
  const pick = (xs) => xs[Math.floor(rnd() * xs.length)]
  const paths = ['$.userId', '$.traits', '$.traits.email', '$.traits.name', '$.traits.age', '$.traits.plan', '$.traits.tags', '$.traits.tags[1]',
    '$.traits.address', '$.properties', '$.properties.total', '$.properties.products', '$.properties.products[0].sku', '$.properties.coupon',
    '$.properties.discount', '$.properties.gift', '$.properties.meta', '$.event', '$.type', '$.missing', '$.context.page.url', '$.groupId', '$.name', '$.']
  const raws = ['x', '', 0, 1.5, true, false, null, 'A-b C', { k: 1 }, [1, 'a']]
  const leaf = () => (rnd() < 0.7 ? { '@path': pick(paths) } : pick(raws))
  function node(depth) {
    if (depth <= 0) return leaf()
    const d = depth - 1
    switch (pick(['path', 'template', 'if', 'case', 'replace', 'json', 'flatten', 'merge', 'ewn', 'literal', 'arrayPath', 'object', 'liquid', 'transform'])) {
      case 'path': return leaf()
      case 'template': return { '@template': `${pick(['', 'x '])}{{${pick(paths).replace('$.', '')}}}-{{${pick(paths).replace('$.', '')}}}` }
      case 'if': return { '@if': { [pick(['exists', 'blank'])]: leaf(), then: node(d), else: node(d) } }
      case 'case': return { '@case': { operator: pick(['lower', 'upper']), value: node(d) } }
      case 'replace': return { '@replace': { pattern: pick(['a', '-', ' ', 'e', '.']), replacement: pick(['', '_', 'X']), global: rnd() < 0.7, value: node(d) } }
      case 'json': return { '@json': { mode: pick(['encode', 'decode']), value: node(d) } }
      case 'flatten': return { '@flatten': { value: node(d), separator: pick(['.', '_']), ...(rnd() < 0.3 ? { omitArrays: true } : {}) } }
      case 'merge': return { '@merge': { direction: pick(['left', 'right']), objects: [{ a: node(d) }, { '@path': pick(paths) }, { b: 1 }] } }
      case 'ewn': return { '@excludeWhenNull': node(d) }
      case 'literal': return { '@literal': { a: node(d), b: pick(raws) } }
      case 'arrayPath': return { '@arrayPath': [pick(['$.properties.products', '$.traits.tags', '$.traits', '$.missing']), { s: { '@path': pick(['$.sku', '$.price', '$.', '$.city']) }, n: node(d) }] }
      case 'object': return { x: node(d), y: node(d) }
      case 'liquid': return { '@liquid': pick(['{{ traits.name | upcase }}', '{{ properties.total | times: 2 }}', '{% if userId %}{{ userId }}{% endif %}', '{{ event | default: type }}']) }
      default: return { '@transform': { apply: { t: node(d) }, mapping: { out: { '@path': '$.t' } } } }
    }
  }
  const events = [identify, track, group, page, identifyNullTraits]
  const out = []
  for (let i = 0; i < count; i++) out.push([{ f: node(3), g: node(2), userId: { '@path': '$.userId' } }, pick(events)])
  return out
}

function validate() {
  const out = []
  const add = (name, mapping) => out.push({ name, mapping })
  const table = [
    { '@arrayPath': 'nope' }, { '@if': { exists: true, then: { '@oops': {} } } }, { '@path': false }, { '@replace': { value: { '@path': '$.a' } } },
    { '@replace': { pattern: 'bla' } }, { '@replace': { pattern: 'waaaaayyytoooooloooong', value: { '@path': '$.a' } } },
    { '@replace': { pattern: 'w', replacement: 'waaaayyyytooolong', value: { '@path': '$.a' } } },
    { '@replace': { pattern: 'w', value: { '@path': '$.a' }, global: 'bla' } }, { '@replace': { pattern: 'w', value: { '@path': '$.a' }, ignorecase: 'bla' } },
    { v: { '@replace': { pattern: '', value: 'x' } } }, { '@template': 123 }, { '@path': '$.foo', bar: 'baz' }, { '@path': '$.foo', '@bar': 'baz' },
    { obj: { '@path': 'foo.bar', oops: true }, hash: { '@template': {} } }, { '@oops': {} }, { '@case': 'not an object' },
    { v: { '@json': { mode: 'x', value: 'x' } } }, { '@merge': { direction: 'up', objects: [{}] } }, { oops: { '@merge': { direction: 'right', objects: [{}, 123] } } },
    { v: { '@liquid': 123 } }, { v: { '@transform': { mapping: {} } } }, { v: { '@arrayPath': ['$.x', { i: { '@path': 5 } }] } },
    { '@if': { exists: 1, else: 3 } }, { '@path': { '@path': '$.foo.bar' } }, { '@template': '{{foo.bar}}', _metadata: { type: 'autocomplete', label: 'X' } },
    { '@replace': { pattern: '+', value: { '@path': '$.a' } } }, [1, 2], 'foo', 5, null, true, [{ '@nope': 1 }], {},
    { '@replace': { pattern: 'x', pattern2: { '@nope': 1 }, value: 'x' } }, { '@json': { mode: 'x', value: { '@path': 5 } } },
    { '@if': { blank: 5, then: 1 } }, { '@if': { blank: { '@nope': 1 }, then: 1 } }, { '@flatten': { value: 1, omitArrays: { '@x': 1 } } },
    { '@case': { operator: 5, value: 5 } }, { '@case': { operator: 'lower', value: { '@path': 1 } } }, { '@case': { stray: { '@bad': 1 } } },
    { '@replace': 'x' }, { '@replace': { pattern: 5, replacement: 5, value: 5, ignorecase: 1, global: null } }, { '@replace': { pattern: 'x', replacement: null, value: 'y' } },
    { '@arrayPath': [] }, { '@arrayPath': [5] }, { '@arrayPath': ['$.a', { x: { '@template': 1 } }, 'extra'] }, { '@arrayPath': ['$.a', 'str'] },
    { '@arrayPath': [{ '@path': 1 }, { '@if': 'x' }] }, { '@json': 'x' }, { '@json': {} }, { '@json': { mode: 'ENCODE', value: null } }, { '@json': { mode: 5, value: 1 } },
    { '@flatten': {} }, { '@flatten': { separator: 5, value: 1 } }, { '@flatten': { separator: '.', value: { '@path': 2 } } },
    { '@merge': {} }, { '@merge': { objects: 'x' } }, { '@merge': { direction: 5, objects: [] } }, { '@merge': { direction: 'LEFT', objects: [null, [], 'x', { '@path': 1 }] } },
    { '@merge': { direction: 'right', objects: [{ a: { '@x': 1 } }, { b: { '@path': false } }] } }, { '@transform': {} }, { '@transform': { apply: 1, mapping: [] } },
    { '@transform': { apply: { '@path': 1 }, mapping: { x: { '@nope': 1 } } } }, { '@excludeWhenNull': { '@nope': 1 } }, { '@liquid': { '@template': 'x' } },
    { '@literal': { '@nope': 1 } }, { '@literal': { x: { '@nope': 1 } } }, { '@literal': [{ '@nope': 1 }] }, { a: { b: { c: { '@path': 1 } } }, d: { '@template': null } },
    { a: [{ '@path': 1 }], b: { '@if': {} } }, { '@if': [] }, { '@if': null }, { '@path': null }, { '@path': [] }, { '@path': { x: 1 } },
    { '@template': { '@nope': 1 } }, { x: { '@path': 'a', '@template': 'b', _metadata: 1 } }, { x: { '@path': 'a', _metadata: 1, other: 2 } },
    { x: { _metadata: 1 } }, { '@if': { '@path': 'x' } }, { '@if': { exists: { '@path': 1 }, then: { '@path': 2 }, else: { '@path': 3 } } },
    { '@replace': { pattern: 'ab', value: 'x', replacement: '12345678901' } }, { '@replace': { pattern: '12345678901', value: 'x' } },
    { '@replace': { pattern: '1234567890', replacement: '', value: 'x' } }, { v: { '@merge': { direction: 'right', objects: [{}, { '@oops': 1 }] } } },
  ]
  table.forEach((m, i) => add(`validate ${i}`, m))
  // Every mapping of the transform cases, validated on its own as well.
  const seen = new Set(out.map((c) => JSON.stringify(c.mapping)))
  for (const c of transform()) {
    const key = JSON.stringify(c.mapping)
    if (!seen.has(key)) {
      seen.add(key)
      add(`validate transform ${c.name}`, c.mapping)
    }
  }
  return out
}

const jimoCloud = {
  userId: { label: 'User ID', description: 'The unique user identifier', type: 'string', required: true, default: { '@path': '$.userId' } },
  email: { label: 'User email', description: 'The email of the user', type: 'string', default: { '@path': '$.traits.email' } },
  traits: { label: 'User Traits', description: 'A list of attributes coming from segment traits', type: 'object', default: { '@path': '$.traits' } },
}
const sendUserData = {
  userId: { label: 'User ID', description: 'The unique user identifier', type: 'string', allowNull: true, default: { '@path': '$.userId' } },
  email: { label: 'User email', description: 'The email of the user', type: 'string', allowNull: true, default: { '@path': '$.traits.email' } },
  traits: { label: 'User Traits', description: 'A list of attributes coming from segment traits', type: 'object', default: { '@path': '$.traits' } },
}
const sendTrackEvent = {
  messageId: { label: 'Message Id', description: 'The internal id of the message.', type: 'string', required: true, default: { '@path': '$.messageId' } },
  timestamp: { label: 'Timestamp', description: 'The timestamp of the event.', type: 'string', required: true, default: { '@path': '$.timestamp' } },
  event_name: { label: 'Event Name', description: 'The name of the event.', type: 'string', required: true, default: { '@path': '$.event' } },
  userId: { label: 'User ID', description: 'A unique identifier for the user.', type: 'string', default: { '@path': '$.userId' } },
  anonymousId: { label: 'Anonymous ID', description: 'An anonymous identifier for the user.', type: 'string', default: { '@path': '$.anonymousId' } },
  properties: { label: 'Event Properties', description: 'Information associated with the event', type: 'object', default: { '@path': '$.properties' } },
}
const sendGroupData = {
  groupId: { label: 'Group ID', description: 'The unique identifier for the group', type: 'string', required: true, default: { '@path': '$.groupId' } },
  traits: { label: 'Group Traits', description: 'A list of attributes coming from segment group traits', type: 'object', default: { '@path': '$.traits' } },
}
const typed = {
  s: { label: 'S Label', type: 'string' }, n: { label: 'N', type: 'number' }, i: { label: 'I', type: 'integer' }, b: { label: 'B', type: 'boolean' },
  o: { label: 'O', type: 'object' }, sn: { label: 'SN', type: 'string', allowNull: true }, dt: { label: 'DT', type: 'datetime' },
  ch: { label: 'CH', type: 'string', choices: ['a', 'b'] }, ch3: { label: 'CH3', type: 'string', choices: [{ label: 'A', value: 'a' }, { label: 'B', value: 'b' }, { label: 'C', value: 'c' }] },
  em: { label: 'EM', type: 'string', format: 'email' }, ur: { label: 'UR', type: 'string', format: 'uri' }, ms: { label: 'MS', type: 'string', multiple: true },
  mn: { label: 'MN', type: 'number', multiple: true }, tx: { label: 'TX', type: 'text' }, pw: { label: 'PW', type: 'password' },
  op: { label: 'OP', type: 'object', properties: { k: { label: 'K', type: 'string' }, r: { label: 'R', type: 'number', required: true }, bb: { label: 'BB', type: 'boolean' } } },
  mo: { label: 'MO', type: 'object', multiple: true, properties: { sku: { label: 'SKU', type: 'string', required: true }, q: { label: 'Q', type: 'integer' } } },
  oa: { label: 'OA', type: 'object', additionalProperties: true, properties: { k: { label: 'K', type: 'string' } } },
  mm: { label: 'MM', type: 'string', minimum: 2, maximum: 4 }, nm: { label: 'NM', type: 'number', minimum: 1, maximum: 10 },
  im: { label: 'IM', type: 'integer', minimum: 1, maximum: 10 }, cn: { label: 'CN', type: 'string', allowNull: true, choices: ['x', 'y'] },
  nolabel: { type: 'string' }, dtt: { label: 'DTT', type: 'string', format: 'date-time' }, dd: { label: 'DD', type: 'string', format: 'date' },
  ip: { label: 'IP', type: 'string', format: 'ipv4' }, hn: { label: 'HN', type: 'string', format: 'hostname' },
  msn: { label: 'MSN', type: 'string', multiple: true, allowNull: true }, bn: { label: 'BN', type: 'boolean', allowNull: true },
  nn: { label: 'NN', type: 'number', allowNull: true }, on: { label: 'ON', type: 'object', allowNull: true },
}
const FIELD_SETS = { jimoCloud, sendUserData, sendTrackEvent, sendGroupData, typed }

function payload() {
  const out = []
  const add = (name, fields, p) => out.push({ name, fields, payload: p })
  const j = [
    { userId: 'u1', email: 'a@b.c', traits: { email: 'a@b.c', name: 'N' } }, { traits: { email: 'a@b.c' } }, { userId: '', traits: {} },
    { userId: 123, traits: {} }, { userId: true }, { userId: ['x'] }, { userId: ['x', 'y'] }, { userId: { a: 1 } }, { userId: 'u', email: 5 },
    { userId: 'u', email: '' }, { userId: 'u', email: null }, { userId: 'u', traits: 'abc' }, { userId: 'u', traits: [1, 2] },
    { userId: 'u', traits: null }, { userId: 'u', traits: '' }, { userId: 'u', traits: { a: null, b: '' } }, { userId: 'u', extra: 1 },
    { userId: { a: 1 }, email: { b: 1 } }, {}, { userId: null }, { userId: 1.5, email: false, traits: { x: 1 } }, { userId: [null] }, { userId: [] },
    { userId: [{ a: 1 }] }, { userId: 'u', traits: [] }, { userId: 'u', traits: [{ a: 1 }] }, { userId: 'u', traits: 5 }, { userId: 0 }, { userId: -0.5e-7 },
    { userId: 1e21 }, { userId: 'u', email: [5] },
  ]
  for (const [fname, fields] of Object.entries({ jimoCloud, sendUserData })) j.forEach((p, i) => add(`${fname} ${i}`, fields, p))
  const trackPayloads = [
    { messageId: 'm', timestamp: '2024-01-01T00:00:00.000Z', event_name: 'E', userId: 'u', anonymousId: 'a', properties: { x: 1 } },
    { timestamp: 5 }, { messageId: 1, timestamp: true, event_name: ['E'], properties: 'p' }, { messageId: '', timestamp: '', event_name: '' },
  ]
  trackPayloads.forEach((p, i) => add(`sendTrackEvent ${i}`, sendTrackEvent, p))
  const groupPayloads = [{ groupId: 'g', traits: { a: 1 } }, { traits: null }, { groupId: 7, traits: 'x', other: 1 }]
  groupPayloads.forEach((p, i) => add(`sendGroupData ${i}`, sendGroupData, p))
  const values = [5, 1.5, 0, -1, true, false, '5', '5.5', '1e3', ' 5', '0x10', ' ', 'Infinity', 'abc', 'NaN', '', null, 'true', 'false',
    'TRUE', '1', '0', 'yes', 2, 1, [], ['a'], [1], [null], ['a', 'b'], [3], ['3'], [{ a: 1 }], {}, { a: 1 }, 'a', 'b', 'c', 'x',
    '2024-01-01', '2024-01-01T00:00:00Z', 'Jan 1 2024', 1700000000, '1700000000', 'not a date', 'a@b.c', 'not an email', 'http://x.y/z',
    'x y', '5.0', '-0x10', '1_000', '.5', '5.', '+5', '\t7\n', '12:00', 'example.com', '127.0.0.1', '999.1.1.1', 'abcdefgh', 'é',
    { k: 5, r: '3', extra: 1 }, { k: 'v' }, { r: 'x', bb: 'true' }, [{ sku: 1, q: '2', z: 1 }, { q: 1 }], { sku: 'a' }, [[1]],
    '1700000000000', '2024-13-45', 1e21, 'Infinityx', '-Infinity', '0b11', '0o7', '1e400']
  for (const key of Object.keys(typed)) {
    values.forEach((v, i) => add(`typed ${key} ${i}`, { [key]: typed[key] }, { [key]: v }))
  }
  add('typed all bad', typed, { s: {}, n: 'x', b: 'y', o: 1, i: 1.5, op: {}, mo: [{}], ch: 'z' })
  add('typed all good', typed, { s: 's', n: 1, i: 2, b: true, o: {}, dt: '2024-01-01', ch: 'a', ms: 'x', op: { r: 1 } })
  add('snapshot example', { req: { label: 'Req', type: 'string', required: true }, s: typed.s, n: typed.n, b: typed.b },
    { s: { a: 1 }, n: 'abc', b: 'maybe' })
  add('nested empty removal', { a: { label: 'A', type: 'object', properties: { b: { label: 'B', type: 'number' }, c: { label: 'C', type: 'null' } } } }, { a: { b: '', c: null } })
  add('nested strings kept', { product: { label: 'P', type: 'object', properties: { product_id: { label: 'PI', type: 'string' }, name: { label: 'NA', type: 'string', allowNull: true } } } },
    { product: { product_id: '', name: '' } })
  // payload-validation.md §4 table
  add('empty 1', { foo: { label: 'F', type: 'number' }, bar: { label: 'B', type: 'string' }, baz: { label: 'Z', type: 'boolean' } }, { foo: '', bar: '1', baz: true })
  add('empty 2', { foo: { label: 'F', type: 'object' }, bar: { label: 'B', type: 'string' } }, { foo: {}, bar: '1' })
  add('empty 5', { a: { label: 'A', type: 'string' }, b: { label: 'B', type: 'string' } }, { a: null, b: '1' })
  add('empty 6', { a: { label: 'A', type: 'string', allowNull: true }, b: { label: 'B', type: 'string' } }, { a: null, b: '1' })
  add('empty 7', { foo: { label: 'F', type: 'string' }, bar: { label: 'B', type: 'string' } }, { foo: '', bar: '1' })
  add('empty multiple nulls', { ms: typed.ms, msn: typed.msn }, { ms: ['a', null, '', 'b'], msn: [null, 'x'] })
  add('empty nested multiple', { mo: typed.mo }, { mo: [{ sku: '', q: null }, null, { sku: 'a', q: '' }] })
  add('free object kept', { data: { label: 'D', type: 'object' } }, { data: { context: { search: '' } } })
  const cond = {
    a: { label: 'A', type: 'string' },
    b: { label: 'B', type: 'string', required: { conditions: [{ fieldKey: 'a', operator: 'is', value: 'yes' }] } },
    c: { label: 'C', type: 'string', required: { conditions: [{ fieldKey: 'a', operator: 'is_not', value: 'yes' }] } },
    d: { label: 'D', type: 'string', required: { match: 'any', conditions: [{ fieldKey: 'a', operator: 'is' }, { fieldKey: 'b', operator: 'is', value: 'z' }] } },
  }
  const condPayloads = [{ a: 'yes' }, { a: 'no' }, {}, { a: 'yes', b: 'z' }, { a: 'yes', b: 'x', c: 'c', d: 'd' }, { b: 'z' }]
  condPayloads.forEach((p, i) => add(`conditional ${i}`, cond, p))
  const condReq = { r: { label: 'R', type: 'string', required: true }, n: { label: 'N', type: 'number' }, ...cond }
  const condReqPayloads = [{ a: 'yes', n: 'x' }, { a: 'no', n: 'x', r: {} }, { n: 'x' }]
  condReqPayloads.forEach((p, i) => add(`conditional required ${i}`, condReq, p))
  const nestedCond = {
    o: { label: 'O', type: 'object', properties: { k: { label: 'K', type: 'string' } } },
    x: { label: 'X', type: 'string', required: { conditions: [{ fieldKey: 'o.k', operator: 'is', value: 'v' }] } },
  }
  ;[{ o: { k: 'v' } }, { o: { k: 'w' } }, {}].forEach((p, i) => add(`conditional nested ${i}`, nestedCond, p))
  randomPayloads(400).forEach(([f, p], i) => add(`random ${i}`, f, p))
  return out
}

// Seeded random field sets and payloads, nesting objects and lists.
function randomPayloads(count) {
  let seed = 777
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648)
  const pick = (xs) => xs[Math.floor(rnd() * xs.length)]
  const scalars = [5, 0, 1, -2.5, true, false, '7', '', ' ', 'abc', 'true', null, '2024-01-01', 'a@b.c', 'http://x.io', 1e21, '0x1f']
  const value = (depth) => {
    const r = rnd()
    if (depth > 0 && r < 0.15) return [value(depth - 1), value(depth - 1)].slice(0, 1 + Math.floor(rnd() * 2))
    if (depth > 0 && r < 0.3) return { k: value(depth - 1), r: value(depth - 1), z: value(depth - 1) }
    return pick(scalars)
  }
  const field = (depth) => {
    const f = { label: pick(['Alpha', 'beta', 'Gamma', '']), type: pick(['string', 'number', 'integer', 'boolean', 'object', 'datetime', 'text']) }
    if (rnd() < 0.3) f.allowNull = true
    if (rnd() < 0.2) f.multiple = true
    if (rnd() < 0.3) f.required = true
    if (f.type === 'string' && rnd() < 0.2) f.choices = ['a', 'b', '7']
    if (f.type === 'string' && rnd() < 0.15) f.format = pick(['email', 'uri', 'date-time'])
    if (f.type === 'object' && depth > 0 && rnd() < 0.6) {
      f.properties = { k: field(depth - 1), r: field(depth - 1) }
      if (rnd() < 0.3) f.additionalProperties = true
    }
    if (!f.label) delete f.label
    return f
  }
  const out = []
  for (let i = 0; i < count; i++) {
    const fields = { one: field(1), two: field(1), three: field(0) }
    out.push([fields, { one: value(2), two: value(2), three: value(1), extra: value(1) }])
  }
  return out
}

function schema() {
  const out = Object.entries(FIELD_SETS).map(([name, fields]) => ({ name, fields }))
  for (const [key, f] of Object.entries(typed)) out.push({ name: `typed ${key}`, fields: { [key]: f } })
  out.push({ name: 'defaults mixed', fields: { a: { label: 'A', type: 'string', default: null }, b: { label: 'B', type: 'string' }, c: { label: 'C', type: 'number', default: 0 }, d: { label: 'D', type: 'boolean', default: false } } })
  out.push({ name: 'empty', fields: {} })
  return out
}

module.exports = { transform, validate, payload, schema, EVENTS, FIELD_SETS }
