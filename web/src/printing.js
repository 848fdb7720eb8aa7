// Printing (issue 10). Every printed sheet carries the issuing office and the print date at the
// top and "第 n 页 / 共 N 页" at the bottom: src/styles/print.css draws them in @page margin
// boxes (Chromium 131 and later print those, page counters included) from custom properties
// that this module keeps on <html>, in the user's language. A browser without margin boxes
// prints the office and date once, above the content (AppLayout.vue's .print-heading).
//
// Before printing (window.print(), Ctrl+P, or a PDF export: all fire `beforeprint`) the content
// is laid out at the paper's width (html.print-layout in print.css) and every Element Plus table
// recomputes its column widths for it; a table whose columns still need more room than the
// sheet has is scaled down to fit. Charts follow by themselves (EChart.vue resizes on
// `beforeprint`). `afterprint` puts the screen layout back.
import { watch } from 'vue'
import i18n from '@/i18n'
import { formatTime } from '@/format'

// The issuing office printed on every page. The server has no setting for it yet: change it here.
export const ISSUING_OFFICE = '中共漠河县委组织部'

// Today in the county (UTC+8), "2016-12-31".
export function countyToday() {
  return formatTime(new Date().toISOString()).slice(0, 10)
}

// A CSS string literal of `text`.
function cssString(text) {
  return `"${String(text).replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, ' ')}"`
}

function updateHeading() {
  const { t } = i18n.global
  const style = document.documentElement.style
  style.setProperty('--print-office', cssString(ISSUING_OFFICE))
  style.setProperty('--print-date', cssString(t('print.printedOn', { date: countyToday() })))
  // "第 {page} 页 / 共 {pages} 页" cut around the two numbers, which CSS counters fill in.
  const [before, rest = ''] = t('print.pageOf', { page: '\u0001', pages: '\u0002' }).split('\u0001')
  const [middle, after = ''] = rest.split('\u0002')
  style.setProperty('--print-page-before', cssString(before))
  style.setProperty('--print-page-middle', cssString(middle))
  style.setProperty('--print-page-after', cssString(after))
}

// The Element Plus tables on screen (their internal instances), to lay out again for paper.
const tables = new Set()
const scaled = new Set()

function layOutTable(table) {
  const api = table.exposed
  const box = table.vnode.el
  if (!api || !api.doLayout || !box) return
  api.doLayout() // reads the table's width now and sets its columns for it
  const needed = api.layout && api.layout.bodyWidth.value
  if (needed && box.clientWidth && needed > box.clientWidth + 1) {
    box.style.zoom = String(box.clientWidth / needed)
    scaled.add(box)
  }
}

function beforePrint() {
  updateHeading() // the date, if the tab stayed open overnight
  const root = document.documentElement
  root.classList.add('print-layout')
  root.classList.toggle('print-layout--landscape', document.querySelector('.print-landscape') !== null)
  tables.forEach(layOutTable)
}

function afterPrint() {
  const root = document.documentElement
  root.classList.remove('print-layout', 'print-layout--landscape')
  for (const box of scaled) box.style.zoom = ''
  scaled.clear()
  // The tables and charts watch their own size and lay themselves out again.
}

// app.use(printing): the heading, the print layout, and a registry of the tables.
export default {
  install(app) {
    // Browsers that print @page margin boxes need no heading in the page itself (print.css).
    document.documentElement.classList.toggle('print-margin-boxes', typeof window.CSSMarginRule !== 'undefined')
    updateHeading()
    watch(i18n.global.locale, updateHeading)
    window.addEventListener('beforeprint', beforePrint)
    window.addEventListener('afterprint', afterPrint)
    app.mixin({
      mounted() {
        if (this.$options.name === 'ElTable') tables.add(this.$)
      },
      beforeUnmount() {
        if (this.$options.name === 'ElTable') tables.delete(this.$)
      },
    })
  },
}
