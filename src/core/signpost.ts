/**
 * Free, independent debt advice. CONC 7.3.5G expects firms to direct customers in difficulty to it,
 * and fairplan shows it on every report, plan and letter, whatever the figures say.
 */
export const ADVICE_SIGNPOST =
  'Free, independent debt advice is available from MoneyHelper (moneyhelper.org.uk), ' +
  'StepChange, National Debtline and Citizens Advice. It costs nothing and will not affect a credit rating.';
