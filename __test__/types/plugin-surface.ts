// Compile-time check of the plugin surface: what an s3db.js 19.x plugin or app uses of a Database.
import s3db = require('../../index.js')
import type { LogLevel, Logger, PluginConfig, HookHandler, WrapperFunction, GlobalCoordinatorService, LeaderChangeEvent, S3dbErrorDetails } from '../../index.js'

async function pluginSurface (): Promise<void> {
  const level: LogLevel = 'debug'
  const db = new s3db.Database({ connectionString: 'memory://b/app', logLevel: level, loggerOptions: { childLevels: { S3Client: 'warn' } } })
  const logger: Logger = db.getChildLogger('Plugin:audit', { plugin: 'audit' })
  logger.debug({ id: 1 }, 'hello')
  db.setChildLevel('S3Client', 'error')
  const coordinator: GlobalCoordinatorService = await db.getGlobalCoordinator('default', { autoStart: true, config: { heartbeatInterval: 1000 } })
  coordinator.on('leader:changed', (event: LeaderChangeEvent) => { void event.newLeader })
  const leader: string | null = await coordinator.getLeader()
  void leader
  await db.cronManager.scheduleInterval(1000, () => {}, 'job')
  const stats = db.client.getQueueStats()
  void stats
  const config: PluginConfig = { logLevel: 'silent', namespace: 'a' }
  const hook: HookHandler = async (data: unknown) => data
  const wrap: WrapperFunction = (result) => result
  const details: S3dbErrorDetails = { bucket: 'b', key: 'k' }
  void [config, hook, wrap, details]
  const users = await db.createResource({ name: 'users', attributes: { name: 'string' } })
  const names: string[] = Object.keys(users.schema.attributes)
  void names
}
void pluginSurface
