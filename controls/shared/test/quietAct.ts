/**
 * React 16 warns "not wrapped in act(...)" for every state update a timer or a resolved promise makes (a debounced
 * search, a fetch); React 17+ does not. Call in a describe block: only that warning is dropped, every other error shows.
 */
export function quietReact16ActWarnings(): void {
  let spy: jest.SpyInstance;
  beforeAll(() => {
    const original = console.error.bind(console);
    spy = jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      if (typeof args[0] === 'string' && args[0].includes('not wrapped in act(')) return;
      original(...args);
    });
  });
  afterAll(() => spy.mockRestore());
}
