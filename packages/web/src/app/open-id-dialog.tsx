// Ctrl/Cmd+K opens a box to paste any id form; pasting an id anywhere outside
// a text field opens its story directly.
import { useEffect, useRef, useState } from 'react';
import { findTraceId } from './find-trace-id.ts';
import { storyPath } from './paths.ts';
import { navigate } from './router.tsx';

function inTextField(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/** The global "open a story by id" shortcut and paste handler. */
export function OpenIdDialog() {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        setOpen(true);
      } else if (event.key === 'Escape') setOpen(false);
    };
    const onPaste = (event: ClipboardEvent) => {
      if (inTextField(event.target)) return;
      const id = findTraceId(event.clipboardData?.getData('text') ?? '');
      if (id === null) return;
      event.preventDefault();
      navigate(storyPath(id));
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('paste', onPaste);
    };
  }, []);

  useEffect(() => {
    if (open) input.current?.focus();
  }, [open]);

  if (!open) return null;
  const id = findTraceId(text);
  const submit = () => {
    if (id === null) return;
    setOpen(false);
    setText('');
    navigate(storyPath(id));
  };
  return (
    <div className="dialog-backdrop" onClick={() => setOpen(false)}>
      <form
        className="panel dialog stack"
        role="dialog"
        aria-modal="true"
        aria-label="Open a request story"
        onClick={(event) => event.stopPropagation()}
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <label htmlFor="open-id">Paste a trace id, X-Amzn-Trace-Id header or traceparent</label>
        <input id="open-id" ref={input} value={text} onChange={(event) => setText(event.target.value)} placeholder="1-5759e988-bd862e3fe1be46a994272793" autoComplete="off" />
        <div className="row">
          <button type="submit" className="primary" disabled={id === null}>
            Open story
          </button>
          <span className="muted">{text === '' ? 'Esc closes' : id === null ? 'No id recognised' : `Opens ${id}`}</span>
        </div>
      </form>
    </div>
  );
}
