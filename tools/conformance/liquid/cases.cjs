// Liquid templates for the conformance recording, grouped by class. Each class produces its cases
// on purpose (every filter x every value type x typical and odd arguments, keyword paths,
// mixed-type conditions, every date directive on several inputs, tags, literals, syntax errors).
'use strict'

// The event every template renders against: one variable per value type.
const EVENT = {
  s: 'Hello World', s_num: '42', s_float: '3.7', s_neg: '-5', s_empty: '', s_space: '  a  b  ', s_html: '<b>x</b> & "y" \'z\' &amp;',
  s_uni: 'héllo wörld ß 😀', s_date: '2024-05-06T07:08:09Z', s_multi: 'line one\nline two\r\nthree', s_url: 'a b&c=d/é?*!\'()~',
  s_b64: 'aGVsbG8gd29ybGQ=', s_words: 'the quick brown fox jumps', s_esc: '&lt;b&gt; &amp; &#39;',
  i: 42, neg: -3, zero: 0, f: 3.7, negf: -2.5, half: 10.5, big: 1e21, small: 1e-7, huge: 12345678901234567890, frac: 0.1,
  t: true, fa: false, nul: null,
  arr: [1, 2, 3], arr_s: ['b', 'a', 'c'], arr_mixed: [1, 'a', null, true, { k: 1 }, [2, 3]], arr_empty: [], one: [7],
  arr_nul: [null, null], arr_nested: [[1, 2], [3]],
  obj: { k: 'v', n: 1 }, obj_empty: {}, obj_fl: { first: 'F', last: 'L', size: 99 },
  items: [{ k: 1, n: 'a' }, { k: 2, n: 'b' }, { k: null, n: 'c' }, { n: 'd' }],
  nested: { list: [{ id: 1 }, { id: 2 }], deep: { er: { est: 'x' } } },
  properties: {
    with: 'W', and: 'A', or: 'O', contains: 'C', in: 'I', as: 'AS', for: 'F', if: 'IF', true: 'T', false: 'FA',
    nil: 'N', null: 'NU', empty: 'E', blank: 'B', not: 'NO', else: 'EL', limit: 10, offset: 2, reversed: 'R', cols: 3,
    first: 'FI', last: 'LA', size: 'SZ', 'dot.key': 'DK', 'sp ace': 'SP', '-dash': 'D', 'x-y': 'XY', 0: 'zero', 1: 'one',
    total: 99.5, name: 'Prop', endif: 'EIF', raw: 'RAW', echo: 'ECHO', assign: 'ASG'
  },
  traits: { name: 'Ann', email: 'ann@example.com', first: 'tf', plan: null, age: 30 },
  with: 'top-with', empty: 'top-empty', blank: 'top-blank', nil: 'top-nil', true: 'top-true', limit: 'top-limit',
  forloop: 'fl', c: 5, counter: 'str'
}

const VALUES = ['s', 's_num', 's_float', 's_neg', 's_empty', 's_space', 's_html', 's_uni', 's_multi', 's_url', 's_esc', 'i', 'neg', 'zero',
  'f', 'negf', 'half', 'big', 'small', 'huge', 't', 'fa', 'nul', 'missing', 'arr', 'arr_s', 'arr_mixed', 'arr_empty', 'arr_nul',
  'obj', 'obj_empty', 'items', '"lit"', '12', '-1.5', 'true', 'nil', 'empty', '(1..3)']

// Filters and argument lists ('' = no arguments).
const NUM_ARGS = ['', '2', '-2', '0', '1.5', '"3"', '"abc"', 'nil', 'i', 's', 'arr', '2, 3']
const STR_ARGS = ['', '"l"', '""', '"o", "0"', '1', 'nil', 'arr', 's_empty', '"l", "L", "x"']
const FILTERS = {
  // math
  abs: ['', '1'], at_least: NUM_ARGS, at_most: NUM_ARGS, ceil: ['', '1'], floor: ['', '1'], round: ['', '1', '2', '-1', '1.5', '"1"', 'nil', '20'],
  plus: NUM_ARGS, minus: NUM_ARGS, times: NUM_ARGS, divided_by: [...NUM_ARGS, '2, true', '0.5'], modulo: NUM_ARGS,
  // strings
  append: STR_ARGS, prepend: STR_ARGS, upcase: ['', '1'], downcase: ['', '1'], capitalize: ['', '1'],
  lstrip: ['', '"Hl "', '" "'], rstrip: ['', '"ld "', '1'], strip: ['', '" a"', '"He"'], strip_newlines: [''], strip_html: [''],
  remove: STR_ARGS, remove_first: STR_ARGS, remove_last: STR_ARGS,
  replace: ['"l", "L"', '"", "-"', '"l"', '"o", 1', 'nil, "x"', '"l", "$&"', '"l", "$1"'],
  replace_first: ['"l", "L"', '"", "-"', '"l"', '"l", "$&"', '"l", "$$"'], replace_last: ['"l", "L"', '"", "-"', '"l"', '"l", "$&"'],
  split: ['" "', '""', '"l"', '1', 'nil', '"zz"'], truncate: ['', '3', '5', '0', '-1', '2, ""', '5, "…"', '1.5', '"4"', '20, "!"', 'nil'],
  truncatewords: ['', '1', '2', '0', '-1', '2, ""', '2, "+"', '1.5', '"2"', '20'], normalize_whitespace: [''],
  number_of_words: ['', '"cjk"', '"auto"'], escape: [''], xml_escape: [''], escape_once: [''], url_encode: [''], url_decode: [''],
  cgi_escape: [''], uri_escape: [''], slugify: ['', '"raw"', '"pretty"', '"ascii"', '"latin"', '"none"', '"default", true', '"nosuch"'],
  base64_encode: [''], base64_decode: [''],
  // arrays
  join: ['', '","', '""', '1', 'nil'], first: [''], last: [''], size: [''], sum: ['', '"k"'], compact: [''],
  push: ['1', '"x"', 'arr'], unshift: ['1', '"x"'], pop: [''], shift: [''], slice: ['1', '1, 2', '-2', '-2, 5', '1.5', '"1"', 'nil', '0, 0', '10'],
  where: ['"k"', '"k", 1', '"n", "b"', '"k", nil'], sample: [],
  // misc
  default: ['"d"', '"d", allow_false: true', 'nil', '0'], json: ['', '2', '"  "'], jsonify: [''], inspect: ['', '1'], to_integer: [''],
  raw: [''],
  // date family (inputs are mostly not dates here; the date class covers formats)
  date: ['"%Y"', ''], date_to_xmlschema: [''], date_to_rfc822: [''], date_to_string: ['', '"ordinal"', '"ordinal", "US"'],
  date_to_long_string: ['', '"ordinal"', '"ordinal", "US"'],
  // filters only other Liquid dialects have: ignored by liquidjs
  squish: [''], escapejs: [''], safe: [''], base64_url_safe_encode: [''], base64_url_safe_decode: [''], nosuchfilter: ['', '1, 2']
}
const DISABLED = ['array_to_sentence_string', 'concat', 'find', 'find_exp', 'find_index', 'find_index_exp', 'group_by', 'group_by_exp', 'has',
  'has_exp', 'map', 'newline_to_br', 'reject', 'reject_exp', 'reverse', 'sort', 'sort_natural', 'uniq', 'where_exp', 'type']

const JSON_VALUES = new Set(['s', 'i', 'f', 'nul', 'arr', 'arr_s', 'arr_mixed', 'arr_empty', 'obj', 'items'])

function out(value, filter, args) {
  return `{{ ${value} | ${filter}${args ? ': ' + args : ''} }}`
}

function filters() {
  const cases = []
  for (const [name, argList] of Object.entries(FILTERS)) {
    for (const value of VALUES) {
      for (const args of argList) {
        cases.push(out(value, name, args))
        if (JSON_VALUES.has(value)) cases.push(`{{ ${value} | ${name}${args ? ': ' + args : ''} | json }}`)
      }
    }
  }
  for (const value of ['nul', 'missing', 'arr_empty', 'one', 's_empty']) {
    cases.push(out(value, 'sample', ''), `{{ ${value} | sample | json }}`)
  }
  return cases
}

function disabled() {
  const cases = []
  for (const name of DISABLED) {
    cases.push(out('arr', name, ''), out('s', name, '"k"'), `x\n  {{ s | upcase | ${name} }}`, `{% assign z = arr | ${name} %}`,
      `{% if true %}\n{{ s | ${name}: 1, 2 }}{% endif %}`, `{{ nope | ${name} }}`)
  }
  return cases
}

function filterArgs() {
  const cases = []
  for (const [f, args] of [['upcase', '1'], ['upcase', '1, 2, 3'], ['append', '"a", "b"'], ['size', '1'], ['first', '"x"'],
    ['slice', '1.5'], ['slice', '1, 1.5'], ['slice', '-1.5'], ['slice', 'true'], ['slice', '"a"'], ['truncate', '"3"'], ['truncate', '3.9'],
    ['truncate', 'nil, nil'], ['truncatewords', '1.9'], ['truncatewords', '"x"'], ['round', '1.7'], ['round', '-1'], ['round', 'true'],
    ['date', '1'], ['date', 'nil'], ['date', 'arr'], ['plus', 'true'], ['plus', 'nil'], ['plus', 'arr'], ['plus', 'obj'], ['plus', '"1e3"'],
    ['plus', '" 5 "'], ['plus', '"0x10"'], ['plus', '""'], ['times', '"2", 3'], ['default', 'arr'], ['default', 'allow_false: true'],
    ['default', '"d", allow_false: false'], ['default', '"d", allow_false'], ['join', 'arr'], ['split', 'arr'], ['replace', 'arr, obj'],
    ['json', '-1'], ['json', '20'], ['json', '"\\t"'], ['json', 'true'], ['at_least', '"x"'], ['modulo', '-2'], ['modulo', '0.3'],
    ['divided_by', '3, true'], ['divided_by', '-3, 1'], ['escape', '1'], ['strip', '""'], ['lstrip', 'nil'], ['where', '']]) {
    for (const value of ['s', 'i', 'f', 'neg', 'half', 'arr', 'nul', '"10.55"', 'items', 't']) cases.push(out(value, f, args))
  }
  // keyword arguments and odd separators
  cases.push('{{ s | append: k: "v" }}', '{{ s | default: "x", a: 1, b }}', '{{ s | slice: 1 , 2 }}', '{{ s|upcase|downcase }}',
    '{{ arr_nested | where: 0 | json }}', '{{ arr_s | where: "length", 1 | json }}',
    '{{ fa | default: "x", nil }}', '{{ fa | default: "x", "str" }}', '{{ fa | default: "x", obj }}', '{{ fa | default: "x", nope }}',
    '{{ "2024-07-01" | date: "%H %Z %z", "europe/london" }}', '{{ "2024-07-01" | date: "%H %Z %z", "Factory" }}',
    '{{ "2024-07-01" | date: "%H %Z %z", "US/Eastern" }}', '{{ "2024-07-01" | date: "%H %Z %z", "Etc/GMT+5" }}',
    '{{ s | slice:1,2 }}', '{{ i | plus: 1 | minus: 2 | times: 3 }}', '{{ s | append: s | append: s | size }}')
  return cases
}

function paths() {
  const cases = []
  const words = ['with', 'and', 'or', 'contains', 'in', 'as', 'for', 'if', 'true', 'false', 'nil', 'null', 'empty', 'blank', 'not', 'else',
    'limit', 'offset', 'reversed', 'cols', 'first', 'last', 'size', 'endif', 'raw', 'echo', 'assign', 'nosuch']
  for (const w of words) {
    cases.push(`{{ properties.${w} }}`, `{{ properties["${w}"] }}`, `{{ ${w} }}`, `{{ properties.${w} | upcase }}`,
      `{% if properties.${w} %}y{% else %}n{% endif %}`, `{% assign x = properties.${w} %}{{ x }}`, `{{ ${w}.x }}`, `{{ ${w} | json }}`)
  }
  for (const v of ['s', 's_empty', 's_uni', 'arr', 'arr_s', 'arr_empty', 'obj', 'obj_empty', 'obj_fl', 'items', 'i', 'f', 't', 'nul', 'missing',
    'properties', 'traits', 'nested.list', '"lit"', '(1..4)']) {
    for (const p of ['first', 'last', 'size', 'length', '[0]', '[-1]', '[1]', '[99]', '["k"]', '.k', '["size"]', '.first.id', '[0].k']) {
      const access = p.startsWith('[') || p.startsWith('.') ? p : '.' + p
      cases.push(`{{ ${v}${access} }}`, `{{ ${v}${access} | json }}`)
    }
  }
  cases.push('{{ properties["dot.key"] }}', '{{ properties["sp ace"] }}', '{{ properties[\'x-y\'] }}', '{{ properties.x-y }}',
    '{{ properties.-dash }}', '{{ properties[0] }}', '{{ properties["0"] }}', '{{ properties.0 }}', '{{ properties[1] }}',
    '{{ nested.deep.er.est }}', '{{ nested["deep"]["er"].est }}', '{{ nested.list[1].id }}', '{{ nested.list[-1].id }}',
    '{{ nested.list[i] }}', '{{ arr[zero] }}', '{{ arr[arr[0]] }}', '{{ properties[traits.name] }}', '{{ obj[obj.k] }}',
    '{{ ["s"] }}', '{{ [s] }}', '{{ ["with"] }}', '{{ arr.1 }}', '{{ arr. }}', '{{ arr.[1] }}', '{{ arr[ 1 ] }}', '{{ arr [1] }}',
    '{{ obj . k }}', '{{ nested.list.first.id }}', '{{ nested.list.last.id }}', '{{ nested.list.size }}', '{{ s.size.size }}',
    '{{ traits.first }}', '{{ traits.last }}', '{{ traits.size }}', '{{ obj_fl.size }}', '{{ s_uni.size }}', '{{ arr.size | plus: 1 }}',
    '{{ s.length }}', '{{ arr.length }}', '{{ s.toUpperCase }}', '{{ obj.constructor }}', '{{ obj.__proto__ }}', '{{ s.constructor }}',
    '{{ obj.hasOwnProperty }}', '{{ arr.map }}', '{{ forloop }}', '{{ c }}', '{{ Hello }}', '{{ _x }}', '{{ x_1 }}', '{{ é }}',
    '{{ s-x }}', '{{ i-1 }}', '{{ 1.size }}', '{{ "abc".size }}', '{{ "abc".first }}', '{{ (1..3).last }}', '{{ true.x }}',
    '{{ nil.size }}', '{{ empty.size }}', '{{ blank }}', '{{ empty }}', '{{ nil }}', '{{ null }}', '{{ true }}', '{{ false }}')
  return cases
}

function values() {
  const cases = []
  for (const v of VALUES) cases.push(`{{ ${v} }}`, `[{{${v}}}]`, `{% echo ${v} %}`)
  for (const lit of ['0', '-0', '1.0', '1.50', '1e2', '1e-7', '0.1', '-1', '+1', '007', '1.', '.5', '1.2.3', '123456789012345678901', '0.000001',
    '1e21', '9007199254740993', '3.14159265358979323846', '-0.0', '1_000', '0x10', '1a', '2abc', '(1..3)', '(3..1)', '(1..1)', '(-2..2)',
    '(1.5..3.5)', '("1".."3")', '(i..45)', '(nul..2)', '(1 .. 3)', '(s..2)', 'empty', 'blank']) {
    cases.push(`{{ ${lit} }}`, `{{ ${lit} | json }}`)
  }
  for (const [a, b] of [['1', '2'], ['0.1', '0.2'], ['i', 'f'], ['big', '1'], ['huge', '1'], ['small', '0'], ['t', '1'], ['fa', '1'],
    ['nul', '1'], ['s', '1'], ['s_num', '1'], ['s_float', '1'], ['arr', '1'], ['obj', '1'], ['"1e3"', '1'], ['" 7 "', '1'], ['one', '1'],
    ['s_empty', '1'], ['-0.0', '0'], ['0', '-0.0'], ['1', '3'], ['2', '3'], ['10', '3'], ['-7', '2'], ['7', '-2'], ['5.5', '2'], ['1', '0'],
    ['-1', '0'], ['0', '0'], ['1e308', '10'], ['9007199254740992', '1'], ['0.3', '0.1']]) {
    for (const op of ['plus', 'minus', 'times', 'divided_by', 'modulo']) cases.push(`{{ ${a} | ${op}: ${b} }}`)
  }
  return cases
}

function conditions() {
  const cases = []
  const operands = ['1', '0', '-1', '1.5', '"1"', '"a"', '"b"', '"A"', '""', '" "', 'true', 'false', 'nil', 'empty', 'blank', 'missing', 's',
    's_num', 'i', 'arr', 'arr_empty', 'obj', 'obj_empty', 'nul', '(1..3)', 's_empty']
  const ops = ['==', '!=', '<>', '<', '>', '<=', '>=', 'contains']
  for (const a of operands) {
    for (const b of operands) {
      for (const op of ops) cases.push(`{% if ${a} ${op} ${b} %}T{% else %}F{% endif %}`)
    }
  }
  for (const v of operands) {
    cases.push(`{% if ${v} %}T{% else %}F{% endif %}`, `{% unless ${v} %}T{% else %}F{% endunless %}`, `{{ ${v} == ${v} }}`,
      `{% if not ${v} %}T{% else %}F{% endif %}`)
  }
  for (const e of ['true and false or true', 'false or true and false', 'true or false and false', 'false and true or true',
    'nul or t', 'fa or nul', 't and s', 'arr contains 2', 'arr contains "2"', 'arr_s contains "a"', 's contains "World"', 's contains "w"',
    's contains 1', 'i contains 4', 't contains "t"', 'obj contains "k"', 'items contains obj', 'arr_mixed contains nil',
    'arr_mixed contains true', 's_num contains 4', 'not true', 'not false and false', 'i > 40 and i < 50', '1 == 1 == 1', 'i == 42.0',
    '"42" == i', 's_num == 42', 'arr == arr', 'arr == (1..3)', 'obj == obj', 'obj_empty == empty', 'arr_empty == empty', 's_empty == blank',
    's_space == blank', 'nul == blank', 'fa == blank', 'missing == nil', 'nul == nil', 'missing == empty', '0 == empty', 'empty == empty',
    'blank == blank', 'nil == nil', 'nil == missing', 'nil < 1', 'nil >= nil', '"" >= 0', '"" < 1', '"10" < "9"', '10 < "9"', 's < "Z"',
    'arr > 1', 't > fa', 'obj > 1', 'items.size > 3', 's.size == 11', 'i | plus: 1 == 43', 'i | plus: 1', 's | upcase contains "HELLO"',
    '(1..3) contains 2', '1 contains 1', 'nul contains nil', '1 ==', '== 1', 'i = 42', 'i === 42', 'i > > 1', '(i == 42)', 'i == 42 and',
    'and', 'i !== 42', 'i =< 42', 'i => 42', 'i <> 42', 'contains', 'a b c']) {
    cases.push(`{% if ${e} %}T{% else %}F{% endif %}`, `{{ ${e} }}`)
  }
  return cases
}

const DATE_INPUTS = ['"2024-05-06T07:08:09Z"', '"2024-05-06T07:08:09.123Z"', '"2024-05-06T07:08:09+02:00"', '"2024-05-06T23:30:00-05:00"',
  '"2024-05-06"', '"2024-05-06T07:08:09"', '"2024-05-06 07:08:09"', '"Mon, 06 May 2024 07:08:09 GMT"', '"May 6, 2024"', '"2024/05/06"',
  '"05/06/2024"', '1715000000', '"1715000000"', '1715000000.789', '-86400', '0', '"0"', 'nil', 'missing', '"not a date"', '""', 'true',
  'arr', 'obj', '"2023-12-31T23:59:59.999Z"', '"2024-01-01T00:00:00Z"', '"2021-01-03T12:00:00Z"', '"2024-02-29T12:00:00Z"',
  '"2024-12-30T00:00:00Z"', '"1999-07-04T13:05:06Z"', '"0099-01-01T00:00:00Z"', '"2024-05-06T00:00:00+14:00"', '"2024-05-06T12:00"',
  '"2024-13-45"', '"12345"', '"Tue May 07 2024"', 's_date', 'i', 'f', '"2024"', '"2024-05"', '"20240506"', '"2024-05-06T07:08:09.5Z"',
  '"  2024-05-06  "', '"2024-05-06t07:08:09z"', '"6 May 2024 10:00 UTC"', '"2024-05-06T07:08Z"', '"+002024-05-06T00:00:00Z"']
const DIRECTIVES = 'aAbBcCdDeFgGhHIjklLmMnNpPqrRsStTuUvVwWxXyYzZ%'.split('').concat(['E', 'O', 'f', 'i', 'J', 'K', 'Q', 'o'])
const FLAGGED = ['%-d', '%-m', '%_d', '%_m', '%0e', '%^a', '%^B', '%#b', '%#p', '%10N', '%3N', '%6N', '%:z', '%-H', '%5Y', '%-5Y', '%03d',
  '%Ey', '%OH', '%^#a', '%-_d', '%2S', '%^c', '%_Z', '%-j', '%_j', '%E', '%', '%%%', '100%', '%1', '%-', '%:', '%::z', '%10a', '%-I', '%-l']

function dates() {
  const cases = []
  for (const input of DATE_INPUTS) {
    for (const d of DIRECTIVES) cases.push(`{{ ${input} | date: "%${d}" }}`)
    for (const f of FLAGGED.slice(0, 12)) cases.push(`{{ ${input} | date: "${f}" }}`)
    cases.push(`{{ ${input} | date }}`, `{{ ${input} | date: "%Y-%m-%d %H:%M:%S %z" }}`, `{{ ${input} | date: nil }}`,
      `{{ ${input} | date: "" }}`, `{{ ${input} | date_to_xmlschema }}`, `{{ ${input} | date_to_rfc822 }}`, `{{ ${input} | date_to_string }}`,
      `{{ ${input} | date_to_long_string: "ordinal", "US" }}`, `{{ ${input} | date: "%s", "+0100" }}`, `{{ ${input} | date | json }}`)
    for (const zone of ['"America/New_York"', '"UTC"', '"Europe/Paris"', '"Asia/Kolkata"', '"nowhere"', '""', '"utc"', '-60', '330', 'nil', '"+01:00"']) {
      cases.push(`{{ ${input} | date: "%Y-%m-%d %H:%M:%S %z %:z %Z", ${zone} }}`)
    }
  }
  for (const f of FLAGGED) {
    for (const input of ['"2024-05-06T07:08:09.123Z"', '"2024-01-09T17:04:05Z"', '1715000000']) cases.push(`{{ ${input} | date: "${f}" }}`)
  }
  for (const day of ['01', '02', '03', '04', '11', '12', '13', '21', '22', '23', '31']) {
    cases.push(`{{ "2024-01-${day}T00:00:00Z" | date: "%q %e %j %U %W %u %w %a" }}`)
  }
  for (const h of ['00', '01', '11', '12', '13', '23']) cases.push(`{{ "2024-05-06T${h}:00:00Z" | date: "%I %l %p %P %k %H" }}`)
  return cases
}

function tags() {
  return [
    '{% if i > 1 %}a{% elsif i > 0 %}b{% else %}c{% endif %}', '{% if nul %}a{% elsif fa %}b{% elsif s %}c{% endif %}',
    '{% if t %}a{% else %}b{% else %}c{% endif %}', '{% if t %}a{% else %}b{% elsif t %}c{% endif %}', '{% if t %}a{% endif x %}',
    '{% if t %}a{% else x %}b{% endif %}', '{% if t %}a', '{% if t %}{% if fa %}x{% else %}y{% endif %}{% endif %}', '{% endif %}',
    '{% unless t %}a{% elsif t %}b{% else %}c{% endunless %}', '{% unless fa %}a{% else %}b{% else %}c{% endunless %}',
    '{% unless fa %}a{% else %}b{% elsif t %}c{% endunless %}', '{% unless t %}a', '{% unless s_empty %}e{% endunless %}',
    '{% assign x = 1 %}{{ x }}', '{% assign x = "a" | append: "b" %}{{ x }}', '{% assign x=i|plus:1 %}{{x}}', '{% assign s = "shadow" %}{{ s }}',
    '{% assign x %}', '{% assign = 1 %}', '{% assign x 1 %}', '{% assign x = %}', '{% assign x = arr %}{{ x | join: "-" }}',
    '{% assign properties.x = 1 %}{{ properties.x }}', '{% assign x-y = 1 %}{{ x-y }}', '{% assign x = i > 1 %}{{ x }}',
    '{% assign x = 1 %}{% assign x = x | plus: 1 %}{{ x }}', '{% capture x %}a{{ i }}b{% endcapture %}{{ x }}{{ x | size }}',
    '{% capture "q" %}v{% endcapture %}{{ q }}', '{% capture %}v{% endcapture %}', '{% capture x %}v', '{% capture x %}{% if t %}y{% endif %}{% endcapture %}[{{ x }}]',
    '{% raw %}{{ s }}{% if %}{% endraw %}', '{% raw %}a{% endraw %}{% raw %}b{% endraw %}', '{% raw %}x', '{%raw%}{{x}}{%endraw%}',
    '{%- raw -%} a {%- endraw -%}', '{% raw %}{% endraw{% endraw %}', '{% comment %}{{ s }}{% if %}{% endcomment %}ok', '{% comment %}x',
    '{% comment %}{% comment %}a{% endcomment %}b{% endcomment %}c', '{% # note %}x', '{%# note %}x', '{% # a\n# b %}x', '{% # a\nb %}x',
    '{% increment n %}{% increment n %}{{ n }}', '{% decrement n %}{% decrement n %}{{ n }}', '{% increment i %}{{ i }}',
    '{% increment c %}{% increment c %}{{ c }}', '{% assign n = 5 %}{% increment n %}{{ n }}', '{% increment counter %}', '{% decrement %}',
    '{% increment n %}{% decrement n %}{% increment n %}', '{% cycle "a", "b" %}{% cycle "a", "b" %}{% cycle "a", "b" %}',
    '{% cycle "a", "b" %}{% cycle "c", "d" %}{% cycle "e", "f", "g" %}', '{% cycle "g": "a", "b" %}{% cycle "g": "a", "b" %}{% cycle "h": "a", "b" %}',
    '{% cycle i, s %}{% cycle i, s %}', '{% cycle %}', '{% cycle "a" "b" %}{% cycle "a" "b" %}', '{% cycle g: 1, 2 %}{% cycle g: 1, 2 %}',
    '{% echo s | upcase %}', '{% echo %}', '{% echo i | plus: 1 %}{% echo "x" %}', '{% liquid\nassign x = 1\necho x\nif x == 1\necho "one"\nendif\n%}',
    '{% liquid echo s %}', '{% liquid\n  # comment\n  echo "a"\n%}', '{% liquid\ncapture x\necho "c"\nendcapture\necho x | upcase\n%}',
    '{% liquid\nif t\necho "a"\n%}', '{% liquid\nfor i in arr\necho i\nendfor\n%}', '{% liquid %}', '{% liquid\nnosuch\n%}',
    '{% block b %}x{{ s }}{% endblock %}', '{% block %}y{% endblock %}', '{% block b %}x', '{% break %}a', '{% continue %}a',
    '{% if t %}a{% break %}b{% endif %}c', 'a{% break %}b', '{% nosuch %}', '{% endraw %}', '{% endcapture %}', '{% else %}', '{% elsif t %}',
    '{% when 1 %}', '{% endfor %}', '{% for i in arr %}{{ i }}{% endfor %}', '{% case i %}{% when 42 %}x{% endcase %}', '{% include "x" %}',
    '{% layout "x" %}', '{% render "x" %}', '{% tablerow i in arr %}{% endtablerow %}', 'a\n  {% for x %}', '{% if t %}\n{% for i in arr %}{% endfor %}{% endif %}',
    '{%- if t -%}  a  {%- endif -%}', '  {{- s -}}  ', ' \n {{- s }} \n ', '{{ s -}}\n\n x', '{%- assign x = 1 -%}\n{{ x }}',
    'a  {%- comment -%} c {%- endcomment -%}  b', '{{- "-" -}}', '{{-s-}}', '{%-if t-%}x{%-endif-%}', '{{ -1 }}', '{{ - 1 }}',
    '{%if t%}x{%endif%}', '{% if t %}{% endif %}',
    '{% assign a = "xxxxxxxxxx" %}' + '{% assign a = a | append: a %}'.repeat(24) + '{{ a | size }}',
    '{% assign a = "xxxxxxxxxx" %}' + '{% assign a = a | append: a %}'.repeat(10) + '{{ a | size }}',
    '{% capture a %}xxxxxxxxxx{% endcapture %}' + '{% assign a = a | replace: "x", "xxxxxxxxxx" %}'.repeat(5) + '{{ a | size }}',
    '{% assign a = "x y z" | split: " " %}' + '{% assign a = a | join: "  " | split: "" %}'.repeat(6) + '{{ a | size }}',
    '{{ (1..1000) | size }}', '{{ (1..1000) | join: "," | size }}', '{% assign r = (1..5) %}{{ r | json }}', '{% IF t %}x{% ENDIF %}', '{% if\nt\n%}x{% endif\n%}', '{% if t %}x{% endif %}{% endif %}'
  ]
}

function literals() {
  return ['{{ "a\\u00e9" }}', '{{ "\\u00e9" | size }}', '{{ "a\\nb" }}', '{{ "a\\tb" | json }}', '{{ "\\x41" }}', '{{ "\\101" }}',
    '{{ "\\0" | json }}', '{{ "\\q" }}', '{{ "a\\"b" }}', "{{ 'a\\'b' }}", '{{ "a\\\\b" }}', "{{ 'a\"b' }}", '{{ "a\'b" }}', '{{ "\\u{1F600}" }}',
    '{{ "\\uD83D\\uDE00" }}', '{{ "\\u12" }}', '{{ "\\u12345" }}', '{{ "\\b\\f\\v\\r" | json }}', '{{ "\\8\\9" }}', '{{ "\\777" | json }}',
    '{{ "\\" }}', '{{ "abc }}', "{{ 'abc }}", '{{ "a}}b" }}', '{{ "{{" }}', '{{ "%}" }}', '{% assign x = "%}" %}{{ x }}', '{{ "é" }}',
    '{{ \'a\' | }}', '{{ \'x\' "y" }}', '{{ s s }}', '{{ s | upcase upcase }}', '{{ s | upcase: }}', '{{ s | upcase:, }}', '{{ s | : }}',
    '{{ s || upcase }}', '{{ s | 1 }}', '{{ s | "x" }}', '{{ s | append: "a" "b" }}', '{{ s | append "a" }}', '{{ | upcase }}', '{{ }}', '{{}}',
    '{{ ! }}', '{{ @ }}', '{{ s ! }}', '{{ # }}', '{{ s, i }}', '{{ (s) }}', '{{ (1..) }}', '{{ (1...3) }}', '{{ (1..3 }}', '{{ [ }}',
    '{{ arr[ }}', '{{ arr[0 }}', '{{ s.[ }}', '{{ "a" "b" | upcase }}', '{{ 1 2 }}', '{{ 1 + 2 }}', '{{ i - 1 }}', '{{ i * 2 }}',
    '{{ s\n}}', '{{\ns\n|\nupcase\n}}', '{{ x', 'a\nb {{ x', 'a\r\nb\n  {% if x', '{% if', '{%', '{{', '}}', '%}', '{ {s}}', '{{ s }',
    '{{ s } }}', '{% if t %}x{% endif', 'é {{ x', '😀 {{ x', '😀\n😀 {% nosuch %}', '{{ "😀" | size }}', '{{ "😀" | slice: 0 }}',
    '{{ "😀a" | first }}', '{{ "😀" | upcase }}', '{{ s_uni | upcase }}', '{{ "ß" | upcase }}', '{{ "İ" | downcase }}', '{{ "ǅ" | capitalize }}',
    '{{ s | nosuch: "a" | upcase }}', '{{ "x" | nosuch }}', '{{ "long text long text long text long text" | nosuchfilter | 1 }}',
    '{{ "abcdefghijklmnopqrstuvwxyz0123456789ABCDEF" |  }} {{ x', '{% "abcdefghijklmnopqrstuvwxyz0123456789ABCDEF" %}', '{% if x %',
    '{% 1 %}', '{% - %}', '{% %}', '{%%}', '{%- -%}', '{{- -}}', 'plain text', '', ' ', '\n', '{{ s }}'.repeat(3), 'x'.repeat(1000),
    'x'.repeat(1001), '{{ s }}'.repeat(200)]
}

// Random templates from a fixed seed: combinations no hand-written list thinks of.
function fuzz(start = 20240506, count = 3000) {
  let seed = start
  const rnd = (n) => { // mulberry32
    seed = (seed + 0x6d2b79f5) | 0
    let r = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r
    return ((r ^ (r >>> 14)) >>> 0) % n
  }
  const pick = (list) => list[rnd(list.length)]
  const paths = ['s', 'i', 'f', 'neg', 'zero', 't', 'fa', 'nul', 'missing', 'arr', 'arr_s', 'obj', 'items', 'properties.limit',
    'properties.total', 'traits.name', 'traits.first', 'nested.list[1].id', 'arr[0]', 'arr.last', 'obj["k"]', 's_num', 's_html',
    's_uni', 'items.size', 'properties["sp ace"]', 'arr[-1]', 's.size', 'one', 'empty', 'blank', 'nil', 'true', '"txt"', "'q'", '3',
    '-2.5', '(1..3)', 'x', 'y']
  const filters = ['upcase', 'downcase', 'capitalize', 'size', 'first', 'last', 'join: "-"', 'split: ","', 'plus: 1', 'minus: i',
    'times: 2', 'divided_by: 3', 'modulo: 2', 'round: 1', 'abs', 'ceil', 'floor', 'append: s', 'prepend: "<"', 'default: "d"',
    'json', 'escape', 'strip_html', 'truncate: 4', 'truncatewords: 1', 'replace: "l", "L"', 'remove: "a"', 'slice: 1, 2',
    'date: "%Y-%m-%d"', 'url_encode', 'base64_encode', 'compact', 'push: 9', 'sum', 'where: "k"', 'at_least: 5', 'at_most: 1',
    'strip', 'lstrip', 'rstrip', 'slugify', 'to_integer', 'nosuch', 'sort', 'map: "k"', 'newline_to_br']
  const ops = ['==', '!=', '<', '>', '<=', '>=', 'contains', 'and', 'or']
  const expr = () => {
    let e = pick(paths)
    if (rnd(4) === 0) e += ` ${pick(ops)} ${pick(paths)}`
    if (rnd(8) === 0) e = `not ${e}`
    for (let k = rnd(3); k > 0; k--) e += ` | ${pick(filters)}`
    return e
  }
  const dash = () => (rnd(5) === 0 ? '-' : '')
  const out = () => `{{${dash()} ${expr()} ${dash()}}}`
  const text = () => pick(['a', ' ', '\n', ' x ', '', '-', '|'])
  const block = (depth) => {
    let body = ''
    for (let k = rnd(3) + 1; k > 0; k--) body += piece(depth + 1)
    return body
  }
  const piece = (depth) => {
    const kind = depth > 2 ? rnd(3) : rnd(14)
    switch (kind) {
      case 0: case 1: return out()
      case 2: return text()
      case 3: return `{%${dash()} if ${expr()} ${dash()}%}${block(depth)}${rnd(2) ? `{% elsif ${expr()} %}${block(depth)}` : ''}${rnd(2) ? `{% else %}${block(depth)}` : ''}{%${dash()} endif ${dash()}%}`
      case 4: return `{% unless ${expr()} %}${block(depth)}{% endunless %}`
      case 5: return `{% assign ${pick(['x', 'y', 's', 'i'])} = ${expr()} %}`
      case 6: return `{% capture ${pick(['x', 'y'])} %}${block(depth)}{% endcapture %}`
      case 7: return `{% echo ${expr()} %}`
      case 8: return `{% ${pick(['increment', 'decrement'])} ${pick(['x', 'n', 'i', 'c'])} %}`
      case 9: return `{% cycle ${pick(['', '"g": '])}${pick(paths)}, ${pick(paths)} %}`
      case 10: return `{% raw %}${out()}{% endraw %}`
      case 11: return `{% comment %}${out()}{% endcomment %}`
      case 12: return `{% liquid\n${pick(['assign', 'echo'])} ${pick(['x = ', ''])}${expr()}\necho x\n%}`
      default: {
        const broken = [`{{ ${expr()}`, `{% if ${expr()} %}`, `{{ ${expr()} | }}`, `{{ ${pick(paths)} ${pick(paths)} }}`, `{% ${pick(['for', 'case', 'render'])} x %}`,
          `{{ ${pick(paths)} | ${pick(filters)}: }}`, `{%- ${pick(['endif', 'else', 'nosuch'])} -%}`, `{{ ${pick(paths)}[ }}`]
        return pick(broken)
      }
    }
  }
  const cases = []
  for (let n = 0; n < count; n++) {
    let t = ''
    for (let k = rnd(4) + 1; k > 0; k--) t += piece(0)
    cases.push(t)
  }
  return cases
}

// Random strings of Liquid's significant pieces (delimiters, quotes, brackets, words, astral
// characters): tokenizer and error corners, with the messages' excerpts and positions.
function charFuzz(start = 99, count = 2000) {
  let seed = start
  const rnd = (n) => { // mulberry32
    seed = (seed + 0x6d2b79f5) | 0
    let r = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r
    return ((r ^ (r >>> 14)) >>> 0) % n
  }
  const alpha = ['{{', '}}', '{%', '%}', '{', '}', '%', '-', '|', ':', ',', '.', '..', '[', ']', '(', ')', '"', "'", '\\', ' ', '\n', 's',
    'i', 'arr', 'obj', '=', '==', '<', '>', '!', '#', 'if', 'endif', 'else', 'assign', 'x', 'raw', 'endraw', 'comment', 'endcomment',
    'liquid', 'echo', 'capture', 'endcapture', 'upcase', 'plus', '1', '2.5', 'nil', 'empty', 'and', 'or', 'contains', 'not', 'cycle',
    'unless', 'elsif', 'increment', '😀', 'é', 'for', 'in', 'size', 'first']
  const cases = []
  for (let n = 0; n < count; n++) {
    let t = ''
    for (let k = rnd(25) + 1; k > 0; k--) t += alpha[rnd(alpha.length)]
    cases.push(t)
  }
  return cases
}

// Random filter chains (1-3 filters, 0-3 arguments each, keyword arguments now and then) over
// every value type: arguments of every type in every position.
function chainFuzz(start = 5, count = 3000) {
  let seed = start
  const rnd = (n) => { // mulberry32
    seed = (seed + 0x6d2b79f5) | 0
    let r = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r
    return ((r ^ (r >>> 14)) >>> 0) % n
  }
  const pick = (l) => l[rnd(l.length)]
  const names = Object.keys(FILTERS).filter((n) => n !== 'sample')
  const vals = [...VALUES, 's_date', 's_b64', 's_words', 'frac', 'one', 'arr_nested', 'obj_fl', 'nested', 'properties', '"a,b,,c"', '"%41"',
    '"2024-02-29T23:59:59.999-01:30"', '"1e3"', '0.5', '-4']
  const cases = []
  for (let n = 0; n < count; n++) {
    let t = '{{ ' + pick(vals)
    for (let k = rnd(3) + 1; k > 0; k--) {
      t += ' | ' + pick(names)
      const args = []
      for (let a = rnd(4); a > 0; a--) args.push(rnd(6) === 0 ? `${pick(['k', 'allow_false', 'x'])}: ${pick(vals)}` : pick(vals))
      if (args.length) t += ': ' + args.join(', ')
    }
    cases.push(t + ' }}')
  }
  return cases
}

// Random date strings from date-like pieces (numbers of every length, separators, month and day
// names, zones, offsets, comments): V8's date reading, ISO and legacy, valid and not.
function dateFuzz(start = 1, count = 3000) {
  let seed = start
  const rnd = (n) => { // mulberry32
    seed = (seed + 0x6d2b79f5) | 0
    let r = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r
    return ((r ^ (r >>> 14)) >>> 0) % n
  }
  const parts = ['2024', '1999', '0', '00', '05', '5', '12', '13', '31', '32', '59', '60', '24', '123', '1234', '12345', '999999', '+002024',
    '-000001', '-', '/', ':', '.', ' ', ',', 'T', 't', 'Z', 'z', '+', '+01:00', '-0500', '+0530', 'May', 'march', 'Sept', 'December', 'Mon',
    'Tuesday', 'am', 'PM', 'GMT', 'UTC', 'UT', 'EST', 'pdt', '(', ')', '(comment)', 'x', 'noon', 'é', '\u00a0', '  ', 'T07:08',
    'T23:59:59.999', '.5', '.123456']
  const seen = new Set()
  const cases = []
  while (cases.length < count) {
    let text = ''
    for (let k = rnd(8) + 1; k > 0; k--) text += parts[rnd(parts.length)]
    if (seen.has(text)) continue
    seen.add(text)
    cases.push(`{{ "${text}" | date: "%Y-%m-%d %H:%M:%S.%L %z" }}`)
  }
  return cases
}

// Random conditions: chains of operators (and ones liquidjs does not know) over operands of every
// type, in if/elsif/else and in outputs.
function conditionFuzz(start = 7, count = 2000) {
  let seed = start
  const rnd = (n) => { // mulberry32
    seed = (seed + 0x6d2b79f5) | 0
    let r = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r
    return ((r ^ (r >>> 14)) >>> 0) % n
  }
  const pick = (l) => l[rnd(l.length)]
  const operands = ['1', '0', '-1', '1.5', '"1"', '"a"', '"b"', '"A"', '""', '" "', 'true', 'false', 'nil', 'null', 'empty', 'blank', 'missing',
    's', 's_num', 'i', 'f', 'arr', 'arr_s', 'arr_empty', 'obj', 'obj_empty', 'nul', '(1..3)', 's_empty', 's_uni', 'items', 'huge', 'small',
    'properties.limit', 'traits.plan', '"10"', '"9"', '"-1"', 'arr[0]', 'one', 'zero', 't', 'fa', '"😀"', '"\uffff"']
  const ops = ['==', '!=', '<>', '<', '>', '<=', '>=', 'contains', 'and', 'or', 'not', '=', '!', '=<']
  const cases = []
  for (let n = 0; n < count; n++) {
    let e = pick(operands)
    for (let k = rnd(4); k > 0; k--) e += ` ${pick(ops)} ${pick(operands)}`
    if (rnd(5) === 0) e = 'not ' + e
    cases.push(rnd(3) ? `{% if ${e} %}T{% elsif ${pick(operands)} %}E{% else %}F{% endif %}` : `{{ ${e} }}`)
  }
  return cases
}

// Hand-picked corners found while probing (string/array/number edges, syntax corners).
function probes() {
  return [
    "{{ arr_s | where: \"size\" | json }}",
    "{{ items | where: \"k\", 1 | json }}",
    "{{ items | where: \"k\", nil | size }}",
    "{{ items | sum: \"k\" }}",
    "{{ arr_mixed | sum }}",
    "{{ s | slice: \"-1\" }}",
    "{{ arr | slice: -1, \"2\" | json }}",
    "{{ \"abc\" | truncate: \"2\", 1 }}",
    "{{ nil | json }}",
    "{{ empty | json }}",
    "{{ blank | to_integer }}",
    "{{ (1..3) | json: 20 }}",
    "{{ obj | json: -1 }}",
    "{{ i | json: \"abcdefghijklmn\" }}",
    "{{ arr | json: \"ab\" }}",
    "{{ arr_empty | json: 2 }}",
    "{{ obj_empty | json: 2 }}",
    "{{ 0.1 | plus: 0.2 }}",
    "{{ 5 | divided_by: 0 }}",
    "{{ -5 | divided_by: 0 }}",
    "{{ 0 | divided_by: 0 }}",
    "{{ 1.005 | round: 2 }}",
    "{{ -2.5 | round }}",
    "{{ 2.5 | round }}",
    "{{ 1e300 | times: 1e300 | round }}",
    "{{ \"  a  b  \" | truncatewords: 1 }}",
    "{{ \"a b\" | truncatewords: 2 }}",
    "{{ \"a b c\" | truncatewords: 2, nil }}",
    "{{ s | truncate: 5, nil }}",
    "{{ \"&amp;lt;\" | escape_once }}",
    "{{ \"%E4%BD%A0\" | url_decode }}",
    "{{ \"%\" | url_decode }}",
    "{{ \"%C3\" | url_decode }}",
    "{{ \"%41%\" | url_decode }}",
    "{{ \"a+b%2B\" | url_decode }}",
    "{{ \"Ünïcödé Straße!\" | slugify: \"latin\" }}",
    "{{ \"Hello, World\" | slugify: \"pretty\" }}",
    "{{ \"a_b-c\" | slugify: \"ascii\", true }}",
    "{{ \"---a---\" | slugify }}",
    "{{ \"日本語 テキスト\" | number_of_words: \"cjk\" }}",
    "{{ \"日本語 text here\" | number_of_words: \"auto\" }}",
    "{{ \"aGVsbG8\" | base64_decode }}",
    "{{ \"aGVsbG8=x\" | base64_decode }}",
    "{{ \"_-8=\" | base64_decode | size }}",
    "{{ \"/w==\" | base64_decode | size }}",
    "{{ s_uni | base64_encode | base64_decode }}",
    "{% if a %}{% elsif %}{% endif %}",
    "{% unless %}x{% endunless %}",
    "{% assign %}",
    "{% capture x y %}a{% endcapture %}{{ x }}",
    "{% capture \"a b\" %}v{% endcapture %}{{ [\"a b\"] }}",
    "{% cycle \"a\", %}{% cycle \"a\", %}",
    "{% cycle , \"a\" %}",
    "{% cycle \"x\": %}",
    "{% increment x-y %}{{ x-y }}",
    "{% increment \"q\" %}",
    "{% echo s | %}",
    "{% echo | upcase %}",
    "{% liquid\n\n\n echo 1\n\n %}",
    "{% liquid echo 1\necho 2 %}",
    "{% liquid\nif true\necho 1\nelse\necho 2\nendif %}",
    "{% liquid\nraw\nx\nendraw %}",
    "{% liquid\ncomment\nx\nendcomment\necho 3 %}",
    "{% liquid\n-echo 1- %}",
    "{% liquid\n{{ x }} %}",
    "{% liquid\n# c\n  # d\necho 4 %}",
    "{% raw %}{% raw %}{% endraw %}",
    "{% raw %} {%endraw%}",
    "{% raw %}{%- endraw -%} x",
    "{%- raw %} {% endraw -%} x",
    "a {%- raw -%} b {%- endraw -%} c",
    "{% comment %}{% raw %}{% endcomment %}{% endraw %}",
    "{% comment %}{% endraw %}{% endcomment %}ok",
    "{% block %}{{ block }}{% endblock %}",
    "{% block a b %}{% endblock %}",
    "{% break %}{% continue %}x",
    "{% capture c %}a{% break %}b{% endcapture %}[{{ c }}]",
    "{% if true %}{% break %}{% endif %}after",
    "{% unless false %}{% continue %}{% endunless %}after",
    "{{ s | append: \"}}\" }}",
    "{{ \"}}\" }}{{ s",
    "{% assign x = \"%}\" %}",
    "{{- \"a\" -}}  {{- \"b\" -}}",
    "x {%- if true -%} \n y \n {%- endif -%} z",
    "\n\n{{- s }}",
    "{{ s -}}\n\n",
    "{%- liquid echo 1 -%}  ",
    "{{ s }}\r\n{{- s }}",
    "a {{- s }}",
    "a　{{- s }}",
    "a﻿{{- s }}",
    "{{ s[0] }}",
    "{{ s[1.0] }}",
    "{{ arr[1.5] }}",
    "{{ arr[\"1\"] }}",
    "{{ arr[\"01\"] }}",
    "{{ arr[-0] }}",
    "{{ arr[\"-1\"] }}",
    "{{ arr[-4] }}",
    "{{ arr[true] }}",
    "{{ arr[nil] }}",
    "{{ obj[nil] }}",
    "{{ arr[(1..2)] }}",
    "{{ s[-1] }}",
    "{{ s_uni[14] }}",
    "{{ s_uni | slice: -1 }}",
    "{{ s_uni | slice: -2, 2 }}",
    "{{ s_uni | last }}",
    "{{ s_uni | truncate: 15 }}",
    "{{ s_uni | truncate: 16, \"\" }}",
    "{{ s_uni | capitalize }}",
    "{{ \"😀abc\" | capitalize }}",
    "{{ s_uni | split: \"\" | size }}",
    "{{ s_uni | replace: \"\", \"-\" }}",
    "{{ s_uni | url_encode }}",
    "{{ s_uni | strip: \"h😀\" }}",
    "{{ \"😀x😀\" | strip: \"😀\" }}",
    "{{ \"a😀\" < \"a\" }}",
    "{{ \"ÿ\" | upcase }}",
    "{{ \"ΣΑΣ\" | downcase }}",
    "{{ \"ﬁ\" | upcase }}",
    "{{ \"İ\" | downcase | size }}",
    "{{ \"ß\" | capitalize }}",
    "{{ \"ǆ\" | capitalize }}",
    "{{ size }}",
    "{{ first }}",
    "{{ length }}",
    "{{ constructor }}",
    "{{ toString }}",
    "{{ __proto__ }}",
    "{{ obj.toString }}",
    "{{ arr.length | plus: 1 }}",
    "{% if s | sort %}x{% endif %}",
    "{% if true %}\n  {% if s | sort %}x{% endif %}{% endif %}",
    "{% liquid\nif true\n  echo s | sort\nendif %}",
    "{% liquid\nassign x = s | map: 1\n%}",
    "{% capture c %}\n{{ s | uniq }}{% endcapture %}",
    "{% unless s | reverse %}{% endunless %}",
    "{% cycle s | sort %}",
    "{% echo s | sort %}",
    "{% assign x = s | append %}",
    "{{ s | prepend: 1, 2 }}",
    "{% if s | append %}{% endif %}",
    "{{ \"%ZZ\" | url_decode }}",
    "ab\n  {{ \"%\" | url_decode }}",
    "{{ 1 | date: \"%s\", \"Mars/Olympus\" }}",
    "{{ \"2024-07-01\" | date: \"%H %Z %z\", 90.5 }}",
    "{{ \"2024-07-01\" | date: \"%H %Z %z\", \"90\" }}",
    "{{ \"2024-07-01\" | date: \"%H %Z %z\", true }}",
    "{{ 1.5e3 }}",
    "{{ -.5 }}",
    "{{ +.5 }}",
    "{{ - 1 | plus: 1 }}",
    "{{ 1 | divided_by: 3 }}",
    "{{ 123456789 | times: 10000000000000 }}",
    "{{ 1 | divided_by: 30000000 }}",
    "{{ 5e-324 }}",
    "{{ 9007199254740993 | plus: 0 }}",
    "{{ 100 | modulo: 7.5 }}",
    "{{ -100 | modulo: 7 }}",
    "{{ 1234.5678 | round: -2 }}",
    "{{ \"0x1A\" | plus: 0 }}",
    "{{ \"0b101\" | plus: 0 }}",
    "{{ \"Infinity\" | plus: 0 }}",
    "{{ \"12px\" | plus: 0 }}",
    "{{ \".5\" | plus: 0 }}",
    "{{ \"5.\" | plus: 0 }}",
    "{{ s | split: \",\" , \"x\" }}",
    "{{ s | slice: 1, }}",
    "{{ s | slice: , 1 }}",
    "{{ s | slice: 1,, 2 }}",
    "{{ s | append: s: s }}",
    "{{ s | default: k: }}",
    "{{ s | default: : }}",
    "{{ s |\n upcase }}",
    "{{ s\t|\tupcase }}",
    "{{ s | upcase | }}",
    "{{ s | upcase || downcase }}",
    "{{ s |upcase: 1 2 }}",
    "{{ (1..3) | join: (1..2) }}",
    "{{ (1 ..3) }}",
    "{{ ( 1..3 ) }}",
    "{{ (1..3)[0] }}",
    "{{ (1..3).size }}",
    "{{ \"abc\"[1] }}",
    "{{ 1.5.size }}",
    "{{ nil[0] }}",
    "{{ [0] }}",
    "{{ [\"s\"].size }}",
    "{{ [arr][0] }}",
    "{{ obj[\"k\"][\"0\"] }}",
    "{{ properties.true.x }}",
    "{% if properties.contains contains \"C\" %}y{% endif %}",
    "{% if 1 == 1 == 2 %}y{% else %}n{% endif %}",
    "{% if not not true %}y{% else %}n{% endif %}",
    "{% if not %}y{% else %}n{% endif %}",
    "{% if == %}y{% else %}n{% endif %}",
    "{% if 1 contains %}y{% else %}n{% endif %}",
    "{% if (1..3) == (1..3) %}y{% else %}n{% endif %}",
    "{% if items[0] == items[0] %}y{% else %}n{% endif %}",
    "{% if \"\\u00a0\" == blank %}y{% else %}n{% endif %}",
    "{% if \"\\ufeff\" == blank %}y{% else %}n{% endif %}",
    "{% if obj_empty == blank %}y{% else %}n{% endif %}",
    "{% if 0 == blank %}y{% else %}n{% endif %}",
    '{{ 123456 | round: -4 }}', '{{ 123456 | round: -5 }}', '{{ 3.7 | round: 42 }}', '{{ 0 | round: 400 }}', '{{ "-" | round: 1000 }}',
    '{{ 1.5 | round: 1.5 }}', '{{ obj | json: 0.5 }}', '{{ arr | json: 1e-7 }}', '{{ obj | json: "" }}', '{{ items | inspect: 0.1 }}',
    '{{ s_uni | base64_decode }}', '{{ "ի" | base64_decode }}', '{{ s_uni | last | base64_encode }}', '{{ 1 | date: "%s", "é/x" }}',
    '{{ "2024-05-06" | date: "%s", 1e21 }}', '{{ "2024-05-06" | date: "%s", -1e9 }}'
  ]
}

module.exports = { EVENT, classes: { filters, disabled, filter_args: filterArgs, paths, values, conditions, dates, tags, literals, fuzz, char_fuzz: charFuzz, chain_fuzz: chainFuzz, date_fuzz: dateFuzz, condition_fuzz: conditionFuzz, probes } }
