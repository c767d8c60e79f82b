import * as React from 'react';
import { Button, Divider, Skeleton, SkeletonItem, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ageOn, formatPhone, formatPolicy, formatSnils, type ApiBody, type Lang, type PatientCard, type PhoneUpdateResult } from '@eer/contract';
import type { Strings } from '../shared/pcf/strings';
import { ageText, dateText } from './format';
import { SmsConsent } from './SmsConsent';
import type { PatientSearchStringKey } from './strings';

export interface PatientCardViewProps {
  card: PatientCard;
  /** Today's clock: the age is counted on it (contract `ageOn`, the region's zone), not taken from the MIS. */
  now: Date;
  readOnly: boolean;
  narrow: boolean;
  lang: Lang;
  strings: Strings<PatientSearchStringKey>;
  /** Back to the search; absent when read-only. */
  onBack?: () => void;
  savePhone: (update: ApiBody<'updatePatientPhone'>) => Promise<PhoneUpdateResult>;
  onPhoneSaved: (result: PhoneUpdateResult) => void;
}

const useStyles = makeStyles({
  heading: { margin: 0 },
  card: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  header: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap', rowGap: tokens.spacingVerticalS },
  list: {
    display: 'grid',
    gridTemplateColumns: 'max-content minmax(0, 1fr) max-content minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
    margin: 0,
  },
  listNarrow: { gridTemplateColumns: 'max-content minmax(0, 1fr)' },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, overflowWrap: 'anywhere' },
  missing: { color: tokens.colorNeutralForeground3, fontStyle: 'italic' },
});

/** Manual §3, fig. 5: the patient's main details (1–8) and the SMS consent of fig. 6. */
export function PatientCardView(props: PatientCardViewProps): JSX.Element {
  const { card, now, readOnly, narrow, lang, strings, onBack, savePhone, onPhoneSaved } = props;
  const styles = useStyles();
  let age = card.age;
  try {
    age = ageOn(card.birthDate, now);
  } catch {
    // a birth date the MIS got wrong (in the future): show the MIS's own age
  }
  const attachment = card.attachment;
  const rows: Array<[string, string | null]> = [
    [strings.Card_FullName, card.fullName],
    [strings.Card_BirthDate, dateText(card.birthDate)],
    [strings.Card_Age, ageText(age, lang, strings)],
    [strings.Card_Phone, card.phone ? formatPhone(card.phone) : null],
    [strings.Card_Attachment, attachment ? attachment.moName : strings.Card_NotAttached],
    [strings.Card_Zone, attachment?.zoneName ?? null],
    [strings.Card_Policy, card.policy ? formatPolicy(card.policy) : null],
    [strings.Card_Snils, card.snils ? formatSnils(card.snils) : null],
    [strings.Card_Address, card.address?.text ?? null],
  ];
  return (
    <article className={styles.card} aria-label={strings.Card_Title} data-testid="patient-card">
      <div className={styles.header}>
        <Text className={styles.heading} as="h3" size={400} weight="semibold">
          {strings.Card_Title}
        </Text>
        {onBack && <Button onClick={onBack}>{strings.Card_Back}</Button>}
      </div>
      <dl className={mergeClasses(styles.list, narrow && styles.listNarrow)}>
        {rows.map(([term, value]) => (
          <React.Fragment key={term}>
            <dt className={styles.term}>
              <Text>{term}</Text>
            </dt>
            <dd className={styles.value}>
              {value ? <Text weight="semibold">{value}</Text> : <Text className={styles.missing}>{strings.Card_NotSet}</Text>}
            </dd>
          </React.Fragment>
        ))}
      </dl>
      <Divider />
      <SmsConsent
        patientId={card.misId}
        phone={card.phone}
        smsConsent={card.smsConsent}
        readOnly={readOnly}
        narrow={narrow}
        lang={lang}
        strings={strings}
        save={savePhone}
        onSaved={onPhoneSaved}
      />
    </article>
  );
}

/** Placeholder rows while the card loads. */
export function PatientCardSkeleton({ label }: { label: string }): JSX.Element {
  return (
    <Skeleton aria-label={label} aria-busy="true" data-testid="patient-card-loading">
      {[0, 1, 2, 3, 4, 5].map((i) => (
        <SkeletonItem key={i} size={16} style={{ marginBottom: 8, width: `${90 - i * 8}%` }} />
      ))}
    </Skeleton>
  );
}
