/**
 * SMS through the outbox: the message is kept (under the client key of the action it confirms) until the gateway
 * took it, so a gateway outage delays an SMS instead of losing it. Resolves whether it went out while the operator
 * waited (`smsSent`); if not, the outbox keeps trying and `GET outbox/{clientKey}` says how it went.
 */
import { isMobilePhone } from '@eer/contract';
import { outbox } from '../outbox';
import { smsGatewayFromSettings, trySendSms, type SmsToSend } from './SmsGateway';

export async function sendSms(message: SmsToSend, log: (line: string) => void): Promise<boolean> {
  // Without a key there is nothing to keep it under; without a gateway or a mobile number nothing to keep it for.
  if (!message.clientKey || !isMobilePhone(message.to)) return trySendSms(message, log);
  try {
    if (!smsGatewayFromSettings()) return trySendSms(message, log);
  } catch {
    return trySendSms(message, log);
  }
  try {
    const record = await outbox().submit('sms', message.clientKey, message, log);
    return record.status === 'delivered';
  } catch {
    // Neither the outbox nor the gateway could take it: the booking it confirms still stands.
    log(`sms ${message.kind} failed reason=unavailable`);
    return false;
  }
}
