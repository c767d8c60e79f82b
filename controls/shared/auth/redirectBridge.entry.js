// The redirect bridge page of MSAL v5 (web resource eer_/auth/redirect.html, the SPA redirect URI): it receives
// the sign-in answer in a popup or hidden iframe and hands it to the control's page over a BroadcastChannel.
import { broadcastResponseToMainFrame } from '@azure/msal-browser/redirect-bridge';

broadcastResponseToMainFrame().catch(() => {
  // Opened directly or with a broken answer: say so without any detail (the URL may carry codes).
  document.body.textContent = 'Вход не выполнен: закройте это окно и повторите. / Sign-in failed: close this window and retry.';
});
