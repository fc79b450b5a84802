/** Ports of the journeys' servers; E2E_PORT_BASE moves them all, so that two checkouts can run side by side. */
export const PORT_BASE = Number(process.env.E2E_PORT_BASE ?? 4321);
export const base = (n: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8): string => `http://127.0.0.1:${PORT_BASE + n}`;
