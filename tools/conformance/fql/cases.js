// Trigger texts and events for the conformance recorder: hand-picked quirks and a seeded
// generator of fuzz-ish combinations (fields, operators, values, parentheses, junk, quoting).
'use strict'

const handPicked = [
  // connectives and grouping
  'type = "track" and event = "A" and event = "B" or type = "page"',
  'or type = "track"', 'type = "track" or', 'and', 'or', 'and and', 'type = "track" and and event = "A"',
  'type = "track" AND event = "A"', 'type = "track" Or event = "A"', 'type = "track" and(event = "A")',
  '(type = "track") or (type = "page")', '(type = "track" or type = "page") (event = "A")',
  '(type = "track" or type = "page") or event = "A" and userId != null',
  '((type = "track"))', '(type = "track"', 'type = "track")', ')type = "track"', '()', '() or ()',
  '(type = "track") and ()', '() and type = "track"', 'type = "track" or ()', '(or)', '(and type = "track")',
  '(event = "y" or contains(event, "x"))', '(contains(event, "x") or event = "y")',
  '(contains(event, "x"))', '(!contains(event, "x") and type = "track")', '(type = "track" and !(event = "A"))',
  // negation
  '!type = "track"', '!contains(event, "A")', '! contains(event, "A")', '!match(event, "A*")',
  '!!contains(event, "A")', '!(contains(event, "A"))', '!', 'type = "track" !', '!=', 'type != "track"',
  'type !="track"', 'type!="track"', 'type != null', 'type = null', 'event = null', 'event != "null"',
  // fields
  'TYPE = "track"', 'Type = "track"', 'type.x = "track"', 'anonymousId = "a"', 'messageId != null',
  'userId = "u1"', 'userId = false', 'userId != false', 'userId = 1.50', 'name = 10', 'name = false',
  'name != true', 'event = true', 'event = 10.0', 'type = -0', 'type = 1e21', 'type = 00012',
  'properties != null', 'properties = null', 'traits != null', 'context != null',
  'context.traits.email = "a@b.c"', 'traits.email = "a@b.c"', 'properties.constructor != null',
  'constructor = "x"', 'constructor = "x" and type = "track"', 'toString', '__proto__ = 1 type = "track"',
  'properties.__proto__ != null', 'properties.toString != null', 'properties.tags.length = 2',
  'properties.tags.0 = "a"', 'properties.tags\\[0\\] = "a"', 'properties.items\\[0\\].name = "x"',
  'properties.name.length > 2', 'properties.name.0 = "N"', 'properties.a\\.b = "x"',
  'properties.first-name = "x"', 'properties.product\\ 1.price = 5', 'properties.\\$price = 5',
  'properties.$price = 5', 'properties.items.0.name = "x"', 'properties.and = "x"', 'properties.or = 1',
  'properties.null = 1', 'properties.nul = 1', 'properties.an', 'properties.a', 'properties.o',
  'properties.\\.\\. = 1', 'properties.\\[ != null', 'properties\\. != null', 'propertiesX = 1',
  'contains(propertiesX, "a")', 'contains(properties, "a")', 'contains(traits.email, "@")',
  'contains(context.page.url, "checkout")', 'contains(type, "tr")', 'contains(anonymousId, "a")',
  'contains(event "a")', 'contains(event, "a", "b")', 'contains(event,"a")', 'contains (event, "a")',
  'contains', 'contains()', 'contains(', 'contains(event', 'contains(event,', 'match', 'match()',
  'match(event, "A")', 'match(event, "*")', 'match(event, "")', 'match(event, "**")',
  "match(event, 'A*')", 'match(event, A*)', 'match(event, 5)', 'match(event, true)',
  'match(properties.price, "1*")', 'match(event, "*Added")', 'match(userId, "*@acme.com")',
  'exists(properties.x)', 'not_exists(properties.x)',
  // values and lexing
  'properties.price = 10.5', 'properties.price = -5', 'properties.price = +5', 'properties.price = -',
  'properties.price > -', 'properties.price != -', 'properties.price = 010', 'properties.price = 1.',
  'properties.price = 1.2.3', 'properties.price > 10.', 'properties.price = -.5', 'properties.price > .5',
  'properties.price = 1e5', 'properties.price = 10abc', 'properties.price >= 100', 'properties.price >=10',
  'properties.price <=10', 'properties.price<10', 'properties.price=10', 'properties.price !=10',
  'properties.price == 10', 'properties.price => 10', 'properties.price =< 10', 'properties.price <> 10',
  'properties.price < "10"', 'properties.price < " 5 "', 'properties.price < ""', 'properties.price > "0x10"',
  'properties.price > "1e3"', 'properties.price > "abc"', 'properties.price > true', 'properties.price > null',
  'properties.price < Infinity', 'properties.price < "Infinity"', 'properties.price = "10"',
  'properties.premium = true', 'properties.premium = TRUE', 'properties.premium = "true"',
  'properties.premium != true', 'properties.premium != false', 'properties.premium = false',
  'properties.plan = free', 'properties.plan = "free"', "properties.plan = 'free'", 'properties.plan = ""',
  'properties.plan = "free" "pro"', 'properties.plan "free"', 'type "track"', 'type', 'type =', 'type = ',
  'type = "track', "type = 'track", 'type = "tr\\"ack"', 'type = "a"and event = "b"', 'type = "a""b"',
  "type = \"it's\"", "type = 'say \"hi\"'", 'type = "track"\r\nand event = "A"', 'type = "track"\nand event = "A"',
  'type = "track"\tand\tevent = "A"', 'type = "tráck"', 'type = "track" and event = "Café"',
  'properties.café = 1', 'properties.caf\\é = 1', 'type = "track" # comment', 'type = "track" * 2',
  'type = "track" @', 'type = "track" $', 'type = "track" {', 'type = "track" , event = "A"',
  'type = "track" ] event = "A"', 'type = "track" [ event = "A"', 'type = "track" . event = "A"',
  'type = "track" 5 event = "A"', 'type = "track" "x" event = "A"', 'type = "track" null event = "A"',
  'type = "track" not event = "A"', 'type = "track" exists', 'properties.x\\', '\\', 'a\\ b = 1',
  '_foo = "x"', 'properties._foo = "x"', 'properties.-x = 1', 'properties.x- = 1', 'event = foo-bar',
  'event = "A" or event = "B" or event = "C" or event = "D" or event = "E" or event = "F"',
  'properties.x != null and properties.x != ""',
  'properties.tags\\[01\\] = "b"', 'properties.tags\\[1\\] = "b"', 'properties.tags\\[2\\] != null',
  'properties.name\\[0\\] = "N"', 'properties.name.length = 8', 'properties.a\\[b\\] = "x"',
  'properties.tags.length > 1', 'properties.price = 1.0000000000000002', 'properties.price < 1e21',
  'properties.price = 99.999', 'properties.total >= 99.5', 'userId = 1.5', 'type = 00', 'type = -0.0', 'properties.total > 100 and properties.total < 200',
  'type = "track" and (event = "Order Completed" or properties.total > 100) and contains(context.page.url, "checkout")'
]

function eventPool() {
  const order = {
    type: 'track', event: 'Order Completed', userId: 'u1', anonymousId: 'a1', messageId: 'm1',
    properties: {
      total: 120, price: 11, plan: 'free', tags: ['a', 'b'], premium: true, count: 1, name: 'Nike Air',
      a: { b: 'x' }, 'first-name': 'x', 'product 1': { price: 5 }, 'a.b': 'x', items: [{ name: 'x' }],
      $price: 5, 'tags[0]': 'z', _foo: 'x', x: ''
    },
    context: {
      page: { url: 'https://shop.example/checkout' }, traits: { email: 'a@b.c' },
      library: { name: 'analytics.js' }, ip: '1.1.1.1'
    },
    traits: { email: 'a@b.c' }
  }
  const values = [
    order,
    { type: 'track', event: 'Product Added', properties: { price: '11', total: 99.5, plan: 'Free', premium: 'true' } },
    { type: 'track', event: 'A', properties: { price: 10, total: 100, a: 0, premium: false, x: 0 } },
    { type: 'track', event: 'B', properties: { price: 10.0, a: false, plan: 'free ', name: '' }, userId: null },
    { type: 'Track', event: 'x', userId: 123, properties: { price: -5, a: '' } },
    { type: 'page', name: 'Home', properties: { url: 'https://shop.example/' }, userId: '' },
    { type: 'page', name: 'Checkout', event: 'null', context: { page: { url: 'https://shop.example/checkout?x=1' } } },
    { type: 'identify', userId: 'bob@acme.com', traits: { email: 'bob@acme.com', plan: 'pro', premium: true } },
    { type: 'group', groupId: 'g1', traits: { name: 'Acme' }, userId: true },
    { type: 'screen', name: 'Café', event: 'Café', properties: { café: 1, 'caf\u00e9': 2 } },
    { type: 'eos', event: 'eos', name: 'eos', userId: 'eos' },
    { type: "'track'", event: 'tr\\', properties: { plan: "'free'", price: 0.5 } },
    { type: 'track', event: 'Order Completed', properties: null, context: null, traits: null },
    { type: 'track', event: 'Order Completed', properties: { total: 1000, price: 1, name: 'Product 1' }, userId: false },
    { type: 'track', properties: { tags: [], items: [], total: 100000, price: 100, premium: null } },
    { type: 'null', event: 'true', name: 'true', userId: 'true', properties: { price: 1e21, plan: 'null' } },
    { type: '-0', event: '10', name: '10', userId: '1.5', properties: { price: 10, premium: 'TRUE' } },
    { properties: { price: 5, constructor: 'x', toString: 'y' }, traits: { email: '' } },
    { type: 'track', properties: 0, traits: '', context: false },
    { type: 'track', properties: '', traits: 0, context: 0 },
    { type: 'track', properties: false, context: '' },
    {}, [], 'track', 5, true, null, ''
  ].map((value) => ({ value }))
  values.push({ undefined: true })
  return values
}

// mulberry32: a tiny seeded PRNG so the generated cases are reproducible.
function rng(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const FIELDS = [
  'type', 'type', 'event', 'event', 'name', 'userId', 'properties.price', 'properties.total',
  'properties.plan', 'properties.premium', 'properties.a.b', 'properties.tags', 'properties.name',
  'traits.email', 'traits.plan', 'context.page.url', 'context.traits.email', 'context.library.name',
  'properties.first-name', 'properties.product\\ 1.price', 'properties', 'TYPE', 'anonymousId',
  'properties.count', 'properties.x', 'properties.items.0.name', 'Properties.plan', 'properties.a\\.b'
]
const OPERATORS = ['=', '=', '=', '!=', '!=', '<', '<=', '>', '>=', '==', '>=', '<', 'contains']
const VALUES = [
  '"track"', '"page"', '"identify"', '"Order Completed"', '"A"', '"free"', '"Free"', '"free "',
  "'track'", "'free'", '10', '11', '100', '10.0', '-5', '0', '"10"', '"11"', 'true', 'false',
  'null', 'TRUE', 'foo', '""', '1e5', '"a@b.c"', '"analytics.js"', '"https://shop.example/checkout"',
  '"Home"', '"u1"', '"eos"', '"null"', '"true"', '5', '0.5', '"Nike Air"', '"x"', '"Café"'
]
const FUNCTION_VALUES = [
  '"A"', '"Order"', '"Order*"', '"*Completed"', '"*"', '""', '"**"', '"*Air*"', "'Nike*'",
  '"checkout"', '"@"', '5', '"x"', '"Nike"', '"nike"', '"e"'
]
const FUNCTION_FIELDS = [
  'event', 'name', 'userId', 'properties.name', 'properties.plan', 'context.page.url',
  'traits.email', 'type', 'properties.tags', 'properties.price', 'anonymousId'
]
const JUNK = [',', ']', '[', '!', 'not', 'AND', 'OR', '"junk"', '42', 'null', '.', ')', '*', '\r', 'exists', '(']
const CONNECTIVES = ['and', 'and', 'or', 'or', '', 'AND', 'or(', 'and(']

function generateTriggers(count, seed) {
  const random = rng(seed)
  const pick = (list) => list[Math.floor(random() * list.length)]
  const spacing = () => (random() < 0.9 ? ' ' : random() < 0.5 ? '' : '  ')

  const condition = () => {
    const r = random()
    if (r < 0.2) {
      const name = random() < 0.6 ? 'contains' : 'match'
      const bang = random() < 0.2 ? '!' : ''
      const comma = random() < 0.95 ? ', ' : ' '
      return `${bang}${name}(${pick(FUNCTION_FIELDS)}${comma}${pick(FUNCTION_VALUES)})`
    }
    return `${pick(FIELDS)}${spacing()}${pick(OPERATORS)}${spacing()}${pick(VALUES)}`
  }
  const flat = (n) => {
    const parts = [condition()]
    for (let i = 1; i < n; i++) {
      const c = pick(CONNECTIVES)
      parts.push(c.endsWith('(') ? `${c}${condition()})` : c, condition())
    }
    return parts.filter(Boolean).join(' ')
  }
  const triggers = new Set()
  while (triggers.size < count) {
    const shape = random()
    let text
    if (shape < 0.3) text = flat(1 + Math.floor(random() * 2))
    else if (shape < 0.55) text = flat(2 + Math.floor(random() * 3))
    else if (shape < 0.8) {
      const inner = `(${flat(1 + Math.floor(random() * 3))})`
      text = random() < 0.5 ? `${flat(1)} ${pick(CONNECTIVES)} ${inner}` : `${inner} ${pick(CONNECTIVES)} ${flat(1)}`
    } else {
      const words = flat(1 + Math.floor(random() * 3)).split(' ')
      const at = Math.floor(random() * (words.length + 1))
      words.splice(at, 0, pick(JUNK))
      text = words.join(' ')
    }
    if (random() < 0.05) text = text.replace(/"/g, "'")
    if (random() < 0.03) text = `(${text}`
    triggers.add(text)
  }
  return [...triggers]
}

const EVENT_VALUES = {
  type: ['track', 'track', 'track', 'page', 'identify', 'Track', 'track ', "'track'", null, 5],
  event: ['Order Completed', 'A', 'B', 'order completed', 'Order Completed ', null, 10, 'eos', 'null',
    'Orders', 'Nike Air', 'x', 'Product Added', 'Café'],
  name: ['Home', 'A', null, '', 'Checkout', 'true'],
  userId: ['u1', 123, '123', true, false, null, '', 'bob@acme.com', 'eos'],
  scalar: [-5, 0, 0.5, 1, 5, 10, 10.0, 11, 99.999, 100, 100.5, 1e5, 1e21, '10', '11', 'free', 'Free',
    'free ', '', 'true', 'TRUE', 'abc', 'Nike Air', 'x', 'checkout', 'a@b.c', "'free'", true, false, null],
  nested: [['a', 'b'], [], { b: 'x' }, { b: 0 }, { b: false }, { price: 5 }, [{ name: 'x' }], {}],
  url: ['https://shop.example/checkout', 'https://shop.example/Checkout', 'https://shop.example/', '', null, 5]
}
const PROPERTY_KEYS = ['price', 'total', 'plan', 'premium', 'a', 'tags', 'name', 'count', 'x', 'first-name',
  'product 1', 'items', 'a.b', 'email', 'Plan', 'properties']

function randomEvents(count, seed) {
  const random = rng(seed)
  const pick = (list) => list[Math.floor(random() * list.length)]
  const maybe = (p) => random() < p
  const bag = () => {
    const object = {}
    for (const key of PROPERTY_KEYS) {
      if (maybe(0.35)) object[key] = maybe(0.8) ? pick(EVENT_VALUES.scalar) : pick(EVENT_VALUES.nested)
    }
    return object
  }
  const events = []
  for (let i = 0; i < count; i++) {
    const event = {}
    for (const key of ['type', 'event', 'name', 'userId']) {
      if (maybe(key === 'type' ? 0.9 : 0.5)) event[key] = pick(EVENT_VALUES[key])
    }
    if (maybe(0.8)) event.properties = maybe(0.92) ? bag() : pick([null, 'x', [], 0, '', false])
    if (maybe(0.4)) event.traits = maybe(0.9) ? bag() : pick([null, 0, ''])
    if (maybe(0.6)) {
      event.context = maybe(0.9)
        ? { page: { url: pick(EVENT_VALUES.url) }, traits: bag(), library: { name: 'analytics.js' } }
        : pick([null, {}, '', 0])
    }
    events.push({ value: event })
  }
  return events
}

module.exports = { handPicked, eventPool, generateTriggers, randomEvents }
