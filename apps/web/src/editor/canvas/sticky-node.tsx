import { memo, useState } from 'react';
import { NodeResizer, type Node, type NodeProps } from '@xyflow/react';
import type { StickyNote } from '@shopwire/sdk';
import { useEditor } from '../editor-context.js';

export type StickyData = { note: StickyNote };
export type StickyRfNode = Node<StickyData, 'sticky'>;

/** A sticky note: double-click to edit the text, drag the corners to resize. */
export const StickyNodeView = memo(function StickyNodeView({ data, selected }: NodeProps<StickyRfNode>) {
  const { note } = data;
  const { store, readOnly } = useEditor();
  const [editing, setEditing] = useState(false);
  const update = (patch: Partial<StickyNote>) =>
    store.update((d) => ({
      ...d,
      stickyNotes: d.stickyNotes.map((s) => (s.id === note.id ? { ...s, ...patch } : s)),
    }));
  return (
    <div
      className={`swe-sticky${selected ? ' is-selected' : ''}`}
      role="note"
      aria-label="Sticky note"
      style={{ width: note.size[0], height: note.size[1] }}
      onDoubleClick={() => !readOnly && setEditing(true)}
    >
      <NodeResizer
        isVisible={selected && !readOnly}
        minWidth={140}
        minHeight={80}
        onResizeEnd={(_e, p) =>
          store.update((d) => ({
            ...d,
            stickyNotes: d.stickyNotes.map((s) =>
              s.id === note.id
                ? {
                    ...s,
                    size: [Math.round(p.width), Math.round(p.height)],
                    position: [Math.round(p.x), Math.round(p.y)],
                  }
                : s,
            ),
          }))
        }
      />
      {editing ? (
        <textarea
          className="swe-sticky-edit nodrag nowheel"
          aria-label="Sticky note text"
          autoFocus
          defaultValue={note.text}
          onKeyDown={(e) => e.stopPropagation()}
          onBlur={(e) => {
            update({ text: e.currentTarget.value });
            setEditing(false);
          }}
        />
      ) : (
        <div className="swe-sticky-text">{note.text || 'Double-click to write a note'}</div>
      )}
    </div>
  );
});
