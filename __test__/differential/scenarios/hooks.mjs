// Hooks (from the definition and addHook), middlewares, per-id events, and what each receives.
import { RESOURCE_EVENTS, scenario } from '../harness/trace.mjs'

export default [
  scenario('hooks/resource-hooks', { fixedIds: ['h1', 'h2'] }, async (t) => {
    const db = await t.connect()
    const seen = (name) => async (data) => { t.log(name, data); return data }
    const res = await db.createResource({
      name: 'hooked',
      attributes: { name: 'string', tag: 'string|optional' },
      hooks: {
        beforeInsert: [async (data) => { t.log('beforeInsert', data); return { ...data, tag: 'from-hook' } }],
        afterInsert: [seen('afterInsert')],
        beforeUpdate: [seen('beforeUpdate')],
        afterUpdate: [seen('afterUpdate')],
        beforeDelete: [seen('beforeDelete')],
        afterDelete: [seen('afterDelete')]
      }
    })
    res.addHook('afterGet', seen('afterGet'))
    t.listen('hooked', res, [...RESOURCE_EVENTS, 'inserted:h1', 'updated:h1', 'deleted:h1'])
    await t.step('insert', () => res.insert({ id: 'h1', name: 'One' }))
    await t.step('get', () => res.get('h1'))
    await t.step('update', () => res.update('h1', { name: 'Uno' }))
    await t.step('delete', () => res.delete('h1'))
    await t.step('insert.h2', () => res.insert({ id: 'h2', name: 'Two' }))
    await t.step('deleteMany', () => res.deleteMany(['h2']))
  }),

  scenario('hooks/hook-errors', { fixedIds: ['h1'] }, async (t) => {
    const db = await t.connect()
    const res = await db.createResource({
      name: 'strict',
      attributes: { name: 'string' },
      hooks: { beforeInsert: [async () => { throw new Error('refused by hook') }] }
    })
    await t.step('insert.refused', () => res.insert({ id: 'h1', name: 'One' }))
    await t.step('exists', () => res.exists('h1'))
  }),

  scenario('hooks/middlewares', { fixedIds: ['m1'] }, async (t) => {
    const db = await t.connect()
    const res = await db.createResource({ name: 'mw', attributes: { name: 'string' } })
    res.useMiddleware('insert', async (ctx, next) => { t.log('order', 'first:before'); const out = await next(); t.log('order', 'first:after'); return out })
    res.useMiddleware('insert', async (ctx, next) => { t.log('order', 'second:before'); t.log('args', ctx.args); return next() })
    res.useMiddleware('get', async (ctx, next) => { const out = await next(); return { ...out, decorated: true } })
    await t.step('insert', () => res.insert({ id: 'm1', name: 'Mid' }))
    await t.step('get', () => res.get('m1'))
  }),

  scenario('hooks/database-hooks', async (t) => {
    const db = await t.connect()
    for (const event of ['beforeCreateResource', 'afterCreateResource', 'beforeUploadMetadata', 'afterUploadMetadata']) {
      try {
        db.addHook(event, async (ctx) => { t.log(event, ctx && typeof ctx === 'object' ? Object.keys(ctx).sort() : ctx) })
        t.log('registered', event)
      } catch (err) {
        t.log('registered', `${event}: ${err.name}`)
      }
    }
    await t.step('createResource', async () => (await db.createResource({ name: 'hk', attributes: { a: 'string' } })).name)
    await t.step('uploadMetadataFile', () => db.uploadMetadataFile())
  })
]
