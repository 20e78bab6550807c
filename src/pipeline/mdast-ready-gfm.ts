import type { FootnoteDefinition, Nodes as MdastNodes, Parents as MdastParents, Root as MdastRoot } from 'mdast';

/**
 * Readies a GFM tree for reading, in place. It walks without recursion, as the footnotes of third-party text may
 * nest or chain thousands deep, and visits each node a bounded number of times, so its cost grows with the text.
 *
 * - Each footnote's definition leaves the place it was written, and its blocks follow the block that first
 *   references it (inside the same list item or quotation; after the whole table or heading that holds the
 *   reference), notes in the order of their references. Its reference markers are dropped: once they are gone,
 *   standing next to its paragraph is what ties a note to the words it annotates, where a list at the end would
 *   leave a reader to guess. A definition no reference reaches (never referenced, a second definition of one
 *   label, or referenced only from its own text) is read at the end of the report, in the order written, so
 *   no text is lost. (remark-rehype would instead add a "Footnotes" heading, numbers and back arrows as text,
 *   and drop such definitions.)
 * - A table forgets its column alignments, so every row keeps all of its cells: remark-rehype cuts each row to
 *   the width those alignments give, which would drop the text of any cell beyond the header's.
 */
export function readyGfm(tree: MdastRoot): void {
  const definitions: FootnoteDefinition[] = [];
  for (const stack: MdastNodes[] = [tree]; stack.length > 0; ) {
    const node = stack.pop()!;
    if (node.type === 'footnoteDefinition') definitions.push(node);
    if (node.type === 'table') node.align = undefined;
    if (!('children' in node)) continue;
    const children: MdastNodes[] = node.children;
    for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]!);
    if (children.some((child) => child.type === 'footnoteDefinition')) {
      setChildren(node, children.filter((child) => child.type !== 'footnoteDefinition'));
    }
  }
  if (definitions.length === 0) return;
  const byIdentifier = new Map<string, FootnoteDefinition>();
  for (const definition of definitions) if (!byIdentifier.has(definition.identifier)) byIdentifier.set(definition.identifier, definition);
  const placed = new Set<FootnoteDefinition>();

  /** Removes the footnote references in a block that holds no blocks and gives the notes they place, in order. */
  const takeNotes = (block: MdastNodes): FootnoteDefinition[] => {
    const notes: FootnoteDefinition[] = [];
    for (const stack: MdastNodes[] = [block]; stack.length > 0; ) {
      const node = stack.pop()!;
      if (!('children' in node)) continue;
      const children: MdastNodes[] = node.children;
      if (children.some((child) => child.type === 'footnoteReference')) {
        for (const child of children) {
          const note = child.type === 'footnoteReference' ? byIdentifier.get(child.identifier) : undefined;
          if (note && !placed.has(note)) {
            placed.add(note);
            notes.push(note);
          }
        }
        setChildren(node, children.filter((child) => child.type !== 'footnoteReference'));
      }
      for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]!);
    }
    return notes;
  };

  /**
   * Places the notes referenced in a container's blocks, depth first so that "first" is first in reading
   * order: a container met among the blocks is read through before the blocks after it.
   */
  const place = (root: MdastParents) => {
    const frames = [{ container: root, pending: [...root.children].reverse() as MdastNodes[], blocks: [] as MdastNodes[] }];
    while (frames.length > 0) {
      const frame = frames.at(-1)!;
      const block = frame.pending.pop();
      if (!block) {
        setChildren(frame.container, frame.blocks);
        frames.pop();
        continue;
      }
      frame.blocks.push(block);
      if (block.type === 'blockquote' || block.type === 'list' || block.type === 'listItem') {
        frames.push({ container: block, pending: [...block.children].reverse(), blocks: [] });
        continue;
      }
      const notes = takeNotes(block);
      // A tight list item's paragraphs would run into one: a note placed in one makes its list loose.
      if (notes.length > 0 && frame.container.type === 'listItem') frame.container.spread = true;
      for (let note = notes.length - 1; note >= 0; note--) {
        const noteBlocks = notes[note]!.children;
        for (let index = noteBlocks.length - 1; index >= 0; index--) frame.pending.push(noteBlocks[index]!);
      }
    }
  };
  place(tree);
  for (const definition of definitions) {
    if (placed.has(definition)) continue;
    placed.add(definition);
    place(definition);
    tree.children.push(...definition.children);
  }
}

/** Replaces a parent's children with nodes that came from the same kinds of parent, which mdast's types cannot tell. */
function setChildren(parent: MdastParents, children: MdastNodes[]): void {
  (parent as { children: MdastNodes[] }).children = children;
}

