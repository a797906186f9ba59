// Binary content attached to a record: setContent, content, hasContent, deleteContent.
import { RESOURCE_EVENTS, scenario } from '../harness/trace.mjs'

export default [
  scenario('content/binary', { fixedIds: ['c1'] }, async (t) => {
    const db = await t.connect()
    const res = await db.createResource({ name: 'files', attributes: { name: 'string' } })
    await res.insert({ id: 'c1', name: 'doc' })
    t.listen('files', res, RESOURCE_EVENTS)
    await t.step('hasContent.before', () => res.hasContent('c1'))
    await t.step('setContent', () => res.setContent({ id: 'c1', buffer: Buffer.from('%PDF-1.4 binary \u0000\u00ff'), contentType: 'application/pdf' }))
    await t.step('hasContent.after', () => res.hasContent('c1'))
    await t.step('content', () => res.content('c1'))
    await t.step('get.afterContent', () => res.get('c1'))
    await t.step('update.keepsContent', () => res.update('c1', { name: 'doc2' }))
    await t.step('content.afterUpdate', () => res.content('c1'))
    await t.snapshot('withContent', db)
    await t.step('deleteContent', () => res.deleteContent('c1'))
    await t.step('hasContent.afterDelete', () => res.hasContent('c1'))
    await t.step('get.afterDeleteContent', () => res.get('c1'))
    await t.step('setContent.missing', () => res.setContent({ id: 'nobody', buffer: Buffer.from('x') }))
    await t.step('setContent.string', () => res.setContent({ id: 'c1', buffer: 'plain text', contentType: 'text/plain' }))
    await t.step('content.string', () => res.content('c1'))
    await t.snapshot('end', db)
  })
]
