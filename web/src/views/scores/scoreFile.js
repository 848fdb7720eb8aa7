// The scores format as the score pages name it. Files themselves are read on the server
// (POST /imports/scores?dry_run=true&preview=N answers how it read the file and its first rows):
// no file is parsed and no rule is checked here.

export const DIMENSIONS = ['team', 'leader', 'venue', 'routine', 'service', 'members']
// The columns of the scores format, in the order the preview shows them.
export const COLUMNS = ['code', 'year', ...DIMENSIONS, 'grade', 'reason']
