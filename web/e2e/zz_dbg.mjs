import { launchBrowser, login, startServer, watchPage } from './harness.mjs'
const server = await startServer()
const browser = await launchBrowser()
try {
  const page = await browser.newPage()
  const watch = watchPage(page)
  await login(page, server.url, 'admin', server.accounts.admin.password)
  await page.goto(`${server.url}/#/scores?year=2016&size=20`)
  const cell = page.locator('.score-table .cell[data-field=team] input').first()
  await cell.waitFor()
  await cell.fill('12.5')
  await page.locator('[data-test=nav-menu] [data-menu=dashboard]').click()
  await page.waitForTimeout(1500)
  console.log('boxes', await page.locator('.el-message-box').count(), await page.locator('.el-message-box').evaluateAll(b => b.map(x => x.outerHTML.slice(0, 300))))
  console.log(page.url())
  // in-app navigation timing
  await page.locator('.el-message-box .el-button--primary').first().click()
  await page.waitForURL(/dashboard/)
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
  for (let i = 0; i < 3; i++) {
    if (i === 2) await cdp.send('Profiler.start')
    const ms = await page.evaluate(async () => {
      const t0 = performance.now()
      location.hash = '#/scores?year=2016&size=200'
      await new Promise((resolve) => { const check = () => document.querySelectorAll('.score-table tbody tr[data-code]').length >= 200 ? resolve() : requestAnimationFrame(check); check() })
      const api = performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/v1/scores')).pop()
      return [performance.now() - t0, api.startTime - t0, api.responseEnd - t0, api.duration]
    })
    console.log('in-app', ms)
    if (i === 2) {
      const { profile } = await cdp.send('Profiler.stop')
      const self = new Map()
      const dt = profile.timeDeltas; const byId = new Map(profile.nodes.map(n => [n.id, n]))
      const counts = new Map()
      for (const id of profile.samples) counts.set(id, (counts.get(id) || 0) + 1)
      for (const [id, c] of counts) { const n = byId.get(id); const k = n.callFrame.functionName + ' ' + n.callFrame.url.split('/').pop() + ':' + n.callFrame.lineNumber; self.set(k, (self.get(k) || 0) + c) }
      console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, c]) => (c * 0.2).toFixed(1) + 'ms ' + k).join('\n'))
    }
    await page.evaluate(() => { location.hash = '#/dashboard' })
    await page.waitForTimeout(500)
  }
  console.log(watch.problems())
} finally { await browser.close(); await server.stop() }
