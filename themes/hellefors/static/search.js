// Search with Pagefind, in our own accessible interface.
//
// The page works without this script: it then shows a link to the A–Ö index.
// With it, the form appears; results are announced through the page's polite
// status region (a count, not the whole list), and listed with headings so that
// screen-reader users can jump between them. No inline script or style: the
// strings come from data attributes in the page's language.

const form = document.querySelector("[data-search-form]");
const input = form && form.querySelector("input[type=search]");
const status = document.querySelector("[data-search-status]");
const list = document.querySelector("[data-search-results]");
const indexLink = document.querySelector("[data-search-index-link]");
const fallback = document.querySelector("[data-search-fallback]");
const more = document.querySelector("[data-search-more]");
const BATCH = 20;
const DELAY_MS = 350;

let pagefind = null;
let pending = [];
let latest = 0;
let timer = 0;

function text(name, values) {
  const template = form.dataset[name] || "";
  return template.replace(/\{(\w+)\}/g, (_, key) => String(values[key] ?? ""));
}

async function loadPagefind() {
  if (!pagefind) {
    pagefind = await import(form.dataset.bundle + "pagefind.js");
    await pagefind.options({ baseUrl: form.dataset.bundle.replace(/pagefind\/$/, "") || "/" });
    pagefind.init();
  }
  return pagefind;
}

function excerptNodes(excerpt) {
  // Pagefind marks the matched words with <mark>; keep those and plain text only.
  const doc = new DOMParser().parseFromString(`<p>${excerpt}</p>`, "text/html");
  const nodes = [];
  for (const node of doc.body.firstChild.childNodes) {
    if (node.nodeType === Node.ELEMENT_NODE && node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      nodes.push(mark);
    } else {
      nodes.push(document.createTextNode(node.textContent));
    }
  }
  return nodes;
}

function resultItem(result) {
  const item = document.createElement("li");
  const heading = document.createElement("h2");
  heading.className = "search-result-title";
  const link = document.createElement("a");
  link.href = result.url;
  link.textContent = (result.meta && result.meta.title) || result.url;
  heading.append(link);
  const excerpt = document.createElement("p");
  excerpt.append(...excerptNodes(result.excerpt || ""));
  item.append(heading, excerpt);
  return item;
}

// Add the next batch of results; `focus` moves the keyboard to the first new one.
async function showMore(ticket, focus) {
  const batch = pending.splice(0, BATCH);
  const data = await Promise.all(batch.map((r) => r.data()));
  if (ticket !== latest) return;
  const items = data.map(resultItem);
  list.append(...items);
  list.hidden = list.children.length === 0;
  more.hidden = pending.length === 0;
  if (focus && items.length) items[0].querySelector("a").focus();
}

async function show(search, query, ticket) {
  list.replaceChildren();
  pending = search.results.slice();
  await showMore(ticket, false);
  if (ticket !== latest) return;
  indexLink.hidden = false;
  const total = search.results.length;
  const name = total === 0 ? "textNone" : total === 1 ? "textOne" : "textMany";
  status.textContent = text(name, { count: total, query });
}

async function run(query) {
  const ticket = ++latest;
  query = query.trim();
  const url = new URL(window.location.href);
  if (query) url.searchParams.set("q", query);
  else url.searchParams.delete("q");
  window.history.replaceState(null, "", url);
  if (!query) {
    list.replaceChildren();
    list.hidden = true;
    more.hidden = true;
    pending = [];
    status.textContent = "";
    return;
  }
  try {
    const engine = await loadPagefind();
    const search = await engine.search(query);
    if (ticket === latest) await show(search, query, ticket);
  } catch (error) {
    if (ticket === latest) {
      status.textContent = text("textFailed", {});
      indexLink.hidden = false;
    }
  }
}

if (form && input && status && list && more) {
  more.addEventListener("click", () => showMore(latest, true));
  form.hidden = false;
  if (fallback) fallback.hidden = true;
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    window.clearTimeout(timer);
    run(input.value);
  });
  input.addEventListener("input", () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => run(input.value), DELAY_MS);
  });
  const initial = new URL(window.location.href).searchParams.get("q");
  if (initial) {
    input.value = initial;
    run(initial);
  }
}
