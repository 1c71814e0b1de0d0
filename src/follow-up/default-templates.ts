/**
 * fairplan's own words for each kind of message and channel: plain English, short sentences, kind
 * in tone, each with the free advice signpost ({{signpost}}). A text message never says what is
 * owed or uses the word "debt" (a shared phone may be read by others; CONC 7.9.7): its signpost is
 * worded for that. A text fits one part (160 GSM-7 characters; a second part is paid for) with a
 * name of up to 16 letters and the longest date, its signpost and how to stop texts included; a name
 * with a letter GSM-7 lacks (á, ł) makes any text UCS-2, 67 characters a part when longer than 70: three. How to stop a channel is added to every text and email by the renderer, so a
 * firm's own templates cannot leave it out.
 */
import type { MessageKind } from '../core/follow-up/contact.js';

export interface Template {
  readonly subject?: string;
  readonly text: string;
}

export type SendingChannel = 'sms' | 'email' | 'letter';
export type TemplateSet = Readonly<Record<MessageKind, Readonly<Record<SendingChannel, Template>>>>;

/** An email and a letter say the same; only a text message is shorter and more discreet. */
const written = (subject: string, body: string): Template => ({ subject, text: `Hello {{name}},\n\n${body}\n\n{{signpost}}` });

const REMINDER = written(
  'Your next payment is due on {{next_due_date}}',
  'This is a friendly reminder that your next payment of {{next_amount}} is due on {{next_due_date}}.\n\nIf things have changed and this payment is hard to make, please get in touch. We can look at your plan again with you.',
);
const CHECK_IN = written(
  'Checking in about your plan',
  'We have not received your payment of {{next_amount}} that was due on {{next_due_date}}. We wanted to check that you are all right.\n\nHave your circumstances changed? If money is tight at the moment, we can look at your plan again and find an amount that works for you. Just get in touch.',
);
const REVIEW = written(
  'Let us look at your plan together',
  'We would like to check that your payment plan still works for you. Things change, and your plan should be one you can afford.\n\nPlease get in touch when it suits you, and we can look at it together. There is no rush.',
);
const THANKS = written('Thank you: your plan is complete', 'Thank you. You have made every payment in your plan, and it is now complete.');

export const DEFAULT_TEMPLATES: TemplateSet = {
  reminder: {
    sms: { text: 'Hi {{name}}, your next payment is due on {{next_due_date}}. If things have changed, call us. {{signpost}}' },
    email: REMINDER,
    letter: REMINDER,
  },
  'missed-check-in': {
    sms: { text: 'Hi {{name}}, we have not had your latest payment. Has anything changed? We can look at your plan. {{signpost}}' },
    email: CHECK_IN,
    letter: CHECK_IN,
  },
  'review-invitation': {
    sms: { text: 'Hi {{name}}, does your plan still work for you? Please call or reply when it suits you. {{signpost}}' },
    email: REVIEW,
    letter: REVIEW,
  },
  'thank-you': {
    sms: { text: 'Hi {{name}}, thank you. You have made every payment, and your plan is now complete. {{signpost}}' },
    email: THANKS,
    letter: THANKS,
  },
};
