/** Every resx key CallPanel shows (manifest names and descriptions are read by the platform). */
export const CALL_PANEL_STRINGS = [
  'Topic_1', 'Topic_2', 'Topic_3', 'Topic_4', 'Topic_5', 'Topic_6', 'Topic_7', 'Topic_8', 'Topic_Unknown',
  'Header_Topic', 'Header_Greeting', 'Greeting_Default', 'Greeting_Loading', 'Timer_Label', 'Timer_Over',
  'Timer_NotStarted', 'Status_Masked', 'Status_Loading', 'Waiting_Title', 'Waiting_Text', 'Waiting_ReadOnly',
  'News_Title', 'News_Empty', 'News_Loading', 'News_Published', 'News_New', 'Severity_info', 'Severity_warning',
  'Severity_urgent', 'Connection_Title', 'Connection_connecting', 'Connection_connected', 'Connection_reconnecting',
  'Connection_disconnected', 'Incoming_Title', 'Incoming_Announce', 'Incoming_Caller', 'Incoming_Withheld',
  'Incoming_Topic', 'Incoming_Patients', 'Age_One', 'Age_Few', 'Age_Many', 'Incoming_NoPatients', 'Incoming_Group',
  'Incoming_Queue', 'Incoming_Answer', 'Incoming_Decline', 'Incoming_KeysHint', 'Incoming_Claiming',
  'Incoming_Opening', 'Incoming_TakenByOther', 'Incoming_Gone', 'Record_Name', 'InCall_Caller', 'InCall_Patient',
  'InCall_NoPatient', 'InCall_End', 'Wrap_Title', 'Wrap_CallType', 'Wrap_CallTypePlaceholder', 'Wrap_Comment',
  'Wrap_Submit', 'Wrap_Saving', 'Wrap_Loading', 'Wrap_NoTypes', 'Wrap_Duration', 'Done_Title', 'Done_Back',
  'Done_Abandoned', 'Done_Declined', 'Error_Announcements', 'Error_Claim', 'Error_Open', 'Error_Save',
  'Error_Lookup', 'Error_Crm', 'Setup_Missing', 'Setup_Failed', 'Error_CorrelationId', 'Error_Retry', 'Error_Dismiss',
] as const;
export type CallPanelStringKey = (typeof CALL_PANEL_STRINGS)[number];
