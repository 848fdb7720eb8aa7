// Back closes what is open over the page (a dialog, a drawer) instead of leaving the page with
// its half-written content: opening `open` adds a history entry for the same address; Back
// (popstate) takes it away and closes; closing another way takes the entry back out, unless the
// close came with a move to another page (a menu choice), which has replaced it already.
import { onBeforeUnmount, watch } from 'vue'

let opened = 0

export function useBackCloses(open) {
  let pushed = false
  let token = 0
  function onPop() {
    if (!pushed) return
    pushed = false
    window.removeEventListener('popstate', onPop)
    open.value = false
  }
  watch(
    open,
    (now) => {
      if (now && !pushed) {
        token = ++opened
        window.history.pushState({ ...(window.history.state || {}), overlay: token }, '')
        pushed = true
        window.addEventListener('popstate', onPop)
      } else if (!now && pushed) {
        pushed = false
        window.removeEventListener('popstate', onPop)
        if (window.history.state && window.history.state.overlay === token) window.history.back()
      }
    },
    { immediate: true },
  )
  onBeforeUnmount(() => {
    window.removeEventListener('popstate', onPop)
    pushed = false
  })
}
