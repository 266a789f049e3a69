// Knowledge editor: a small toolbar that wraps the selected text of the description in allowed HTML tags.
// The server sanitises whatever arrives, so this is a convenience, not a safeguard.
document.addEventListener('click', (event) => {
  const button = event.target.closest('.toolbar button');
  if (!button) {
    return;
  }
  const area = document.getElementById(button.closest('.toolbar').dataset.editor);
  const start = area.selectionStart;
  const end = area.selectionEnd;
  const selected = area.value.substring(start, end);
  let text;
  if (button.dataset.wrap) {
    text = `<${button.dataset.wrap}>${selected}</${button.dataset.wrap}>`;
  } else if (button.dataset.list) {
    const items = (selected || '').split(/\n/).map((line) => `  <li>${line}</li>`).join('\n');
    text = `<ul>\n${items}\n</ul>`;
  } else {
    const url = window.prompt('https://');
    if (!url) {
      return;
    }
    text = `<a href="${url.replace(/"/g, '')}">${selected || url}</a>`;
  }
  area.setRangeText(text, start, end, 'end');
  area.focus();
});

// Review queue: a checkbox in the table head selects or clears every row's checkbox of the same name.
document.addEventListener('change', (event) => {
  const all = event.target.closest('input[data-select-all]');
  if (!all) {
    return;
  }
  all.closest('form').querySelectorAll(`input[type="checkbox"][name="${all.dataset.selectAll}"]`)
    .forEach((box) => { box.checked = all.checked; });
});
