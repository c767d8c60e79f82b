import * as React from 'react';
import { Badge, MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ageOn, localDate, type Lang, type PatientCard } from '@eer/contract';
import { ErrorBar, errorView } from '../shared/components/ErrorBar';
import { pluralForm } from '../shared/components/plural';
import type { LoadState } from '../shared/hooks/useLoad';
import { format, type Strings } from '../shared/pcf/strings';
import { ArticleList, errorStrings } from './ArticleList';
import { checkupPlan, type Due } from './checkups';
import type { InfoArticle } from './infoArticles';
import type { InfoPanelStringKey } from './strings';

export interface CheckupsTabProps {
  /** Null when no patient is identified. */
  card: LoadState<PatientCard> | null;
  reloadCard: () => void;
  articles: LoadState<InfoArticle[]>;
  reloadArticles: () => void;
  now: Date;
  lang: Lang;
  strings: Strings<InfoPanelStringKey>;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  plan: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS, alignItems: 'center', margin: 0 },
  rule: { color: tokens.colorNeutralForeground2 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
});

export function yearsText(n: number, lang: Lang, strings: Strings<InfoPanelStringKey>): string {
  return format(strings[`Years_${pluralForm(n, lang)}`], n);
}

function DueBadge({ due, strings, testId }: { due: Due; strings: Strings<InfoPanelStringKey>; testId: string }): JSX.Element {
  return (
    <Badge appearance="tint" color={due === 'due' ? 'success' : 'informative'} data-testid={testId} data-due={due}>
      {due === 'due' ? strings.Checkups_Due : strings.Checkups_NotDue}
    </Badge>
  );
}

/**
 * IVR topic 7: what the identified patient is due for this year at their age (Order № 404н, see checkups.ts), and
 * the articles for that age from the CRM. Without a patient: the rule for all adults and every article.
 */
export function CheckupsTab({ card, reloadCard, articles, reloadArticles, now, lang, strings }: CheckupsTabProps): JSX.Element {
  const styles = useStyles();
  const patient = card?.status === 'success' ? card.data : null;
  const cardError = card?.status === 'error' ? errorView(card.error, lang) : null;
  let plan: React.ReactNode = null;
  if (patient) {
    const year = Number(localDate(now).slice(0, 4));
    const p = checkupPlan(Number(patient.birthDate.slice(0, 4)), year);
    const ageNow = ageOn(patient.birthDate, now);
    plan = (
      <>
        <Text data-testid="checkups-age">
          {format(strings.Checkups_Age, patient.fullName, year, yearsText(p.ageThisYear, lang, strings), yearsText(ageNow, lang, strings))}
        </Text>
        {p.adult ? (
          <dl className={styles.plan}>
            <dt>{strings.Checkups_Checkup}</dt>
            <dd style={{ margin: 0 }}>
              <DueBadge due={p.checkup} strings={strings} testId="due-checkup" />
            </dd>
            <dt>{strings.Checkups_Dispensarisation}</dt>
            <dd style={{ margin: 0 }}>
              <DueBadge due={p.dispensarisation} strings={strings} testId="due-dispensarisation" />
              {p.nextDispensarisation && (
                <Text size={200}> {format(strings.Checkups_Next, p.nextDispensarisation.year, yearsText(p.nextDispensarisation.age, lang, strings))}</Text>
              )}
            </dd>
          </dl>
        ) : (
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>{strings.Checkups_Minor}</MessageBarBody>
          </MessageBar>
        )}
      </>
    );
  }
  return (
    <div className={styles.root}>
      {card === null && (
        <MessageBar intent="info" layout="multiline" data-testid="checkups-no-patient">
          <MessageBarBody>{strings.Checkups_NoPatient}</MessageBarBody>
        </MessageBar>
      )}
      {card?.status === 'loading' && <Spinner size="small" label={strings.Loading} />}
      {cardError && <ErrorBar error={cardError} title={strings.Error_Patient} strings={errorStrings(strings)} onRetry={reloadCard} />}
      {plan}
      <Text size={200} className={styles.rule} data-testid="checkups-rule">
        {strings.Checkups_Rule}
      </Text>
      <h3 className={styles.heading}>{strings.Checkups_Articles}</h3>
      <ArticleList articles={articles} reload={reloadArticles} searchable={false} lang={lang} strings={strings} />
    </div>
  );
}
