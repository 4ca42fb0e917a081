/** A short grey note where data would be. */
export function EmptyNote({ text }: { text: string }) {
  return <p className="swe-empty-note">{text}</p>;
}
