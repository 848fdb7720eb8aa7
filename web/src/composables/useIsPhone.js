// Whether the window is phone-sized: narrower than PHONE_MAX_WIDTH + 1 CSS pixels (the same
// breakpoint as the @media rules in src/styles/phone.css). One shared, reactive answer that
// follows rotation and resizing.
import { readonly, ref } from 'vue'

export const PHONE_MAX_WIDTH = 767
const query = window.matchMedia(`screen and (max-width: ${PHONE_MAX_WIDTH}px)`)
const isPhone = ref(query.matches)
query.addEventListener('change', (event) => (isPhone.value = event.matches))

export function useIsPhone() {
  return readonly(isPhone)
}
