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
    uploadEach(form, Array.from(input.files));
  });
  form.addEventListener("submit", (event) => {
    if (!input.files.length || !window.fetch) return;  // the server says what is missing; no script: one POST
    event.preventDefault();
    uploadEach(form, Array.from(input.files));
  });
}

// One file per request, so the page can say which file is being read (OCR takes seconds a photo) and what
// each gave; the page stays usable meanwhile. At the end, the documents page shows the summary of them all.
async function uploadEach(form, files) {
  const button = form.querySelector("button[type=submit]");
  if (button) button.disabled = true;
  const csrf = form.querySelector("input[type=hidden]");
  const list = document.createElement("ol");
  list.className = "upload-progress";
  list.setAttribute("aria-live", "polite");
  const rows = files.map((file) => {
    const row = document.createElement("li");
    row.textContent = file.name + ": waiting";
    list.appendChild(row);
    return row;
  });
  form.appendChild(list);
  const tokens = [];
  for (let index = 0; index < files.length; index++) {
    const file = files[index], row = rows[index];
    row.className = "busy";
    row.textContent = file.name + ": uploading and reading (" + (index + 1) + " of " + files.length + ")…";
    const data = new FormData();
    data.append(csrf.name, csrf.value);
    data.append("files", file, file.name);
    try {
      const response = await fetch(form.action, { method: "POST", body: data, credentials: "same-origin",
                                                  headers: { Accept: "application/json" } });
      const answer = await response.json();
      if (answer.token) tokens.push(answer.token);
      const said = (answer.errors || []).concat(answer.summary || [], answer.notices || []);
      row.className = (answer.errors || []).length ? "refused" : "done";
      row.textContent = file.name + ": " + (said.join(" ").replace(/^1 read/, "read") || "kept.");
    } catch (error) {
      row.className = "refused";
      row.textContent = file.name + ": the upload failed (" + error + "); add it again.";
    }
  }
  window.location.assign(form.action + (tokens.length ? "?done=" + tokens.join(",") : ""));
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
