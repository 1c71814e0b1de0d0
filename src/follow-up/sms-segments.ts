/**
 * How many parts a text message is sent in, which is what a firm pays for. Text that fits the GSM-7
 * alphabet takes 160 characters in one part, or 153 a part when split (the rest carries the join);
 * anything else goes as UCS-2: 70, or 67 a part. The extension characters (€ [ ] { } ~ ^ \ |) take
 * two of GSM-7's places each.
 */
const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENSION = '\f^{}\\[~]|€';

const BASIC = new Set(GSM_BASIC);
const EXTENSION = new Set(GSM_EXTENSION);

export interface SmsSize {
  readonly encoding: 'GSM-7' | 'UCS-2';
  readonly segments: number;
}

const parts = (units: number, single: number, each: number): number => (units <= single ? 1 : Math.ceil(units / each));

export function smsSize(text: string): SmsSize {
  let septets = 0;
  for (const char of text) {
    if (BASIC.has(char)) septets += 1;
    else if (EXTENSION.has(char)) septets += 2;
    // UTF-16 code units: a character outside the basic plane (an emoji) takes two.
    else return { encoding: 'UCS-2', segments: parts(text.length, 70, 67) };
  }
  return { encoding: 'GSM-7', segments: parts(septets, 160, 153) };
}
