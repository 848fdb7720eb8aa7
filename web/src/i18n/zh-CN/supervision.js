// 动态督导 dynamic supervision (issue 13): the inbox of weekly reminders (每周一提示).
export default {
  supervision: {
    nav: { inbox: '收件箱' },
    warning: { title: '整顿对象预警', column: '预警', red: '红色', orange: '橙色', yellow: '黄色', green: '绿色' },
    escalation: {
      title: '逐级问责',
      reminder: '提醒',
      inquiry: '函询',
      admonition: '诫勉',
      proposed: '系统建议：{step}',
      confirm: '确认{step}',
    },
    inbox: {
      title: '收件箱',
      subtitle: '每周一提示：本周到期和已逾期的整改事项',
      unread: '{n} 条未读',
      week: '{week} 周提示',
      toUnit: '直属党组织 {name}',
      toPerson: '责任人 {name}',
      dueCount: '本周到期 {n} 项',
      overdueCount: '已逾期 {n} 项',
      due: '本周到期',
      overdue: '已逾期',
      none: '无',
      deadline: '完成时限 {date}',
      recordedAt: '生成于 {at}',
      empty: '暂无提示',
    },
  },
}
