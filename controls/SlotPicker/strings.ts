/** Every resx key SlotPicker shows (manifest names and descriptions are read by the platform). */
export const SLOT_PICKER_STRINGS = [
  'Mode_Label', 'Mode_District', 'Mode_Narrow', 'Field_Patient', 'Field_Resource', 'Field_Service', 'Field_From',
  'Field_To', 'Narrow_Placeholder', 'Narrow_NoMatch', 'Search_Run', 'Search_Loading', 'Search_Extended',
  'Search_Empty', 'Search_NoDoctors', 'Search_EmptyText', 'Days_Title', 'Days_Free', 'Times_Title', 'Times_Choose',
  'Times_Hint', 'Room_Short', 'Confirm_Title', 'Confirm_Patient', 'Confirm_Doctor', 'Confirm_Date', 'Confirm_Time',
  'Confirm_Room', 'Confirm_Mo', 'Confirm_Sms', 'Confirm_Ok', 'Confirm_Cancel', 'Confirm_Busy', 'Notice_Booked',
  'Notice_BookedText', 'Notice_SmsSent', 'Notice_SmsNotSent', 'Notice_Taken', 'Notice_TakenText', 'Notice_Cancelled',
  'Notice_CancelledText', 'Notice_Complaint', 'Notice_ComplaintText', 'Notice_Exported', 'Export_Show',
  'Export_Hide', 'Export_By', 'Export_ByDepartment', 'Export_ByOrganisation', 'Export_ByLocality', 'Export_Format',
  'Export_Run', 'Export_Period', 'Export_Loading', 'Export_NoTargets', 'Tickets_Title', 'Tickets_Date',
  'Tickets_Time', 'Tickets_Doctor', 'Tickets_Specialty', 'Tickets_Mo', 'Tickets_Room', 'Tickets_Status',
  'Tickets_Actions', 'Tickets_Cancel', 'Tickets_Complain', 'Tickets_Loading', 'Tickets_Empty', 'Status_booked',
  'Status_cancelled', 'Status_visited', 'Status_no_show', 'CancelTicket_Title', 'CancelTicket_Text',
  'CancelTicket_Ok', 'Common_NotSet', 'Status_Loading', 'Status_NoPatient', 'Status_Masked', 'Status_ReadOnly',
  'Error_Setup', 'Error_Settings', 'Error_Patient', 'Error_Search', 'Error_Book', 'Error_Cancel', 'Error_Tickets',
  'Error_Export', 'Error_CorrelationId', 'Error_Retry', 'Error_Dismiss',
] as const;
export type SlotPickerStringKey = (typeof SLOT_PICKER_STRINGS)[number];
