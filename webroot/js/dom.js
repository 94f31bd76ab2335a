// Small DOM helpers for screens that redraw often: text only through textContent, and lists whose
// nodes are kept and reused by key so a page open for days does not churn or leak nodes.

/** A new element with an optional class and text (set as text, never parsed as markup). */
export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

/** Sets text only when it changed, to spare layout work on every tick. */
export function setText(node, text) {
  const value = text === null || text === undefined ? '' : String(text);
  if (node.textContent !== value) node.textContent = value;
}

export function setClass(node, className) {
  if (node.className !== className) node.className = className;
}

const keyedNodes = new WeakMap();

/**
 * Makes `container`'s children match `items` in order: one node per key, created once with
 * `create(item)`, refreshed with `update(node, item)`; nodes whose key went away are removed.
 */
export function reconcile(container, items, keyOf, create, update) {
  let nodes = keyedNodes.get(container);
  if (!nodes) {
    nodes = new Map();
    keyedNodes.set(container, nodes);
  }
  const keep = new Set();
  let index = 0;
  for (const item of items) {
    const key = keyOf(item);
    keep.add(key);
    let node = nodes.get(key);
    if (!node) {
      node = create(item);
      nodes.set(key, node);
    }
    update(node, item);
    const here = container.children[index];
    if (here !== node) container.insertBefore(node, here ?? null);
    index++;
  }
  for (const [key, node] of nodes) {
    if (!keep.has(key)) {
      node.remove();
      nodes.delete(key);
    }
  }
}

/**
 * Hides the rows of a clipped list that do not fit whole (on a wall a row cut in half reads wrong) and
 * returns how many it hid; a list that is not clipped (a phone's page scrolls) keeps them all.
 */
export function fitRows(list) {
  const rows = [...list.children];
  for (const row of rows) row.classList.remove('is-overflow');
  if (getComputedStyle(list).overflowY !== 'hidden' || list.scrollHeight <= list.clientHeight + 1) return 0;
  const bottom = list.getBoundingClientRect().bottom;
  const cut = rows.filter((row) => row.getBoundingClientRect().bottom > bottom + 1);
  for (const row of cut) row.classList.add('is-overflow');
  return cut.length;
}
