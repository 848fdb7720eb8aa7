// Puts a server error next to the form field it names.
//
//   const { errors, apply, clear } = useFormErrors({ fieldMap: { old_password: 'oldPassword' } })
//   <el-form-item prop="oldPassword" :error="errors.oldPassword"> ... </el-form-item>
//   try { await api.put(...) } catch (e) { apply(e) }
//
// apply(error) shows the message at the form item whose prop is the error's `field` (after
// fieldMap); when the field is not one of the form's props (or there is none) it shows a
// message box instead. Returns true when the error was placed at a field.
import { reactive } from 'vue'
import { ElMessage } from 'element-plus'
import { i18n } from '@/i18n'

// A person-readable text of any error: its reason worded with its params when the UI knows the
// reason (i18n errorReasons), else the translated code, then the server's own words.
export function describeError(error) {
  const t = i18n.global.t
  if (!error) return ''
  const reason = error.details && error.details.reason
  if (reason && i18n.global.te(`errorReasons.${reason}`, 'zh-CN')) {
    return t(`errorReasons.${reason}`, error.details.params || {})
  }
  const code = error.code || 'error'
  const key = `errors.${code}`
  const title = i18n.global.te(key, 'zh-CN') ? t(key) : ''
  const message = error.message || ''
  if (!title) return message || t('errors.error')
  if (!message || message === title) return title
  return `${title}：${message}`
}

export function useFormErrors({ fieldMap = {}, fields = null } = {}) {
  const errors = reactive({})

  function clear(prop) {
    if (prop) delete errors[prop]
    else for (const key of Object.keys(errors)) delete errors[key]
  }

  function apply(error) {
    clear()
    const field = error && error.field ? fieldMap[error.field] || error.field : null
    const known = field && (!fields || fields.includes(field))
    if (known) {
      errors[field] = describeError(error)
      return true
    }
    ElMessage({ type: 'error', message: describeError(error), showClose: true, duration: 6000 })
    return false
  }

  return { errors, apply, clear }
}

export default useFormErrors
