// The member roster across organizations, by status.
export default {
  members: {
    title: 'Member roster',
    subtitle: 'Members on the roll in your scope, by status: mobile, lost contact and pocket members',
    allOnRoll: 'All on the roll',
    search: 'Filter by organization name or code',
    org: 'Organization',
    count: '{n} members',
    empty: 'No member matches',
  },
}
