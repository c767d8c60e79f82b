import * as React from 'react';
import { act, render, waitFor } from '@testing-library/react';
import { TABLES } from '@eer/contract';
import { createWebApiMock } from '../test/contextMock';
import { callRecords } from './callRecords';
import { useCallRecord, type CallRecord } from './useCallRecord';

function setup() {
  const webAPI = createWebApiMock();
  const [call] = webAPI.seed(TABLES.call, [{ eer_name: 'Звонок' }]);
  const records = callRecords(webAPI);
  const seen: { current: CallRecord | null } = { current: null };
  function Probe() {
    seen.current = useCallRecord(records, TABLES.appeal, String(call!.eer_callid));
    return null;
  }
  const view = render(<Probe />);
  return { webAPI, record: () => seen.current!, view };
}

describe('useCallRecord', () => {
  it('creates once, then writes only what changed; a change made while creating goes out after the create', async () => {
    const { webAPI, record } = setup();
    act(() => {
      record().save({ eer_name: 'a', eer_deliverystatus: 1 });
      record().change({ eer_deliverystatus: 2 });
    });
    await waitFor(() => expect(record().state.status).toBe('done'));
    expect(webAPI.createRecord).toHaveBeenCalledTimes(1);
    expect(webAPI.updateRecord).toHaveBeenCalledTimes(1);
    expect(webAPI.updateRecord.mock.calls[0]![2]).toEqual({ eer_deliverystatus: 2 });
    act(() => record().change({ eer_deliverystatus: 2 }));
    await waitFor(() => expect(record().state.status).toBe('done'));
    expect(webAPI.updateRecord).toHaveBeenCalledTimes(1);
    expect(webAPI.tables[TABLES.appeal]).toEqual([expect.objectContaining({ eer_name: 'a', eer_deliverystatus: 2 })]);
  });

  it('a failed create is shown, keeps later changes, and Retry writes it all', async () => {
    const { webAPI, record } = setup();
    webAPI.failNext('createRecord');
    act(() => record().save({ eer_name: 'a', eer_deliverystatus: 1 }));
    await waitFor(() => expect(record().state.status).toBe('error'));
    act(() => record().change({ eer_deliverystatus: 3 }));
    expect(webAPI.createRecord).toHaveBeenCalledTimes(1);
    act(() => record().retry());
    await waitFor(() => expect(record().state.status).toBe('done'));
    expect(webAPI.tables[TABLES.appeal]).toEqual([expect.objectContaining({ eer_deliverystatus: 3 })]);
    expect(record().id).toBe(webAPI.tables[TABLES.appeal]![0]!.eer_appealid);
  });

  it('reset forgets the row: a late answer of the old one changes nothing', async () => {
    const { webAPI, record } = setup();
    act(() => {
      record().save({ eer_name: 'a' });
      record().reset();
    });
    await waitFor(() => expect(webAPI.tables[TABLES.appeal]).toHaveLength(1));
    expect(record().state.status).toBe('idle');
    expect(record().id).toBeNull();
  });
});
