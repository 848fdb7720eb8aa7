// Colours shared by charts and pages, kept apart from src/charts.js so that a page can use them
// without loading ECharts.

// Grades on every chart: A green ... D red.
export const GRADE_COLORS = { A: '#2e7d32', B: '#1976d2', C: '#f9a825', D: '#c62828' }
