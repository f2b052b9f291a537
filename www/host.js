// A host page's own script: Isnad must leave its keyboard and selection handling alone.
window.hostSeen = { keys: [], selections: 0 };
document.addEventListener('keydown', (e) => window.hostSeen.keys.push(e.key));
document.addEventListener('selectionchange', () => {
  window.hostSeen.selections += 1;
});
