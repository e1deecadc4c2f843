// One status line for the whole window (#toast). Errors stay until replaced or
// dismissed; other messages fade after a while.
export type ToastKind = 'info' | 'success' | 'error';

export const toast = $state({ text: '', kind: 'info' as ToastKind, serial: 0 });

let timer: ReturnType<typeof setTimeout> | undefined;

export function showToast(text: string, kind: ToastKind = 'info'): void {
  toast.text = text;
  toast.kind = kind;
  toast.serial++;
  clearTimeout(timer);
  if (kind !== 'error') timer = setTimeout(clearToast, 10_000);
}

export function clearToast(): void {
  clearTimeout(timer);
  toast.text = '';
}
