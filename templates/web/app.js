// The web app's only script, served by the app itself. Every page works without it;
// it adds drag and drop, NOC search-as-you-type, a confirmation before removing, and a busy note.
"use strict";

function setupDropzone(form) {
  const input = form.querySelector("input[type=file]");
  ["dragenter", "dragover"].forEach((name) => form.addEventListener(name, (event) => {
    event.preventDefault();
    form.classList.add("over");
  }));
  ["dragleave", "drop"].forEach((name) => form.addEventListener(name, () => form.classList.remove("over")));
  form.addEventListener("drop", (event) => {
    event.preventDefault();
    if (!event.dataTransfer || !event.dataTransfer.files.length) return;
    input.files = event.dataTransfer.files;
    markBusy(form, form.dataset.busy || "Uploading…");
    form.submit();
  });
}

function markBusy(form, text) {
  const button = form.querySelector("button[type=submit]");
  if (button) {
    button.disabled = true;
    const note = document.createElement("p");
    note.className = "busy-note";
    note.setAttribute("role", "status");
    note.textContent = text;
    form.appendChild(note);
  }
}

function setupNocSearch(input) {
  const list = document.getElementById(input.id + "-suggest");
  const titleHint = document.getElementById(input.id + "-title");
  const titleInput = document.querySelector("[data-noc-title='" + input.id + "']");
  let timer = null;
  let latest = 0;

  function show(hits) {
    list.replaceChildren();
    if (document.activeElement !== input) { list.hidden = true; return; }
    if (hits.length === 1 && hits[0].code === input.value.trim()) {
      titleHint.textContent = hits[0].title + " (TEER " + hits[0].teer + ")";
      list.hidden = true;
      return;
    }
    hits.slice(0, 8).forEach((hit) => {
      const item = document.createElement("li");
      const button = document.createElement("button");
      button.type = "button";
      const code = document.createElement("code");
      code.textContent = hit.code;
      button.append(code, document.createTextNode(hit.title + " (TEER " + hit.teer + ")"));
      if (Array.isArray(hit.duties) && hit.duties.length) {
        const duties = document.createElement("ul");
        duties.className = "noc-duties";
        hit.duties.forEach((duty) => {
          const line = document.createElement("li");
          line.textContent = duty;
          duties.appendChild(line);
        });
        button.appendChild(duties);
      }
      button.addEventListener("click", () => {
        input.value = hit.code;
        titleHint.textContent = hit.title + " (TEER " + hit.teer + ")";
        list.hidden = true;
        input.focus();
      });
      item.appendChild(button);
      list.appendChild(item);
    });
    list.hidden = hits.length === 0;
  }

  async function search(query) {
    const ticket = ++latest;
    try {
      const response = await fetch("/api/noc/search?q=" + encodeURIComponent(query), { credentials: "same-origin" });
      if (!response.ok || ticket !== latest) return;
      const hits = await response.json();
      if (ticket === latest && Array.isArray(hits)) show(hits);
    } catch (error) {
      list.hidden = true;
    }
  }

  function schedule() {
    clearTimeout(timer);
    const query = (input.value.trim() || (titleInput ? titleInput.value.trim() : ""));
    if (query.length < 2) { list.hidden = true; return; }
    timer = setTimeout(() => search(query), 180);
  }

  input.addEventListener("input", () => { titleHint.textContent = ""; schedule(); });
  input.addEventListener("focus", schedule);
  input.addEventListener("blur", () => setTimeout(() => {
    if (!list.contains(document.activeElement)) list.hidden = true;
  }, 150));
  input.addEventListener("keydown", (event) => { if (event.key === "Escape") list.hidden = true; });
  document.addEventListener("click", (event) => {
    if (!list.contains(event.target) && event.target !== input) list.hidden = true;
  });
}

document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("[data-dropzone]").forEach(setupDropzone);
  document.querySelectorAll("input[data-noc-search]").forEach(setupNocSearch);
  document.querySelectorAll("form[data-confirm]").forEach((form) => form.addEventListener("submit", (event) => {
    if (!window.confirm(form.dataset.confirm)) event.preventDefault();
  }));
  document.querySelectorAll("form[data-busy]").forEach((form) => form.addEventListener("submit", () => {
    setTimeout(() => markBusy(form, form.dataset.busy), 0);
  }));
  document.querySelectorAll("input[name$='-current']").forEach((box) => {
    const end = document.getElementById(box.name.replace(/-current$/, "-end"));
    const sync = () => { if (end) end.disabled = box.checked; };
    box.addEventListener("change", sync);
    sync();
  });
});
