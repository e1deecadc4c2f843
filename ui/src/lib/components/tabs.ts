export type TabId = 'message' | 'verification' | 'data' | 'redaction' | 'letters' | 'log';

export const TABS: { id: TabId; label: string }[] = [
  { id: 'message', label: 'Message' },
  { id: 'verification', label: 'Verification' },
  { id: 'data', label: 'Data' },
  { id: 'redaction', label: 'Redaction' },
  { id: 'letters', label: 'Letters' },
  { id: 'log', label: 'Log' },
];
