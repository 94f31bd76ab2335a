// An alert in words, with its duration as of now: the message a rule wrote when it raised the alert
// says "7 minutes" for ever, so the known rules are worded here from the board, in the chosen
// language; any other alert shows its rule's message. Pure apart from the messages (i18n).

import { t, pick, language } from './i18n.js';
import { toMillis, formatAge, formatTime, formatDay } from './format.js';
import { minutesOverdue, neverReported } from './verdict.js';
import { findSite, siteMinutesLate } from './site-duty.js';

/**
 * An alert in words with its duration as of now: the message the rule wrote at raise time says
 * "7 minutes" for ever, so the known rules are worded here from the board (in the chosen language);
 * anything else shows the rule's message.
 */
export function alertText(alert, state, now) {
  const since = (iso) => formatAge(now - toMillis(iso), t);
  const subject = String(alert.subject ?? '');
  if (alert.rule === 'checkin-missed') {
    const d = state.districts?.[subject];
    if (d && ['late', 'missed'].includes(d.checkin?.state) && neverReported(d)) {
      const due = d.checkin.nextDue;
      return t('alert.checkinNever', { district: pick(d.names) || d.name || subject, due: due ? `${formatTime(due)} ${formatDay(due)}` : '—' });
    }
    if (d && ['late', 'missed'].includes(d.checkin?.state)) {
      return t('alert.checkinMissed', { district: pick(d.names) || d.name || subject, age: formatAge(minutesOverdue(d.checkin, now) * 60000, t) });
    }
  } else if (alert.rule === 'site-checkin-missed') {
    const found = findSite(state, subject);
    if (found && ['late', 'missed'].includes(found.site.state)) {
      const site = pick(found.site.names) || found.site.name || subject;
      const district = pick(found.district.names) || found.district.name || '';
      return t('alert.siteCheckinMissed', { site, district, age: formatAge(siteMinutesLate(found.site, now) * 60000, t) });
    }
  } else if (alert.rule === 'target-down') {
    const x = state.targets?.[subject];
    if (x?.since && x.status === 'down') return t('alert.targetDown', { target: pick(x.names) || x.name || subject, age: since(x.since) });
  } else if (alert.rule === 'incident-unacknowledged') {
    const i = state.incidents?.[subject];
    if (i?.reportedAt && i.state === 'reported') return t('alert.incidentUnacknowledged', { title: i.title ?? subject, age: since(i.reportedAt) });
  } else if (alert.rule === 'publishing-late') {
    const [group, ...rest] = subject.split(':');
    const item = state.publishing?.[group]?.[rest.join(':')];
    if (item?.due && toMillis(item.due) < now) {
      const who = group === 'province' ? (pick(state.province?.names) || state.province?.name) : (pick(state.districts?.[group]?.names) || group);
      return t('alert.publishingLate', { who, item: pick(item.name), age: since(item.due) });
    }
  }
  // The rule's own words in the chosen language (the rules write both); a rule's name if it wrote none.
  return (language() === 'en' ? alert.messageEn : null) ?? alert.message ?? alert.rule ?? '';
}

