// Refuse, before sending, a set of files larger than the server accepts or of a kind it does not read,
// with the same clear message the server gives (the server checks again by content).
const form = document.getElementById("upload-form");
const input = document.getElementById("id_files");
const box = document.getElementById("file-error");
const text = document.getElementById("file-error-text");
const allowed = [".docx", ".pdf", ".txt"];

function problem() {
  const limit = Number(input.dataset.maxBytes || 2097152);
  const files = Array.from(input.files || []);
  const total = files.reduce((sum, f) => sum + f.size, 0);
  const wrong = files.find((f) => !allowed.some((ext) => f.name.toLowerCase().endsWith(ext)));
  if (wrong) return `${wrong.name} must be a Word document (.docx), PDF or plain text file`;
  if (total > limit) {
    const mb = (total / 1048576).toFixed(1);
    return `The selected files must be smaller than ${Math.round(limit / 1048576)} MB in all (they are ${mb} MB)`;
  }
  return "";
}

function show(message) {
  text.textContent = message;
  box.hidden = !message;
  if (message) box.focus();
}

if (form && input) {
  input.addEventListener("change", () => show(problem()));
  form.addEventListener("submit", (event) => {
    const message = problem();
    if (message) {
      event.preventDefault();
      show(message);
    }
  });
}
