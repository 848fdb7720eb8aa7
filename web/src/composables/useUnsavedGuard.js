// Unsaved work is never lost silently. A page or form that holds edits registers a getter
// (useUnsavedGuard(() => dirty)); while any registered getter answers true, reloading or
// closing the tab (beforeunload), Back, a menu click or any link to another page asks first
// (installUnsavedGuard, once for the app). Moves inside one page (its filters and page in the
// URL) are the page's business: it asks with confirmDiscard before dropping its own edits.
import { onBeforeUnmount } from 'vue'
import { ElMessageBox } from 'element-plus'

const sources = new Set()
let translate = (key) => key

export function hasUnsavedWork() {
  for (const isDirty of sources) if (isDirty()) return true
  return false
}

export function useUnsavedGuard(isDirty) {
  sources.add(isDirty)
  onBeforeUnmount(() => sources.delete(isDirty))
}

// Asks whether to drop the unsaved edits; true when the user agrees (or there are none).
export async function confirmDiscard() {
  if (!hasUnsavedWork()) return true
  try {
    await ElMessageBox.confirm(translate('scores.unsavedLeave'), { type: 'warning', closeOnHashChange: false })
    return true
  } catch {
    return false
  }
}

export function installUnsavedGuard(router, i18n) {
  translate = (key) => i18n.global.t(key)
  window.addEventListener('beforeunload', (event) => {
    if (!hasUnsavedWork()) return
    event.preventDefault()
    event.returnValue = '' // the browser shows its own question
  })
  router.beforeEach(async (to, from) => {
    if (to.path === from.path || !hasUnsavedWork()) return true
    return confirmDiscard()
  })
}
