/** Every resx key CallPanel shows; the wrapper reads them once per render. */
export const CALL_PANEL_STRINGS = [
  'Topic_1', 'Topic_2', 'Topic_3', 'Topic_4', 'Topic_5', 'Topic_6', 'Topic_7', 'Topic_8', 'Topic_Unknown',
  'Header_Topic', 'Header_Greeting', 'Timer_Label', 'Timer_Over', 'Timer_NotStarted', 'Status_Masked',
] as const;
export type CallPanelStringKey = (typeof CALL_PANEL_STRINGS)[number];
