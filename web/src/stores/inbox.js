// How many digests of the caller's inbox are unread (GET /inbox answers `unread`), for the
// header's bell. Asked again on every page change, and set by the inbox page as it reads and
// marks them, so the badge and the page agree.
import { reactive } from 'vue'
import { api } from '@/api'

export const inbox = reactive({
  unread: 0,

  async refresh() {
    try {
      this.unread = (await api.get('/inbox', { limit: 1 })).unread
    } catch {
      // the badge keeps its last count; the inbox page reports errors
    }
  },
})
