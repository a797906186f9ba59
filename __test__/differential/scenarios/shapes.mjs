// Every attribute shape, as [label, attributes, records]: used by the type scenarios and by the
// cross-library read test.
export const groups = [
  ['scalars', { s: 'string', n: 'number', i: 'number|integer', b: 'boolean', e: 'email|optional', u: 'url|optional', any: 'any|optional' },
    [{ id: 'r1', s: 'hello world', n: 3.25, i: -7, b: true, e: 'a@b.co', u: 'https://example.com/x?y=1', any: { x: [1, 'two'] } },
      { id: 'r2', s: 'ünïcødé ✓ "quotes" | pipes', n: 0, i: 1234567890, b: false, any: 'text' }]],
  ['numbers', { big: 'number', neg: 'number', frac: 'number', tiny: 'number|optional', money: 'money|optional', crypto: 'crypto|optional' },
    [{ id: 'r1', big: 9007199254740991, neg: -0.5, frac: 1 / 3, tiny: 1e-7, money: 19.99, crypto: 0.00012345 },
      { id: 'r2', big: 1e21, neg: -123456789, frac: 2.5e-3 }]],
  ['arrays', { tags: 'array|items:string', nums: 'array|items:number|optional', mixed: 'array|optional' },
    [{ id: 'r1', tags: ['a', 'b|c', 'd,e', ''], nums: [1, 2.5, -3], mixed: [1, 'x', { y: true }] },
      { id: 'r2', tags: [], nums: [] }]],
  ['nested', { title: 'string', meta: { a: 'string|optional', b: 'number|optional', deep: { c: 'boolean|optional' } } },
    [{ id: 'r1', title: 'full', meta: { a: 'x', b: 2, deep: { c: true } } }, { id: 'r2', title: 'partial', meta: { b: 5 } }]],
  ['optional-object', { title: 'string', address: { $$type: 'object|optional', street: 'string|optional', city: 'string|optional' } },
    [{ id: 'r1', title: 'with', address: { street: 'Main', city: 'Porto' } }, { id: 'r2', title: 'without' }]],
  ['typed-object', { title: 'string', settings: { $$type: 'object', theme: 'string', size: 'number|optional' } },
    [{ id: 'r1', title: 'a', settings: { theme: 'dark', size: 3 } }, { id: 'r2', title: 'b', settings: { theme: 'light' } }]],
  ['array-of-objects', { title: 'string', items: { type: 'array', items: { type: 'object', props: { sku: 'string', qty: 'number' } } } },
    [{ id: 'r1', title: 'cart', items: [{ sku: 'A1', qty: 2 }, { sku: 'B2', qty: 1 }] }, { id: 'r2', title: 'empty', items: [] }]],
  ['json', { title: 'string', data: 'json', extra: 'json|optional' },
    [{ id: 'r1', title: 'obj', data: { nested: { list: [1, 2, { x: null }] } }, extra: [1, 2] }, { id: 'r2', title: 'str', data: 'just text' }]],
  ['embedding', { title: 'string', vec: 'embedding:4' },
    [{ id: 'r1', title: 'v', vec: [0.1, -0.25, 0.5, 1] }, { id: 'r2', title: 'w', vec: [0, 0, 0, 0] }]],
  ['ip', { v4: 'ip4', v6: 'ip6|optional' },
    [{ id: 'r1', v4: '10.10.1.1', v6: '2001:db8::1' }, { id: 'r2', v4: '255.255.255.0', v6: '::1' }]],
  ['decimal', { price: 'decimal', rate: 'decimal:4|optional' },
    [{ id: 'r1', price: 12.34, rate: 0.1234 }, { id: 'r2', price: 0 }]],
  ['dates', { day: 'string', at: 'string', when: 'date|optional' },
    [{ id: 'r1', day: '2024-01-15', at: '2024-01-15T10:20:30.000Z', when: '2023-06-01T00:00:00.000Z' }, { id: 'r2', day: '1999-12-31', at: '2000-01-01T00:00:00Z' }]],
  ['geo', { lat: 'geo:lat', lon: 'geo:lon' },
    [{ id: 'r1', lat: 38.7223, lon: -9.1393 }, { id: 'r2', lat: -90, lon: 180 }]],
  ['buffer-bits', { raw: 'buffer', flags: 'bits:16|optional' },
    [{ id: 'r1', raw: Buffer.from([0, 1, 2, 250, 255]), flags: Buffer.from([0b10100000, 0b00000001]) }, { id: 'r2', raw: Buffer.from('hi') }]],
  ['limits', { code: 'string|min:2|max:5', qty: 'number|min:0|max:10', pos: 'number|positive|optional' },
    [{ id: 'r1', code: 'abc', qty: 10, pos: 1 }, { id: 'r2', code: 'zz', qty: 0 }]],
]

// Resource options that change where fields are stored, for the cross-library read test.
export const layouts = [
  ['nested-timestamps', { attributes: { text: 'string', meta: { a: 'string|optional', b: 'number|optional' } }, timestamps: true },
    [{ id: 'r1', text: 'x', meta: { a: 'y', b: 1 } }, { id: 'r2', text: 'only text' }]],
  ['partitioned', { attributes: { name: 'string', region: 'string', profile: { city: 'string|optional' } }, partitions: { byRegion: { fields: { region: 'string' } }, byCity: { fields: { 'profile.city': 'string' } } } },
    [{ id: 'r1', name: 'Ana', region: 'eu', profile: { city: 'Porto' } }, { id: 'r2', name: 'Bo', region: 'us', profile: { city: 'NYC' } }]],
  // r3: lone surrogates (a string sliced through an emoji), in metadata and in the body.
  ['body-overflow', { behavior: 'body-overflow', attributes: { title: 'string', note: 'string|optional' } },
    [{ id: 'r1', title: 'small', note: 'fits' }, { id: 'r2', title: 'large', note: 'x'.repeat(2600) }, { id: 'r3', title: 'x\ud800y', note: 'y'.repeat(2600) + '\ud83d' }]],
  ['body-only', { behavior: 'body-only', attributes: { title: 'string', tags: 'array|items:string' } },
    [{ id: 'r1', title: 'a', tags: ['x', 'y'] }, { id: 'r2', title: 'b', tags: [] }]],
  // One record: s3db.js 19.5.10 spends about a second of key derivation per secret value.
  ['secret', { attributes: { label: 'string', token: 'secret', pin: 'secret|optional' } },
    [{ id: 'r1', label: 'one', token: 'ünï s3cr3t', pin: '1234' }]]
]
