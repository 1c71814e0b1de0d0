/**
 * What makes managing money harder for a customer (the FCA's drivers of vulnerability), in the
 * advisor's words: the name every screen shows, and in the menu what it covers.
 */
import type { Vulnerability } from '../core/statement.js';

export type Driver = Vulnerability['driver'];

export const DRIVER_NAMES: Readonly<Record<Driver, string>> = {
  health: 'Health',
  'life-events': 'A life event',
  resilience: 'Little to fall back on',
  capability: 'Capability',
  other: 'Something else',
};

const DRIVER_HINTS: Readonly<Record<Driver, string | undefined>> = {
  health: 'physical or mental health, a disability',
  'life-events': 'bereavement, job loss, a relationship ending…',
  resilience: 'low or irregular income, no savings',
  capability: 'reading, numbers, language, confidence with money',
  other: undefined,
};

/** A driver as the menu offers it: its name, then what it covers. */
export function driverChoice(driver: Driver): string {
  const hint = DRIVER_HINTS[driver];
  return hint ? `${DRIVER_NAMES[driver]} (${hint})` : DRIVER_NAMES[driver];
}
