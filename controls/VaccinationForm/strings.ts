/** Every resx key VaccinationForm shows; the wrapper reads them once per render. */
export const VACCINATION_FORM_STRINGS = [
  'Lang', 'Header_Title', 'Section_Worker', 'Section_Vaccination', 'Field_LastName', 'Field_FirstName',
  'Field_MiddleName', 'Field_BirthDate', 'Field_Snils', 'Field_Phone', 'Field_PhoneHint', 'Field_Employer',
  'Field_EmployerPlaceholder', 'Employer_None', 'Field_Position', 'Field_Vaccine', 'Vaccine_any', 'Vaccine_sputnik_v',
  'Vaccine_sputnik_light', 'Vaccine_epivaccorona', 'Vaccine_kovivac', 'Vaccine_influenza', 'Field_Dose', 'Dose_1',
  'Dose_2', 'Dose_booster', 'Field_Point', 'Field_PointPlaceholder', 'Point_Hours', 'Point_Closed', 'Field_Slot',
  'Slots_Days', 'Slots_Free', 'Slots_Times', 'Slots_Places', 'Slots_ChoosePoint', 'Slots_None', 'Slots_Loading',
  'Slots_Chosen', 'Action_Submit', 'Action_SubmitKeys', 'Confirm_Title', 'Confirm_Ok', 'Confirm_Cancel',
  'Confirm_Busy', 'Done_Title', 'Done_Text', 'Done_Sms', 'Done_NoSms', 'Status_Label', 'Status_accepted',
  'Status_delivered', 'Status_failed', 'Action_New', 'Status_Masked', 'Loading', 'Error_SubmitTitle',
  'Error_SlotTaken', 'Error_PointsTitle', 'Error_SlotsTitle', 'Error_EmployersTitle', 'Error_Setup', 'Error_Settings',
  'Error_CorrelationId', 'Error_Retry', 'Error_Dismiss',
  'Record_Saving', 'Error_RecordTitle', 'Sms_Label', 'Sms_queued', 'Sms_accepted', 'Sms_delivered', 'Sms_failed',
  'Status_queued', 'Status_Reason',
] as const;
export type VaccinationFormStringKey = (typeof VACCINATION_FORM_STRINGS)[number];
