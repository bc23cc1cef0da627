// Progressive enhancement with GOV.UK Frontend, loaded from this server (no inline script: strict CSP).
import { initAll } from '../govuk/govuk-frontend.min.js'

document.body.classList.add('js-enabled', 'govuk-frontend-supported')
initAll()
