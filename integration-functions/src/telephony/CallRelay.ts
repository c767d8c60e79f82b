/**
 * What happens to a call between the telephony webhook and the operators' screens, over Azure SignalR Service in
 * serverless mode (clients only listen; every operator action is an HTTP function):
 * - offered to an operator → `callOffered` to that user; offered to nobody → `callOffered` to the group of available
 *   operators, where the first claim wins and the group gets `callTaken`;
 * - answered → the operator holds the call: out of the available group, `callTaken` to them (and to the group for a
 *   group call);
 * - ended / abandoned → `callEnded` / `callAbandoned` to whoever held the call (the group if nobody did); the holder
 *   is available again.
 * An operator is "available" while they hold no call; negotiate adds them to the group then.
 */
import type * as z from 'zod/mini';
import type {
  Announcement,
  AnnouncementDraft,
  CallAbandoned,
  CallAnswered,
  CallEnded,
  CallEvent,
  CallNotification,
  CallOffered,
  ClaimCallResult,
  NegotiateResponse,
  PUSH_TARGETS,
  PushTarget,
  WebhookAck,
} from '@eer/contract';
import { randomUUID } from 'node:crypto';
import { AppError } from '../http/errors';
import type { SignalRRestClient } from '../signalr/SignalRRestClient';
import { preIdentify, type PhoneLookup } from './preIdentify';
import type { TelephonyStores } from './stores';

/** The SignalR group every available operator is in. */
export const AVAILABLE_OPERATORS_GROUP = 'available-operators';

export type Relay = Pick<SignalRRestClient, 'clientNegotiate' | 'sendToUser' | 'sendToGroup' | 'sendToAll' | 'addUserToGroup' | 'removeUserFromGroup'>;

/** Log lines carry ids and codes only, never a phone number or a name. */
export interface Log {
  info(line: string): void;
  warn(line: string): void;
}

export interface CallRelayOptions {
  relay: Relay;
  stores: TelephonyStores;
  /** The MIS for pre-identification; undefined when none is configured. */
  mis: () => PhoneLookup | undefined;
  preIdentifyBudgetMs: number;
  now?: () => Date;
}

type Payload<T extends PushTarget> = z.output<(typeof PUSH_TARGETS)[T]>;

export class CallRelay {
  private readonly relay: Relay;
  readonly stores: TelephonyStores;
  private readonly now: () => Date;

  constructor(private readonly options: CallRelayOptions) {
    this.relay = options.relay;
    this.stores = options.stores;
    this.now = options.now ?? (() => new Date());
  }

  /** One verified webhook event. A redelivered event id is acknowledged and not relayed again. */
  async handleEvent(event: CallEvent, log: Log): Promise<WebhookAck> {
    if (!(await this.stores.events.remember(event.eventId))) {
      log.info(`telephony event ${event.type} eventId=${event.eventId} duplicate`);
      return { accepted: true, duplicate: true };
    }
    try {
      switch (event.type) {
        case 'offered':
          await this.offered(event, log);
          break;
        case 'answered':
          await this.answered(event);
          break;
        case 'ended':
          await this.closed(event, 'callEnded');
          break;
        case 'abandoned':
          await this.closed(event, 'callAbandoned');
          break;
      }
    } catch (error) {
      // Let the platform's retry relay it: a failed relay must not be remembered as done.
      await this.stores.events.forget(event.eventId);
      throw error;
    }
    log.info(`telephony event ${event.type} eventId=${event.eventId} call=${event.telephonyCallId} relayed`);
    return { accepted: true };
  }

  private async offered(event: CallOffered, log: Log): Promise<void> {
    const { candidates, outcome } = await preIdentify(this.options.mis(), event.callerNumber, this.options.preIdentifyBudgetMs);
    if (outcome === 'timeout' || outcome === 'failed') log.warn(`pre-identification ${outcome} call=${event.telephonyCallId}`);
    const notification: CallNotification = { ...event, candidates, claimable: event.operatorId === undefined };
    if ((await this.stores.calls.offer(notification)) === 'closed') {
      log.info(`offer of a closed call not relayed call=${event.telephonyCallId}`);
      return;
    }
    if (event.operatorId !== undefined) await this.toUser(event.operatorId, 'callOffered', notification);
    else await this.toGroup('callOffered', notification);
  }

  private async answered(event: CallAnswered): Promise<void> {
    let before = await this.stores.calls.answer(event.telephonyCallId, event.operatorId);
    if (!before) {
      // An answered call we never saw offered (its offer was lost or expired): record it, so the operator counts as
      // busy until it ends. A call that already ended stays ended.
      const { type: _answered, ...fields } = event;
      const offered: CallNotification = { ...fields, type: 'offered', candidates: [], claimable: false };
      if ((await this.stores.calls.offer(offered)) === 'stored') before = await this.stores.calls.answer(event.telephonyCallId, event.operatorId);
    }
    const taken: Payload<'callTaken'> = { telephonyCallId: event.telephonyCallId, operatorId: event.operatorId };
    await this.relay.removeUserFromGroup(AVAILABLE_OPERATORS_GROUP, event.operatorId);
    // The group already heard about a claim by the same operator.
    const groupKnows = before?.status === 'claimed' && before.operatorId === event.operatorId;
    if (before?.notification.claimable && !groupKnows) await this.toGroup('callTaken', taken);
    await this.toUser(event.operatorId, 'callTaken', taken);
  }

  private async closed(event: CallEnded | CallAbandoned, target: 'callEnded' | 'callAbandoned'): Promise<void> {
    const before = await this.stores.calls.close(event.telephonyCallId);
    const holder = (event.type === 'ended' ? event.operatorId : undefined) ?? before?.operatorId;
    const payload = event as Payload<typeof target>;
    if (holder !== undefined) {
      await this.toUser(holder, target, payload);
      // Free again for group offers (unless they still hold another call).
      if ((await this.stores.calls.heldBy(holder)) === undefined) await this.relay.addUserToGroup(AVAILABLE_OPERATORS_GROUP, holder);
    } else {
      await this.toGroup(target, payload);
    }
  }

  /** Claim of a group call: exactly one operator wins; the group is told so their popups close. */
  async claim(telephonyCallId: string, operatorId: string, log: Log): Promise<ClaimCallResult> {
    const outcome = await this.stores.calls.claim(telephonyCallId, operatorId);
    if (!outcome) throw new AppError('not_found', undefined, { field: 'telephonyCallId' });
    if (outcome.won) {
      log.info(`call claimed call=${telephonyCallId} operator=${operatorId}`);
      try {
        await this.relay.removeUserFromGroup(AVAILABLE_OPERATORS_GROUP, operatorId);
        await this.toGroup('callTaken', { telephonyCallId, operatorId });
      } catch (error) {
        // The claim stands; the others' popups close on answered/abandoned instead.
        log.warn(`callTaken push failed call=${telephonyCallId} ${error instanceof Error ? error.name : 'error'}`);
      }
    }
    return { claimed: outcome.claimed, operatorId: outcome.operatorId };
  }

  /** The redirect answer for the SignalR client; an operator holding no call joins the available group. */
  async negotiate(operatorId: string): Promise<NegotiateResponse> {
    const answer = await this.relay.clientNegotiate(operatorId);
    if ((await this.stores.calls.heldBy(operatorId)) === undefined) await this.relay.addUserToGroup(AVAILABLE_OPERATORS_GROUP, operatorId);
    return answer;
  }

  /** What a (re)connecting client must show: calls still waiting for this operator. */
  async waitingCalls(operatorId: string): Promise<CallNotification[]> {
    const busy = (await this.stores.calls.heldBy(operatorId)) !== undefined;
    return this.stores.calls.waitingFor(operatorId, !busy);
  }

  async publishAnnouncement(draft: AnnouncementDraft): Promise<Announcement> {
    const announcement: Announcement = { id: randomUUID(), ...draft, publishedAt: this.now().toISOString() };
    await this.stores.announcements.add(announcement);
    await this.relay.sendToAll('announcement', [announcement]);
    return announcement;
  }

  currentAnnouncements(): Promise<Announcement[]> {
    return this.stores.announcements.current(this.now());
  }

  private toUser<T extends PushTarget>(userId: string, target: T, payload: Payload<T>): Promise<void> {
    return this.relay.sendToUser(userId, target, [payload]);
  }

  private toGroup<T extends PushTarget>(target: T, payload: Payload<T>): Promise<void> {
    return this.relay.sendToGroup(AVAILABLE_OPERATORS_GROUP, target, [payload]);
  }
}
