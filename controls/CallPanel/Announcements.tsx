import * as React from 'react';
import {
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Skeleton,
  SkeletonItem,
  Text,
  makeStyles,
  tokens,
  type MessageBarProps,
} from '@fluentui/react-components';
import type { Announcement, AnnouncementSeverity, Lang } from '@eer/contract';
import { format, type Strings } from '../shared/pcf/strings';
import { dateTimeText } from './callFormat';
import type { CallPanelStringKey } from './strings';

const INTENT: Record<AnnouncementSeverity, MessageBarProps['intent']> = { info: 'info', warning: 'warning', urgent: 'error' };
const RANK: Record<AnnouncementSeverity, number> = { urgent: 0, warning: 1, info: 2 };
/** Without `expiresAt` an announcement stays current for a day (contract). */
const DEFAULT_LIFETIME_MS = 24 * 3600 * 1000;

/** Current announcements at `now`: not expired, urgent first, then newest first. */
export function currentAnnouncements(items: readonly Announcement[], now: number): Announcement[] {
  return items
    .filter((a) => {
      const until = a.expiresAt ? Date.parse(a.expiresAt) : Date.parse(a.publishedAt) + DEFAULT_LIFETIME_MS;
      return Number.isNaN(until) || until > now;
    })
    .sort((a, b) => RANK[a.severity] - RANK[b.severity] || Date.parse(b.publishedAt) - Date.parse(a.publishedAt));
}

export interface AnnouncementsProps {
  items: readonly Announcement[];
  loading: boolean;
  lang: Lang;
  strings: Strings<CallPanelStringKey>;
}

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyleType: 'none' },
  text: { whiteSpace: 'pre-wrap' },
  meta: { color: tokens.colorNeutralForeground2 },
});

/** Manual §2: the news of the start window, each as a MessageBar whose colour and word say how important it is. */
export function Announcements({ items, loading, lang, strings }: AnnouncementsProps): JSX.Element {
  const styles = useStyles();
  if (loading && items.length === 0) {
    return (
      <Skeleton aria-label={strings.News_Loading} data-testid="news-loading">
        <SkeletonItem size={24} style={{ marginBottom: 8 }} />
        <SkeletonItem size={24} />
      </Skeleton>
    );
  }
  if (items.length === 0) return <Text className={styles.meta}>{strings.News_Empty}</Text>;
  return (
    <ul className={styles.list} data-testid="news-list">
      {items.map((a) => (
        <li key={a.id}>
          <MessageBar intent={INTENT[a.severity]} layout="multiline" data-severity={a.severity}>
            <MessageBarBody>
              <MessageBarTitle>{`${strings[`Severity_${a.severity}`]}: ${a.title}`}</MessageBarTitle>
              <div className={styles.text}>{a.text}</div>
              <Text size={200} className={styles.meta}>
                {format(strings.News_Published, dateTimeText(a.publishedAt, lang))}
              </Text>
            </MessageBarBody>
          </MessageBar>
        </li>
      ))}
    </ul>
  );
}
