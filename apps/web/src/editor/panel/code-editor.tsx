import { useEffect, useRef } from 'react';
import { EditorView, keymap, placeholder as cmPlaceholder } from '@codemirror/view';
import { EditorState, type Extension } from '@codemirror/state';
import { basicSetup, minimalSetup } from 'codemirror';
import { javascript } from '@codemirror/lang-javascript';
import { autocompletion, type CompletionSource } from '@codemirror/autocomplete';

/**
 * CodeMirror 6 editor for code (full setup) and expressions (minimal setup + completions).
 * Uncontrolled inside: external value changes are applied only when they differ from the editor.
 */
export function CodeEditor(props: {
  value: string;
  onChange(value: string): void;
  ariaLabel: string;
  mode: 'code' | 'expression' | 'json';
  completions?: CompletionSource;
  placeholder?: string;
  invalid?: boolean;
  readOnly?: boolean;
}) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const onChange = useRef(props.onChange);
  onChange.current = props.onChange;
  const completions = useRef(props.completions);
  completions.current = props.completions;

  useEffect(() => {
    if (!host.current) return;
    const extensions: Extension[] = [
      props.mode === 'code' ? basicSetup : minimalSetup,
      javascript(),
      EditorView.lineWrapping,
      EditorView.contentAttributes.of({ 'aria-label': props.ariaLabel, 'aria-multiline': 'true' }),
      EditorView.updateListener.of((u) => {
        if (u.docChanged) onChange.current(u.state.doc.toString());
      }),
      EditorState.readOnly.of(props.readOnly === true),
      // keep canvas shortcuts (Delete, Ctrl+Z…) from firing while typing
      EditorView.domEventHandlers({ keydown: (e) => void e.stopPropagation() }),
    ];
    if (props.placeholder) extensions.push(cmPlaceholder(props.placeholder));
    if (props.mode === 'expression')
      extensions.push(
        autocompletion({
          override: [(ctx) => completions.current?.(ctx) ?? null],
          activateOnTyping: true,
          icons: false,
        }),
        keymap.of([]),
      );
    const v = new EditorView({
      parent: host.current,
      state: EditorState.create({ doc: props.value, extensions }),
    });
    view.current = v;
    return () => v.destroy();
    // the editor is created once per mode, label and read-only flag: value and placeholder are read
    // only at creation on purpose (value sync happens below; recreating would lose cursor and undo)
  }, [props.mode, props.ariaLabel, props.readOnly]);

  useEffect(() => {
    const v = view.current;
    if (!v) return;
    const current = v.state.doc.toString();
    if (current !== props.value)
      v.dispatch({ changes: { from: 0, to: current.length, insert: props.value } });
  }, [props.value]);

  return <div ref={host} className={`swe-cm swe-cm-${props.mode}${props.invalid ? ' is-invalid' : ''}`} />;
}
