// Server errors in the user's words, and next to the form fields they name.
//
//   const { errors, apply, clear } = useFormErrors({ fieldMap: { old_password: 'oldPassword' } })
//   (`labels`: {prop: name} for fields whose request key the shared `fields` table words otherwise)
//   <el-form-item prop="oldPassword" :error="errors.oldPassword"> ... </el-form-item>
//   try { await api.put(...) } catch (e) { apply(e) }
//
// apply(error) shows each problem the server named (the "errors" of the answer, or the error
// itself) at the form item whose prop is its `field` (after fieldMap); what names no field of
// the form goes to a message box. Returns true when every problem was placed at a field.
import { reactive } from 'vue'
import { ElMessage } from 'element-plus'
import { i18n } from '@/i18n'

// The name of a field the server named (a request key or a file column), in the user's
// language; the key itself when the tables do not know it.
export function fieldLabel(field) {
  if (!field) return ''
  const key = `fields.${field}`
  return i18n.global.te(key, 'zh-CN') ? i18n.global.t(key) : field
}

// The words of an error the server sent ({reason, params, field, code, message}: an ApiError,
// or a row of an import or a bulk write): from its reason and params (i18n/<locale>/errors.js),
// else from its code. The server's English message is shown only in the English UI, after the
// words of the code, when the tables do not know the reason.
// `label`: the field's name as the form shows it, when the same request key means something
// else elsewhere (a work team's "leader" is not the dimension 书记业务).
export function describeError(error, label = '') {
  const { t, te } = i18n.global
  if (!error) return ''
  const reason = error.reason || error.code || 'error'
  const params = { ...(error.params || {}) }
  params.field = label || fieldLabel(error.field || params.field || '')
  if (te(`errors.${reason}`, 'zh-CN')) return t(`errors.${reason}`, params)
  const code = error.code || 'error'
  const title = te(`errors.${code}`, 'zh-CN') ? t(`errors.${code}`) : t('errors.error')
  const message = error.message || ''
  if (i18n.global.locale.value !== 'en' || !message || message === title) return title
  return `${title}: ${message}`
}

// The problems of one answer: the "errors" list of a form answer, else the error itself.
export function problemsOf(error) {
  const list = error && error.details && Array.isArray(error.details.errors) ? error.details.errors : null
  return list && list.length ? list : [error]
}

export function useFormErrors({ fieldMap = {}, fields = null, labels = {} } = {}) {
  const errors = reactive({})

  function clear(prop) {
    if (prop) delete errors[prop]
    else for (const key of Object.keys(errors)) delete errors[key]
  }

  function apply(error) {
    clear()
    const unplaced = []
    for (const problem of problemsOf(error)) {
      const field = problem && problem.field ? fieldMap[problem.field] || problem.field : null
      if (field && (!fields || fields.includes(field))) {
        const words = describeError(problem, labels[field])
        errors[field] = errors[field] ? `${errors[field]}；${words}` : words
      } else {
        unplaced.push(describeError(problem))
      }
    }
    if (unplaced.length) ElMessage({ type: 'error', message: unplaced.join('；'), showClose: true, duration: 6000 })
    return unplaced.length === 0
  }

  return { errors, apply, clear }
}

export default useFormErrors
