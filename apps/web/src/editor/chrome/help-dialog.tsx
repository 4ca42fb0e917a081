import { Dialog } from './dialog.js';

export const SHORTCUTS: [string, string][] = [
  ['Ctrl/⌘ + S', 'Save'],
  ['Ctrl/⌘ + Enter', 'Test workflow'],
  ['Ctrl/⌘ + Z', 'Undo'],
  ['Ctrl/⌘ + Shift + Z  or  Ctrl + Y', 'Redo'],
  ['Ctrl/⌘ + C / V', 'Copy / paste nodes (as workflow JSON)'],
  ['Ctrl/⌘ + A', 'Select all'],
  ['Delete / Backspace', 'Delete selection'],
  ['Tab', 'Add a node'],
  ['1', 'Zoom to fit'],
  ['Shift + drag', 'Select with a box'],
  ['Shift + click', 'Add to selection'],
  ['Double-click a title', 'Rename the node'],
  ['?', 'This help'],
];

export function HelpDialog(props: { onClose(): void }) {
  return (
    <Dialog title="Keyboard shortcuts" onClose={props.onClose}>
      <table className="swe-shortcuts">
        <tbody>
          {SHORTCUTS.map(([k, v]) => (
            <tr key={k}>
              <td>
                <kbd>{k}</kbd>
              </td>
              <td>{v}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
