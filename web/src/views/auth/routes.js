// The login page is part of the first load (not a lazy chunk): it is what a new visitor sees,
// and loading it with the app saves a second round of requests.
import LoginPage from './LoginPage.vue'

export default [
  {
    path: '/login',
    name: 'login',
    component: LoginPage,
    meta: { public: true },
  },
  {
    path: '/password',
    name: 'password',
    component: () => import('./PasswordPage.vue'),
  },
]
