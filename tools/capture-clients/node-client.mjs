// Sends one call of each kind through @segment/analytics-node to HOST, then flushes and exits.
// Usage: node node-client.mjs HOST WRITE_KEY   (exit 1 if the client reports a delivery error)
import { Analytics } from '@segment/analytics-node'

const [host, writeKey] = process.argv.slice(2)
const analytics = new Analytics({ writeKey, host, path: '/v1/batch', maxRetries: 0 })
let failed = false
analytics.on('error', (err) => {
  failed = true
  console.error(String(err && err.reason ? err.reason : err))
})
const userId = 'node-user-1'
analytics.identify({ userId, traits: { email: 'node@example.com' } })
analytics.track({ userId, event: 'Report Exported', properties: { format: 'csv' } })
analytics.page({ userId, name: 'Pricing', properties: { path: '/pricing' } })
analytics.screen({ userId, name: 'Dashboard' })
analytics.group({ userId, groupId: 'org-node', traits: { name: 'Acme' } })
analytics.alias({ userId, previousId: 'anon-node' })
await analytics.closeAndFlush({ timeout: 10000 })
process.exit(failed ? 1 : 0)
