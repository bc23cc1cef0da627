// Progressive enhancement of the safety map form: clicking a place on the drawn map steps its radio buttons
// through not marked -> red -> amber -> green, and choosing a radio button recolours the place. The form works
// without this script.
const COLOURS = { "": "#ffffff", red: "#d4351c", amber: "#f47738", green: "#00703c" };
const ORDER = ["", "red", "amber", "green"];

const fieldName = (code) => "place_" + code.replace(/[^A-Za-z0-9]/g, "_");

function paint(form, code) {
  const chosen = form.querySelector(`input[name="${fieldName(code)}"]:checked`);
  const colour = chosen ? chosen.value : "";
  for (const shape of document.querySelectorAll(`#map-drawing [data-place="${CSS.escape(code)}"]`)) {
    shape.setAttribute("fill", COLOURS[colour]);
    shape.setAttribute("data-colour", colour || "none");
  }
}

function enhance() {
  const form = document.getElementById("map-form");
  if (!form) return;
  const codes = new Set([...document.querySelectorAll("#map-drawing [data-place]")].map((s) => s.dataset.place));
  for (const code of codes) {
    paint(form, code);
    for (const shape of document.querySelectorAll(`#map-drawing [data-place="${CSS.escape(code)}"]`)) {
      shape.addEventListener("click", () => {
        const chosen = form.querySelector(`input[name="${fieldName(code)}"]:checked`);
        const next = ORDER[(ORDER.indexOf(chosen ? chosen.value : "") + 1) % ORDER.length];
        const radio = form.querySelector(`input[name="${fieldName(code)}"][value="${next}"]`);
        if (radio) radio.checked = true;
        paint(form, code);
      });
    }
    for (const radio of form.querySelectorAll(`input[name="${fieldName(code)}"]`)) {
      radio.addEventListener("change", () => paint(form, code));
    }
  }
}

enhance();
