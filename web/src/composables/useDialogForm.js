// The scaffolding of a dialog that sends one form (the accountability dialogs): the form, reset
// to `blank()` each time the dialog opens; the server's problems shown at the fields it names
// (useFormErrors); saving while the request is under way; on success the dialog closes and
// `done(answer)` says so.
//
//   const open = defineModel({ type: Boolean, default: false })
//   const { form, errors, saving, save } = useDialogForm(open, {
//     fields: ['on', 'reason'], blank: () => ({ on: '', reason: '' }),
//     send: (form) => api.post('/route', bodyOf(form)),
//     done: (answer) => { ElMessage.success(...); emit('saved', answer) },
//   })
import { reactive, ref, watch } from 'vue'
import { useFormErrors } from '@/composables/useFormErrors'

export function useDialogForm(open, { fields, blank, send, done }) {
  const form = reactive(blank())
  const saving = ref(false)
  const { errors, apply, clear } = useFormErrors({ fields })

  watch(open, (now) => {
    if (!now) return
    Object.assign(form, blank())
    clear()
  })

  async function save() {
    clear()
    saving.value = true
    try {
      const answer = await send(form)
      open.value = false
      done(answer)
    } catch (e) {
      apply(e)
    } finally {
      saving.value = false
    }
  }

  return { form, errors, saving, save }
}
