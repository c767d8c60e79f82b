/** Every resx key PatientSearch shows (manifest names and descriptions are read by the platform). */
export const PATIENT_SEARCH_STRINGS = [
  'Section_Search', 'Field_FullName', 'Field_BirthDate', 'Field_Policy', 'Field_Snils', 'Field_Passport',
  'Hint_FullName', 'Hint_BirthDate', 'Example_BirthDate', 'Hint_Policy', 'Hint_Snils', 'Hint_Passport', 'Hint_Search', 'List_Label',
  'List_PreIdentified', 'List_CallerMatch', 'List_Loading', 'List_Empty', 'List_Found', 'List_Truncated',
  'List_FixFields', 'List_KeyboardHint', 'MatchedBy_snils', 'MatchedBy_policy', 'MatchedBy_passport',
  'MatchedBy_phone', 'Age_One', 'Age_Few', 'Age_Many', 'Card_Title', 'Card_FullName', 'Card_BirthDate', 'Card_Age',
  'Card_Phone', 'Card_Attachment', 'Card_Zone', 'Card_Policy', 'Card_Snils', 'Card_Address', 'Card_NotSet',
  'Card_NotAttached', 'Card_Back', 'Card_Loading', 'Card_Chosen', 'Sms_Title', 'Sms_Consent', 'Sms_Save',
  'Sms_Unchanged', 'Sms_ConfirmTitle', 'Sms_ConfirmText', 'Sms_ConsentOn', 'Sms_ConsentOff', 'Sms_Confirm',
  'Sms_Cancel', 'Sms_Saving', 'Sms_Saved', 'Error_Search', 'Error_Card', 'Error_Save', 'Error_PreIdentify',
  'Setup_Missing', 'Setup_Failed', 'Error_CorrelationId', 'Error_Retry', 'Error_Dismiss', 'Status_Masked', 'Status_NoPatient',
  'Status_Loading',
] as const;
export type PatientSearchStringKey = (typeof PATIENT_SEARCH_STRINGS)[number];
