/** Every resx key AppealForm shows; the wrapper reads them once per render. */
export const APPEAL_FORM_STRINGS = [
  'Lang', 'Header_Title', 'Header_Patient', 'Field_Kind', 'Field_Topic', 'Field_TopicPlaceholder', 'Field_Mo',
  'Field_MoPlaceholder', 'Mo_None', 'Mo_Loading', 'Field_Address', 'Field_AddressHint', 'Field_Comment',
  'Field_CommentHint', 'Complaint_Ticket', 'Complaint_TicketUnknown', 'Action_Save', 'Action_SaveKeys',
  'Confirm_Title', 'Confirm_Ok', 'Confirm_Cancel', 'Confirm_Busy', 'Done_TitleAppeal', 'Done_TitleComplaint',
  'Done_Text', 'Done_Failed', 'Status_Label', 'Status_accepted', 'Status_delivered', 'Status_failed', 'Record_Saving',
  'Certificate_Tag', 'Certificate_Set', 'Certificate_Title', 'Certificate_Text', 'Certificate_Busy', 'Action_New',
  'Status_Masked', 'Loading', 'Error_SaveTitle', 'Error_MoTitle', 'Error_RecordTitle', 'Error_CertificateTitle',
  'Error_Setup', 'Error_Settings', 'Error_CorrelationId', 'Error_Retry', 'Error_Dismiss',
  'Status_queued', 'Status_Reason', 'Done_Queued',
] as const;
export type AppealFormStringKey = (typeof APPEAL_FORM_STRINGS)[number];
