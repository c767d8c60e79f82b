/** Every resx key HomeVisitForm shows; the wrapper reads them once per render. */
export const HOME_VISIT_FORM_STRINGS = [
  'Lang', 'Header_Title', 'Header_Patient', 'Hours_ClosedTitle', 'Hours_Region', 'Hours_Mo', 'Hours_NextOpens',
  'Hours_NeverOpens', 'Hours_OpenUntil', 'Hours_Closed', 'Patient_None', 'Field_Address', 'Field_AddressHint',
  'Address_FromCard', 'Address_Resolving', 'Address_NotFound', 'Address_Mo', 'Address_Zone', 'Field_Intercom',
  'Field_Phone', 'Phone_FromCard', 'Field_Temperature', 'Field_TemperatureHint', 'Field_Complaints', 'Action_Submit',
  'Action_SubmitKeys', 'Submit_NeedsMo', 'Confirm_Title', 'Confirm_Text', 'Confirm_Ok', 'Confirm_Cancel',
  'Confirm_Busy', 'Done_Title', 'Done_Text', 'Done_Emailed', 'Done_NotEmailed', 'Done_FailedTitle', 'Status_Label',
  'Status_accepted', 'Status_delivered', 'Status_failed', 'Action_New', 'Status_Masked', 'Loading',
  'Error_ResolveTitle', 'Error_SubmitTitle', 'Error_CardTitle', 'Error_Setup', 'Error_Settings',
  'Error_CorrelationId', 'Error_Retry', 'Error_Dismiss',
  'Status_queued', 'Status_Reason', 'Done_Queued', 'Record_Saving', 'Error_RecordTitle',
] as const;
export type HomeVisitFormStringKey = (typeof HOME_VISIT_FORM_STRINGS)[number];
