import * as React from 'react';
import { Input, Spinner, Text, makeStyles, tokens, useId } from '@fluentui/react-components';
import type { Lang } from '@eer/contract';
import { ErrorBar, errorView } from '../shared/components/ErrorBar';
import type { LoadState } from '../shared/hooks/useLoad';
import { format, type Strings } from '../shared/pcf/strings';
import type { InfoArticle } from './infoArticles';
import type { InfoPanelStringKey } from './strings';
import { folded } from './text';

export interface ArticleListProps {
  articles: LoadState<InfoArticle[]>;
  reload: () => void;
  /** A search field over titles and texts (COVID-19 information). */
  searchable: boolean;
  lang: Lang;
  strings: Strings<InfoPanelStringKey>;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  article: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  text: { whiteSpace: 'pre-wrap' },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** Reference articles kept in the CRM, read out to callers; optionally searchable as the operator types. */
export function ArticleList({ articles, reload, searchable, lang, strings }: ArticleListProps): JSX.Element {
  const styles = useStyles();
  const searchId = useId('articles-search');
  const [query, setQuery] = React.useState('');
  const list = articles.status === 'success' ? articles.data : [];
  const q = folded(query.trim());
  const shown = q ? list.filter((a) => folded(a.title).includes(q) || folded(a.text).includes(q)) : list;
  const error = articles.status === 'error' ? errorView(articles.error, lang) : null;
  return (
    <div className={styles.root}>
      {searchable && (
        <div>
          <label htmlFor={searchId}>
            <Text weight="semibold">{strings.Articles_Search}</Text>
          </label>
          <Input id={searchId} type="search" value={query} onChange={(_e, d) => setQuery(d.value)} autoComplete="off" style={{ width: '100%' }} />
        </div>
      )}
      {articles.status === 'loading' && <Spinner size="small" label={strings.Articles_Loading} />}
      {error && <ErrorBar error={{ ...error, retryable: true }} title={strings.Error_Articles} strings={errorStrings(strings)} onRetry={reload} />}
      {articles.status === 'success' && (
        <Text size={200} className={styles.muted} aria-live="polite" data-testid="articles-count">
          {list.length === 0 ? strings.Articles_None : shown.length === 0 ? format(strings.Articles_NoMatch, query.trim()) : format(strings.Articles_Count, shown.length)}
        </Text>
      )}
      {shown.map((a) => (
        <article key={a.id || a.title} className={styles.article} data-testid="article">
          <h3 className={styles.title}>{a.title}</h3>
          <Text className={styles.text}>{a.text}</Text>
        </article>
      ))}
    </div>
  );
}

export function errorStrings(strings: Strings<InfoPanelStringKey>) {
  return { correlationId: strings.Error_CorrelationId, retry: strings.Error_Retry, dismiss: strings.Error_Dismiss };
}
