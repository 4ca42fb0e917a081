/** The canvas' box on screen (undefined before it is mounted): new nodes and pastes land inside it. */
export function canvasRect(): DOMRect | undefined {
  return document.querySelector('.swe-canvas')?.getBoundingClientRect();
}
