// Checklists: an organization's checklists of a year, filled and applied to its score.
export default {
  checklists: {
    nav: 'Checklists',
    title: 'Checklists',
    subtitle: 'The 十有 venue standard, the 20 items of internal Party work and each type’s standard: answered item by item; some feed a dimension’s score.',
    code: 'Organization code',
    year: 'Year',
    open: 'Open',
    pick: 'Enter an organization code and a year, then open',
    feeds: 'Feeds “{dim}”',
    scoreNow: 'Now: {met} of {applicable} applicable items met, a score of {score}',
    state: { met: 'Met', not_met: 'Not met', not_applicable: 'N/A' },
    note: 'Note (optional)',
    evidence: 'Evidence ({n})',
    save: 'Save changes ({n})',
    saved: 'Saved “{name}”',
    mapping: 'Applying sets the dimension’s score = items met ÷ applicable items × 100, to 2 decimals; every item must be answered and the year’s score entered.',
    apply: 'Apply to scores',
    applied: 'Applied to scores: {list}',
  },
}
