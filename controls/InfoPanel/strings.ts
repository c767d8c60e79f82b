/** Every resx key InfoPanel shows; the wrapper reads them once per render. */
export const INFO_PANEL_STRINGS = [
  'Lang', 'Tabs_Label', 'Tab_Covid', 'Tab_Volunteer', 'Tab_Hours', 'Tab_Checkups', 'Articles_Search', 'Articles_None',
  'Articles_NoMatch', 'Articles_Count', 'Articles_Loading', 'Error_Articles', 'Checkups_NoPatient', 'Checkups_Age',
  'Checkups_Due', 'Checkups_NotDue', 'Checkups_Checkup', 'Checkups_Dispensarisation', 'Checkups_Next',
  'Checkups_Minor', 'Checkups_Rule', 'Checkups_Articles', 'Years_one', 'Years_few', 'Years_many', 'Error_Patient',
  'Hours_Locality', 'Hours_LocalityAll', 'Hours_Name', 'Hours_NamePlaceholder', 'Hours_Results', 'Hours_Found',
  'Hours_None', 'Hours_Hint', 'Hours_Loading', 'Hours_Table', 'Hours_Day', 'Hours_Open', 'Hours_HomeVisits',
  'Hours_Closed', 'Hours_Today', 'Hours_OpenNow', 'Hours_ClosedNow', 'Hours_Address', 'Hours_Phone', 'Error_Hours',
  'Error_Organisations', 'Volunteer_Title', 'Volunteer_Intro', 'Volunteer_Young', 'Volunteer_Who',
  'Volunteer_Address', 'Volunteer_AddressHint', 'Volunteer_AddressNotFound', 'Volunteer_Phone', 'Volunteer_Help',
  'Volunteer_Save', 'Volunteer_SaveKeys', 'Volunteer_ConfirmTitle', 'Volunteer_ConfirmText', 'Volunteer_Busy',
  'Volunteer_Done', 'Volunteer_DoneTitle', 'Volunteer_New', 'Error_Volunteer', 'Confirm_Ok', 'Confirm_Cancel',
  'Status_Masked', 'Loading', 'Error_Setup', 'Error_Settings', 'Error_CorrelationId', 'Error_Retry', 'Error_Dismiss',
  'Status_Label', 'Status_queued', 'Status_accepted', 'Status_delivered', 'Status_failed', 'Status_Reason', 'Volunteer_Queued', 'Record_Saving', 'Error_RecordTitle',
] as const;
export type InfoPanelStringKey = (typeof INFO_PANEL_STRINGS)[number];
