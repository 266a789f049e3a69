// Bürgerservice: the little script the pages need (no inline script: the Content-Security-Policy forbids it).

// htmx requests carry the CSRF token like a form post would.
document.addEventListener('htmx:configRequest', (event) => {
  const header = document.querySelector('meta[name="csrf-header"]');
  const token = document.querySelector('meta[name="csrf-token"]');
  if (header && token) {
    event.detail.headers[header.content] = token.content;
  }
});

// Forms marked data-confirm ask before they submit (delete buttons).
document.addEventListener('submit', (event) => {
  const form = event.target;
  if (form.dataset && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
    event.preventDefault();
  }
});
