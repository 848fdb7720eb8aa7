// How many digests of the caller's inbox are unread (GET /inbox answers `unread`), for the
// header's bell. Asked again on every page change, and set by the inbox page as it reads and
// marks them, so the badge and the page agree.
//
// Every count is numbered as it is asked for or set: an answer that arrives after a newer count
// (a refresh sent as the inbox page opened, answering after a digest was marked read) is older
// than what the badge shows and is dropped, so the badge never steps back.
import { reactive } from 'vue'
import { api } from '@/api'

let latest = 0 // the number of the newest count asked for or set

export const inbox = reactive({
  unread: 0,

  set(count) {
    latest += 1
    this.unread = count
  },

  async refresh() {
    const asked = ++latest
    try {
      const count = (await api.get('/inbox', { limit: 1 })).unread
      if (asked === latest) this.unread = count
    } catch {
      // the badge keeps its last count; the inbox page reports errors
    }
  },
})
