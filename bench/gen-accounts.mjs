#!/usr/bin/env node
// Deterministic generator of a realistic debt-accounts CSV (no deps).
// Usage: node bench/gen-accounts.mjs N [seed] [--households]   -> CSV on stdout (the same seed gives the same file)
// Header: account_id,customer_name,balance,apr,monthly_income,housing,council_tax,
//         utilities,food,transport,other_expenses,pay_frequency,next_pay_date
// --households: a customer_id column first, each customer one to three adjacent accounts sharing
// one budget (for `batch --group-by customer_id`).
const households = process.argv.includes('--households');
const [count, seedArg] = process.argv.slice(2).filter((arg) => arg !== '--households');
const N = Number.parseInt(count ?? '', 10);
const seed = Number.parseInt(seedArg ?? '42', 10) >>> 0;
if (!Number.isFinite(N) || N < 0) {
  process.stderr.write('usage: node gen-accounts.mjs N [seed] [--households]\n');
  process.exit(2);
}

// mulberry32: small, fast, deterministic 32-bit PRNG
let s = seed;
function rnd() {
  s = (s + 0x6d2b79f5) | 0;
  let t = Math.imul(s ^ (s >>> 15), 1 | s);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (a) => a[Math.floor(rnd() * a.length)];
const uni = (lo, hi) => lo + rnd() * (hi - lo);
// log-uniform: realistic skew towards small values
const logUni = (lo, hi) => Math.exp(uni(Math.log(lo), Math.log(hi)));
const pence = (x) => Math.round(x * 100); // integer pence
const money = (p) => {
  const neg = p < 0; if (neg) p = -p;
  const str = `${Math.floor(p / 100)}.${String(p % 100).padStart(2, '0')}`;
  return neg ? `-${str}` : str;
};

const FIRST = ['James', 'Mary', 'Olivia', 'Mohammed', 'Siobhán', 'Chloë', 'Wei', 'Priya',
  'John', 'Sarah', 'Dafydd', 'Aoife', 'Kwame', 'Zofia', 'Liam', 'Emma', 'Noah', 'Ava',
  'Jean-Luc', 'Ana María', 'Tom', 'Grace', 'Ravi', 'Fatima'];
const LAST = ['Smith', 'Jones', 'Williams', 'Brown', 'Taylor', "O'Brien", 'Nguyen', 'Patel',
  'Khan', 'Evans', 'Müller', 'García', 'Kowalski', 'MacDonald', 'Okafor', 'Davies',
  'Wilson', 'Thomas', 'Roberts', 'Van der Berg', 'Ó Súilleabháin', 'Lee'];
const NICK = ['Jim', 'Bob', 'Bella', 'Mo', 'Tommy', 'Liz'];
const FREQ = ['monthly', 'monthly', 'monthly', 'monthly', 'four_weekly', 'fortnightly', 'weekly'];

function csvField(v) {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}
function name() {
  const r = rnd();
  const f = pick(FIRST), l = pick(LAST);
  if (r < 0.08) return `${l}, ${f}`;                  // "Surname, First" -> quoted
  if (r < 0.11) return `${f} "${pick(NICK)}" ${l}`;   // embedded quotes
  if (r < 0.13) return `${f} ${l}, Jr.`;              // comma suffix
  if (r < 0.15) return `Mr & Mrs ${l}`;
  return `${f} ${l}`;
}
const BASE = Date.UTC(2026, 0, 1);
function date() {
  const d = new Date(BASE + Math.floor(rnd() * 60) * 86400000);
  return d.toISOString().slice(0, 10);
}

const out = [];
let buf = `${households ? 'customer_id,' : ''}account_id,customer_name,balance,apr,monthly_income,housing,council_tax,utilities,food,transport,other_expenses,pay_frequency,next_pay_date\n`;
const CHUNK = 1 << 16;

/** One customer's name and budget: the same on each of their accounts. */
function customer() {
  const income = pence(uni(600, 4500));
  const housing = pence(uni(0.15, 0.4) * income / 100);
  const council = pence(uni(60, 220));
  const utilities = pence(uni(60, 260));
  const food = pence(uni(100, 300) + uni(0.02, 0.08) * income / 100);
  const transport = pence(uni(0, 250));
  // other: usually modest, sometimes heavy -> a share of rows have negative disposable income
  const other = rnd() < 0.15 ? pence(uni(0.2, 0.8) * income / 100) : pence(uni(0, 300));
  return { name: csvField(name()), budget: `${money(income)},${money(housing)},${money(council)},${money(utilities)},${money(food)},` +
    `${money(transport)},${money(other)},${pick(FREQ)},${date()}` };
}

let household;
let left = 0;
let customers = 0;
for (let i = 1; i <= N; i++) {
  const id = `ACC${String(i).padStart(9, '0')}`;
  const balance = pence(logUni(50, 25000));
  const aprR = rnd();
  const apr = aprR < 0.12 ? '' : aprR < 0.2 ? '0.00' : uni(3, 49.9).toFixed(2); // some blank / 0% APR
  if (!households || left === 0) {
    household = customer();
    customers++;
    left = households ? 1 + Math.floor(rnd() * 3) : 1;
  }
  left--;
  const line = `${households ? `CUST${String(customers).padStart(9, '0')},` : ''}${id},${household.name},${money(balance)},${apr},${household.budget}\n`;
  buf += line;
  if (buf.length >= CHUNK) { out.push(buf); buf = ''; if (out.length >= 16) { flush(); } }
}
out.push(buf);
flush();

function flush() {
  process.stdout.write(out.join(''));
  out.length = 0;
}
