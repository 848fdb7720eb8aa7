// Dynamic supervision (issue 13): the inbox of weekly reminders.
export default {
  supervision: {
    nav: { inbox: 'Inbox' },
    warning: { title: 'Early warning of organizations under rectification', column: 'Warning', red: 'Red', orange: 'Orange', yellow: 'Yellow', green: 'Green' },
    escalation: {
      title: 'Escalation',
      reminder: 'Reminder',
      inquiry: 'Written inquiry',
      admonition: 'Admonition',
      proposed: 'Proposed: {step}',
      confirm: 'Confirm {step}',
    },
    inbox: {
      title: 'Inbox',
      subtitle: 'Weekly reminders: items due this week and overdue',
      unread: '{n} unread',
      week: 'Week {week}',
      toUnit: 'Direct organization {name}',
      toPerson: 'Responsible {name}',
      dueCount: '{n} due this week',
      overdueCount: '{n} overdue',
      due: 'Due this week',
      overdue: 'Overdue',
      none: 'None',
      deadline: 'Due {date}',
      recordedAt: 'Recorded {at}',
      empty: 'No reminders yet',
    },
  },
}
