/* The work-plan archive: small progressive enhancements; every page reads fine without this file.
   - search: the header link opens a <dialog>; Pagefind (pagefind/pagefind.js) loads on first open
   - citations: a 引用 button on every item heading copies 《plan title》第N条 (第N条第（M）项 for a
     sub-item) + its URL
   - plan pages: "go to item N"; each item's URL for print
   - tables: click a column header to sort */
(function () {
  "use strict";

  // The site root as an absolute URL. base_url is relative ("../..") except on 404.html ("/repo/").
  function siteRoot() {
    var dialog = document.getElementById("archive-search");
    var base = (dialog && dialog.getAttribute("data-site-root")) || ".";
    return new URL(base.replace(/\/+$/, "") + "/", location.href);
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.textContent = text;
    return node;
  }

  /* ---------- search ----------
     Items are Pagefind records of their own (builder/render/search_data.py), indexed a Chinese
     character at a time, so a query spelt out as a quoted run of characters is Pagefind's exact
     phrase search: the items whose visible text holds the query itself. Those come first and are
     counted; items that only share characters with it follow as 相关条目, never counted. A query is
     read in the archive's characters (half width, simplified: search/t2s.json). A query that names
     a theme shows the theme first. With no query, the filters browse items. The query and filters
     live in the URL, so a search can be shared and the back button returns to it. */

  var PAGE = 10; // items shown at a time (each costs a request: a phone shows about five)
  var RELATED = 10; // related items shown under the exact ones
  var FILTERS = ["theme", "year", "place1", "place2", "place3"];
  var pagefind = null; // the module, once loaded
  var lookups = null; // themes and traditional → simplified, once loaded
  var words = null; // the archive's words, loaded only when a query matches nothing
  var searchSeq = 0; // drops answers to queries that were superseded while in flight

  function fetchJson(path) {
    return fetch(new URL(path, siteRoot()).href).then(function (r) {
      if (!r.ok) throw new Error(path + " " + r.status);
      return r.json();
    });
  }

  function loadSearch() {
    if (!pagefind) {
      var root = siteRoot();
      pagefind = import(new URL("pagefind/pagefind.js", root).href).then(function (pf) {
        return pf.options({ baseUrl: root.pathname }).then(function () {
          // The index's words are ours, in the language "und" (builder/render/search_words.py).
          // Pagefind reads the language from <html lang> as it starts, and in zh it would cut a
          // query into words of its own: so it starts while the page says "und", for that moment.
          var html = document.documentElement;
          var lang = html.getAttribute("lang");
          html.setAttribute("lang", "und");
          try { pf.init(); } finally { html.setAttribute("lang", lang); }
          return pf;
        });
      });
      lookups = Promise.all([fetchJson("search/themes.json"), fetchJson("search/t2s.json")]).then(function (both) {
        return { themes: both[0], t2s: both[1] };
      });
    }
    return Promise.all([pagefind, lookups]);
  }

  // The archive's own spelling of a text: half width (NFKC), simplified, no spaces.
  function folded(text, t2s) {
    return foldWithMap(text || "", t2s).text;
  }

  // The folded text, and for each of its characters the index of the character it came from.
  function foldWithMap(text, t2s) {
    var out = "";
    var map = [];
    for (var i = 0; i < text.length; i++) {
      var piece = text[i].normalize("NFKC").toLowerCase();
      for (var j = 0; j < piece.length; j++) {
        var ch = piece[j];
        if (/[\s\u200b]/.test(ch)) continue;
        out += t2s[ch] || ch;
        map.push(i);
      }
    }
    return { text: out, map: map };
  }

  // "课后服务" “课后服务” 「课后服务」: a quoted phrase is matched only as a phrase.
  function parseQuery(raw) {
    var text = raw.trim();
    var quoted = /^["“”「『'‘](.+?)["“”」』'’]$/.exec(text);
    return { text: quoted ? quoted[1].trim() : text, quoted: Boolean(quoted) };
  }

  // Index words and text (builder/render/search_words.py): a run of Chinese characters is indexed
  // as its neighbouring pairs (课后服务 → 课后 后服 服务), each pair also as its two characters;
  // other letters and digits (2020, 5G) as whole words. A query is written the same way and, quoted,
  // found as consecutive words: a substring search. Punctuation only separates.
  var HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
  var UNIT = /[\u3400-\u9fff\uf900-\ufaff]|(?:(?![\u3400-\u9fff\uf900-\ufaff])[\p{L}\p{N}])+/gu;
  var PAIR = /^(?:([^\p{L}\p{N}]*)\|)?([\u3400-\u9fff\uf900-\ufaff])\|([\u3400-\u9fff\uf900-\ufaff])(?:\|([^\p{L}\p{N}]*))?$/u;

  function queryWords(needle) {
    var words = [];
    var run = [];
    var end = 0;
    function close() {
      if (run.length === 1) words.push(run[0]);
      for (var i = 1; i < run.length; i++) words.push(run[i - 1] + run[i]);
      run = [];
    }
    var unit;
    UNIT.lastIndex = 0;
    while ((unit = UNIT.exec(needle))) {
      if (unit.index > end) close(); // something between: the run ends
      if (HAN.test(unit[0]) && unit[0].length === 1) run.push(unit[0]);
      else { close(); words.push(unit[0].toLowerCase()); }
      end = unit.index + unit[0].length;
    }
    close();
    return words.join(" ");
  }

  // The text of a record (its content, or a meta value) from its index words.
  function textOf(words) {
    if (!words) return "";
    var split = words.split(" ");
    var out = "";
    split.forEach(function (word, at) {
      var pair = PAIR.exec(word);
      if (!pair) { out += word; return; }
      var following = split[at + 1] || "";
      if (pair[4] === undefined && following.indexOf(pair[3] + "|") === 0) out += (pair[1] || "") + pair[2];
      else out += (pair[1] || "") + pair[2] + pair[3] + (pair[4] || "");
    });
    return out.replace(/\u2423/g, " ");
  }

  // A result as the visitor reads it: title, plan, place and text back from their index words.
  function readable(data) {
    var meta = Object.assign({}, data.meta);
    meta.title = textOf(meta.title); // the plan and place are stored as they read (search_data.py)
    return { url: data.url, meta: meta, text: textOf(data.content) };
  }

  function escapeHtml(text) {
    return text.replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  // Where the query sits in the item's own text, with a little of what surrounds it, the query
  // marked: built from the visible text only. Returns null when the text does not hold it.
  function exactExcerpt(content, needle, t2s) {
    var found = foldWithMap(content, t2s);
    var map = found.map;
    var at = needle ? found.text.indexOf(needle) : -1;
    if (at < 0) return null;
    var marked = [];
    for (var i = map[at]; i <= map[at + needle.length - 1]; i++) marked[i] = true;
    return markedExcerpt(content, marked, map[at]);
  }

  // An item that only shares words with the query: the query's character pairs marked where the
  // item has them (its opening words when it has none).
  function nearExcerpt(content, needle, t2s) {
    var found = foldWithMap(content, t2s);
    var marked = [];
    var first = -1;
    for (var i = 0; i + 1 < found.text.length; i++) {
      var pair = found.text.substr(i, 2);
      if (needle.length > 1 ? needle.indexOf(pair) >= 0 : pair[0] === needle) {
        var from = found.map[i];
        var to = needle.length > 1 ? found.map[i + 1] : from;
        for (var j = from; j <= to; j++) marked[j] = true;
        if (first < 0) first = from;
      }
    }
    return markedExcerpt(content, marked, Math.max(first, 0));
  }

  // About 64 characters of the text around `at`, the characters flagged in `marked` in <mark>.
  function markedExcerpt(content, marked, at) {
    var from = Math.max(0, at - 24);
    var to = Math.min(content.length, from + 64);
    var html = from > 0 ? "…" : "";
    for (var i = from; i < to; ) {
      var j = i;
      while (j < to && Boolean(marked[j]) === Boolean(marked[i])) j++;
      var piece = escapeHtml(content.slice(i, j));
      html += marked[i] ? "<mark>" + piece + "</mark>" : piece;
      i = j;
    }
    return html + (to < content.length ? "…" : "");
  }

  function selected(dialog) {
    var filters = {};
    FILTERS.forEach(function (name) {
      var select = dialog.querySelector("select[name=" + name + "]");
      if (select && select.value) filters[name] = select.value;
    });
    return filters;
  }

  function writeUrl(raw, filters) {
    var params = new URLSearchParams(location.search);
    ["q"].concat(FILTERS).forEach(function (name) { params.delete(name); });
    if (raw) params.set("q", raw);
    FILTERS.forEach(function (name) { if (filters[name]) params.set(name, filters[name]); });
    var search = params.toString();
    history.replaceState(history.state, "", location.pathname + (search ? "?" + search : "") + location.hash);
  }

  function hitNode(data, excerptHtml) {
    var li = el("li", "archive-hit");
    var a = el("a");
    a.href = data.url;
    a.appendChild(el("span", "archive-hit__title", data.meta.title || ""));
    var where = [data.meta.plan, data.meta.year ? data.meta.year + "年" : "", data.meta.place || ""];
    a.appendChild(el("span", "archive-hit__plan", where.filter(Boolean).join(" · ")));
    if (excerptHtml) {
      var excerpt = el("span", "archive-hit__excerpt");
      excerpt.innerHTML = excerptHtml; // escaped text plus <mark>: ours, or Pagefind's
      a.appendChild(excerpt);
    }
    li.appendChild(a);
    return li;
  }

  function themeCard(theme) {
    var li = el("li", "archive-theme-card");
    var a = el("a");
    a.href = new URL(theme.url, siteRoot()).href;
    a.appendChild(el("span", "archive-theme-card__name", "主题：" + theme.name));
    var years = theme.years.length ? "，" + theme.years[0] + (theme.years.length > 1 ? "–" + theme.years[theme.years.length - 1] : "") + "年" : "";
    a.appendChild(el("span", "archive-theme-card__facts", theme.items + " 条，来自 " + theme.plans + " 份工作要点" + years));
    li.appendChild(a);
    var browse = el("button", "archive-theme-card__browse", "在搜索中列出这 " + theme.items + " 条");
    browse.type = "button";
    browse.setAttribute("data-theme", theme.name);
    li.appendChild(browse);
    return li;
  }

  function namedTheme(query, look) {
    var needle = folded(query, look.t2s);
    return look.themes.find(function (theme) {
      return theme.words.some(function (word) { return folded(word, look.t2s) === needle; });
    });
  }

  // Words of the archive near an absent query: those sharing its rarer characters (托育 → 托幼,
  // 托管 before 体育, 教育: 托 is in few words, 育 in many).
  function nearWords(query, all) {
    var inWords = {};
    all.forEach(function (word) { Array.from(new Set(Array.from(word))).forEach(function (c) { inWords[c] = (inWords[c] || 0) + 1; }); });
    var chars = Array.from(new Set(Array.from(query)));
    var scored = [];
    all.forEach(function (word, rank) {
      if (word === query || word.length > 6) return;
      var score = 0;
      chars.forEach(function (c) { if (word.indexOf(c) >= 0) score += 1 / Math.log(2 + inWords[c]); });
      if (score) scored.push({ word: word, score: score, rank: rank });
    });
    scored.sort(function (a, b) { return b.score - a.score || a.rank - b.rank; });
    return scored.slice(0, 8).map(function (s) { return s.word; });
  }

  function showSuggestions(dialog, query, seq) {
    var box = dialog.querySelector(".archive-search__suggest");
    words = words || fetchJson("search/words.json");
    words.then(function (all) {
      if (seq !== searchSeq) return;
      var near = nearWords(query, all);
      if (!near.length) return;
      box.appendChild(el("span", null, "相近的词："));
      near.forEach(function (word) {
        var b = el("button", "archive-search__word", word);
        b.type = "button";
        b.setAttribute("data-word", word);
        box.appendChild(b);
      });
      box.hidden = false;
    });
  }

  function updateFilterCounts(dialog, counts) {
    if (!counts) return;
    FILTERS.forEach(function (name) {
      var select = dialog.querySelector("select[name=" + name + "]");
      if (!select || !select.options.length || select.getAttribute("data-filled") !== "1") return;
      var values = counts[name] || {};
      if (/^place[23]$/.test(name)) fillSelect(select, values, true); // the places within the one above
      else Array.prototype.forEach.call(select.options, function (option) {
        if (option.value) option.textContent = option.value + "（" + (values[option.value] || 0) + "）";
      });
    });
  }

  function fillSelect(select, values, onlyPresent) {
    var keep = select.value;
    var names = Object.keys(values).filter(function (n) { return !onlyPresent || values[n] > 0; });
    var rank = function (name) { return name === "全国" ? 0 : name === "其他" ? 2 : 1; };
    names.sort(function (a, b) {
      if (select.name === "year") return Number(b) - Number(a);
      return rank(a) - rank(b) || a.localeCompare(b, "zh-CN");
    });
    while (select.options.length > 1) select.remove(1);
    names.forEach(function (name) {
      var option = el("option", null, name + "（" + values[name] + "）");
      option.value = name;
      select.appendChild(option);
    });
    if (keep && names.indexOf(keep) >= 0) select.value = keep;
    select.setAttribute("data-filled", "1");
    var label = select.closest("label");
    if (/^place[23]$/.test(select.name)) {
      var above = select.form.querySelector("select[name=place" + (Number(select.name.slice(-1)) - 1) + "]");
      label.hidden = !(above && above.value) || !names.length;
      if (label.hidden) select.value = "";
    } else {
      label.hidden = !names.length;
    }
  }

  function runSearch(dialog, options) {
    // A search asked for after the dialog closed (the filters' lists arriving late, on a slow
    // phone) is moot, and would write its query back into the address the closing cleared.
    if (!dialog.open) return Promise.resolve();
    options = options || {};
    var input = dialog.querySelector("input[type=search]");
    var status = dialog.querySelector(".archive-search__status");
    var list = dialog.querySelector(".archive-search__results");
    var more = dialog.querySelector(".archive-search__more");
    var suggest = dialog.querySelector(".archive-search__suggest");
    var raw = input.value.trim();
    var query = parseQuery(raw);
    var filters = selected(dialog);
    var seq = ++searchSeq;
    writeUrl(raw, filters);
    more.hidden = true;
    if (!query.text && !Object.keys(filters).length) {
      list.textContent = "";
      list.removeAttribute("aria-busy");
      status.textContent = "";
      suggest.hidden = true;
      suggest.textContent = "";
      if (dialog.querySelector("select[data-filled='1']")) { // the filters show the whole archive's counts
        return loadSearch().then(function (loaded) { return loaded[0].filters(); }).then(function (all) {
          if (seq === searchSeq) updateFilterCounts(dialog, all);
        });
      }
      return Promise.resolve();
    }
    status.textContent = "正在搜索……";
    return loadSearch().then(function (loaded) {
      var pf = loaded[0];
      var look = loaded[1];
      if (seq !== searchSeq) return null;
      var needle = folded(query.text, look.t2s);
      var words = queryWords(needle);
      if (!words) return pf.search(null, { filters: filters }).then(function (search) {
        if (!search || seq !== searchSeq) return null;
        updateFilterCounts(dialog, search.filters);
        return browse(dialog, search, seq);
      });
      var wait = options.now ? 0 : 80; // ms after the last keystroke: typing fast, one search
      // The exact items are shown as soon as they are found; the theme's other items and the
      // related ones are looked up next and added below them (the list is aria-busy till then).
      return pf.debouncedSearch('"' + words + '"', { filters: filters }, wait).then(function (exact) {
        if (!exact || seq !== searchSeq) return null;
        var theme = namedTheme(query.text, look);
        list.textContent = "";
        list.setAttribute("aria-busy", "true");
        suggest.textContent = "";
        suggest.hidden = true;
        updateFilterCounts(dialog, exact.filters);
        if (theme) list.appendChild(themeCard(theme));
        var shown = "“" + query.text + "”";
        var said = exact.results.length ? exact.results.length + " 条包含" + shown
          : "没有条目包含" + shown + (theme ? "；“" + theme.name + "”是一个主题，见下" : "");
        if (!exact.results.length) showSuggestions(dialog, needle, seq);
        var exactList = el("li", "archive-search__group");
        var inner = el("ol");
        exactList.appendChild(inner);
        list.appendChild(exactList);
        var themeGroup = el("li", "archive-search__group"); // each added when it has items
        var after = el("li", "archive-search__group");
        var ids = {};
        exact.results.forEach(function (r) { ids[r.id] = true; });
        var first = pageThrough(dialog, exact.results, inner, seq, function (data) {
          return exactExcerpt(data.text, needle, look.t2s) || nearExcerpt(data.text, needle, look.t2s);
        }, false, function (data) { return folded(data.meta.title, look.t2s).indexOf(needle) >= 0; }).then(function () {
          // Said once the items are there: a screen reader (and a test) hears the count with them.
          if (seq === searchSeq) status.textContent = said;
        });
        // Only then the rest: Pagefind's worker answers one request at a time, and these two
        // searches would hold up the first items' excerpts.
        var rest = first.then(function () {
          if (seq !== searchSeq) return null;
          // A query naming a theme also lists the theme's items: found through the theme, not its words.
          var tagged = theme ? pf.search(null, { filters: Object.assign({}, filters, { theme: theme.name }) }) : null;
          // Related: items holding the query's pairs anywhere; for an absent query, its characters.
          var loose = exact.results.length ? words : (needle.match(UNIT) || []).join(" ");
          var related = query.quoted ? null : pf.search(loose, { filters: filters });
          return Promise.all([tagged, related]);
        }).then(function (found) {
          if (!found || seq !== searchSeq) return null;
          var themed = found[0] ? found[0].results.filter(function (r) { return !ids[r.id]; }) : [];
          themed.forEach(function (r) { ids[r.id] = true; });
          var near = found[1] ? found[1].results.filter(function (r) { return !ids[r.id]; }).slice(0, RELATED) : [];
          var themedShown = null;
          if (themed.length) {
            list.appendChild(themeGroup);
            themeGroup.appendChild(el("h3", null, "主题“" + theme.name + "”的其他 " + themed.length + " 条"));
            themedShown = pageThrough(dialog, themed, themeGroup.appendChild(el("ol")), seq, null, true);
          }
          return Promise.all([themedShown, Promise.all(near.map(function (r) { return r.data().then(readable); }))]).then(function (both) {
            var nearData = both[1];
            if (seq !== searchSeq || !nearData.length) return;
            list.appendChild(after);
            after.appendChild(el("h3", null, "相关条目（含其中的字词，不计入上面的条数）"));
            var nearList = after.appendChild(el("ol"));
            nearData.forEach(function (data) { nearList.appendChild(hitNode(data, nearExcerpt(data.text, needle, look.t2s))); });
          });
        });
        return rest.then(function () { if (seq === searchSeq) list.removeAttribute("aria-busy"); });
      });
    }).catch(function (error) {
      status.textContent = "搜索暂不可用（" + error.message + "）";
    });
  }

  // Results PAGE at a time into `into`; "显示更多" loads the next ones.
  // `ownButton`: a "显示更多" of the group's own (else the dialog's); `first`: what comes first among
  // each page of results (an item whose title holds the query).
  function pageThrough(dialog, results, into, seq, excerpt, ownButton, first) {
    var more = ownButton ? into.parentNode.appendChild(el("button", "archive-search__more", "显示更多")) :
      dialog.querySelector(".archive-search__more");
    more.type = "button";
    var shown = 0;
    function next() {
      var slice = results.slice(shown, shown + PAGE);
      shown += slice.length;
      return Promise.all(slice.map(function (r) { return r.data().then(readable); })).then(function (datas) {
        if (seq !== searchSeq) return;
        if (first) datas = datas.filter(first).concat(datas.filter(function (d) { return !first(d); }));
        datas.forEach(function (data) { into.appendChild(hitNode(data, excerpt ? excerpt(data) : null)); });
        more.hidden = shown >= results.length;
        more.onclick = next;
      });
    }
    return next();
  }

  // No query: the filters' items, newest plans first.
  function browse(dialog, search, seq) {
    var list = dialog.querySelector(".archive-search__results");
    var suggest = dialog.querySelector(".archive-search__suggest");
    list.textContent = "";
    list.removeAttribute("aria-busy");
    suggest.hidden = true;
    var group = el("li", "archive-search__group");
    var inner = el("ol");
    group.appendChild(inner);
    list.appendChild(group);
    return pageThrough(dialog, search.results, inner, seq, null).then(function () {
      if (seq === searchSeq) dialog.querySelector(".archive-search__status").textContent = "共 " + search.results.length + " 条";
    });
  }

  function resultLinks(dialog) {
    return Array.prototype.slice.call(dialog.querySelectorAll(".archive-hit a"));
  }

  function setUpSearch() {
    var dialog = document.getElementById("archive-search");
    var openers = document.querySelectorAll("[data-archive-search-open]");
    if (!dialog || typeof dialog.showModal !== "function") return; // no <dialog>: the opener stays a link
    var input = dialog.querySelector("input[type=search]");
    var details = dialog.querySelector(".archive-search__filters");
    var composing = false;

    function fillFilters() {
      loadSearch().then(function (loaded) {
        return loaded[0].filters();
      }).then(function (all) {
        FILTERS.forEach(function (name) {
          var select = dialog.querySelector("select[name=" + name + "]");
          if (select && select.getAttribute("data-filled") !== "1") fillSelect(select, all[name] || {}, false);
        });
        runSearch(dialog, { now: true });
      });
    }

    function open(event) {
      if (event) event.preventDefault();
      if (!dialog.open) dialog.showModal();
      input.focus();
      loadSearch();
    }

    function close() {
      if (dialog.open) dialog.close();
      writeUrl("", {}); // now: the dialog's close event comes a task later
    }

    openers.forEach(function (opener) { opener.addEventListener("click", open); });
    // The home page's own search box: its query, in the dialog.
    var homeForm = document.querySelector("[data-home-search]");
    if (homeForm) {
      homeForm.addEventListener("submit", function (event) {
        event.preventDefault();
        var query = homeForm.querySelector("input").value.trim();
        open();
        input.value = query;
        if (query) runSearch(dialog, { now: true });
      });
    }
    dialog.querySelector("[data-archive-search-close]").addEventListener("click", close);
    dialog.addEventListener("close", function () { writeUrl("", {}); });
    dialog.addEventListener("click", function (event) {
      var target = event.target;
      if (target === dialog) { close(); return; } // a click on the backdrop
      var link = target.closest(".archive-hit a, .archive-theme-card a");
      if (link) {
        // Another page: the browser goes there, and this page keeps the search in its address (and,
        // from the back-forward cache, the open dialog) for the back button. This page: close.
        if (link.pathname === location.pathname) dialog.close();
        return;
      }
      var word = target.closest("[data-word]");
      if (word) { input.value = word.getAttribute("data-word"); runSearch(dialog, { now: true }); input.focus(); }
      var theme = target.closest("[data-theme]");
      if (theme) {
        input.value = "";
        details.open = true;
        var select = dialog.querySelector("select[name=theme]");
        var option = el("option", null, theme.getAttribute("data-theme"));
        option.value = theme.getAttribute("data-theme");
        if (!Array.prototype.some.call(select.options, function (o) { return o.value === option.value; })) select.appendChild(option);
        select.value = option.value;
        select.closest("label").hidden = false;
        runSearch(dialog, { now: true });
      }
    });
    dialog.querySelector("form").addEventListener("submit", function (event) { event.preventDefault(); });
    // Typing letter by letter waits for a pause (80 ms); a paste arrives whole: search at once.
    input.addEventListener("input", function (event) {
      if (!composing) runSearch(dialog, { now: event.inputType === "insertFromPaste" || event.inputType === "insertFromDrop" });
    });
    input.addEventListener("compositionstart", function () { composing = true; });
    // A committed composition is the query as meant (never a key on the way to it): search at once.
    input.addEventListener("compositionend", function () { composing = false; runSearch(dialog, { now: true }); });
    dialog.addEventListener("keydown", function (event) {
      var links = resultLinks(dialog);
      var at = links.indexOf(document.activeElement);
      if (event.key === "Escape") { // closes at once (a search field would first clear itself)
        event.preventDefault();
        close();
      } else if (event.key === "ArrowDown" && links.length) {
        event.preventDefault();
        links[Math.min(at + 1, links.length - 1)].focus();
      } else if (event.key === "ArrowUp" && at >= 0) {
        event.preventDefault();
        if (at === 0) input.focus(); else links[at - 1].focus();
      } else if (event.key === "Enter" && document.activeElement === input && !composing && !event.isComposing) {
        event.preventDefault();
        if (links.length) links[0].click();
        else runSearch(dialog, { now: true });
      }
    });
    details.addEventListener("toggle", function () { if (details.open) fillFilters(); });
    dialog.querySelectorAll("select").forEach(function (select) {
      select.addEventListener("change", function () {
        var level = /^place(\d)$/.exec(select.name);
        if (level) { // a new place empties the places below it
          for (var n = Number(level[1]) + 1; n <= 3; n++) {
            var below = dialog.querySelector("select[name=place" + n + "]");
            below.value = "";
            below.closest("label").hidden = n > Number(level[1]) + 1 || !select.value;
          }
        }
        runSearch(dialog, { now: true });
      });
    });
    document.addEventListener("keydown", function (event) {
      var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement && document.activeElement.tagName);
      if (event.key === "/" && !typing && !dialog.open) { event.preventDefault(); open(); }
    });
    // ?q=双减&year=2020 (a shared search, or the back button): open with that search.
    reopen();
    window.addEventListener("pageshow", function (event) { if (event.persisted) reopen(); }); // back, from the cache
  }

  function reopen() {
    var dialog = document.getElementById("archive-search");
    var input = dialog.querySelector("input[type=search]");
    var details = dialog.querySelector(".archive-search__filters");
    var params = new URLSearchParams(location.search);
    var wanted = FILTERS.filter(function (name) { return params.get(name); });
    if (params.get("q") || wanted.length) {
      input.value = params.get("q") || "";
      if (!dialog.open) dialog.showModal();
      input.focus();
      wanted.forEach(function (name) {
        var select = dialog.querySelector("select[name=" + name + "]");
        if (!Array.prototype.some.call(select.options, function (o) { return o.value === params.get(name); })) {
          var option = el("option", null, params.get(name));
          option.value = params.get(name);
          select.appendChild(option);
        }
        select.value = params.get(name);
        select.closest("label").hidden = false;
      });
      if (wanted.length) details.open = true;
      runSearch(dialog, { now: true });
    }
  }

  /* ---------- plan pages: citations, go to item, print URLs ---------- */

  function itemNumber(heading) {
    var match = heading.textContent.match(/^\s*[（(]?\s*(\d+)/);
    return match ? match[1] : "";
  }

  // The clipboard API where there is one (and the page is https or localhost); else the older way,
  // a selected text field and "copy", which WeChat's in-app browser still supports.
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () { return copyBySelection(text); });
    }
    return copyBySelection(text);
  }

  function copyBySelection(text) {
    return new Promise(function (resolve, reject) {
      var area = el("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.top = "0";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      area.setSelectionRange(0, text.length); // iOS selects nothing otherwise
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (error) { ok = false; }
      area.remove();
      if (ok) resolve(); else reject(new Error("copy failed"));
    });
  }

  // What a citation names: the plan (data-cite-* on its metadata list, plan.md.j2) and the item.
  function planFacts(meta) {
    var canonical = document.querySelector("link[rel=canonical]"); // there when SITE_URL is set
    return {
      title: meta.getAttribute("data-cite-title"),
      issuers: (meta.getAttribute("data-cite-issuers") || "").split("|").filter(Boolean),
      date: meta.getAttribute("data-cite-date") || "", // YYYY-MM-DD
      docNumber: meta.getAttribute("data-cite-doc-number") || "",
      page: (canonical ? canonical.href : location.href).split("#")[0].split("?")[0],
    };
  }

  function chineseDate(iso) {
    var p = iso.split("-");
    return p.length === 3 ? Number(p[0]) + "年" + Number(p[1]) + "月" + Number(p[2]) + "日" : iso;
  }

  function today() {
    var d = new Date();
    var two = function (n) { return (n < 10 ? "0" : "") + n; };
    return d.getFullYear() + "-" + two(d.getMonth() + 1) + "-" + two(d.getDate());
  }

  // The three forms people paste: a plain line, GB/T 7714-2015 (an electronic document, [EB/OL]:
  // the notice's date, then the day it was read) and the permalink alone.
  function citations(plan, place, itemTitle, url) {
    var issuers = plan.issuers.join("、");
    var about = [plan.docNumber, plan.date ? chineseDate(plan.date) : ""].filter(Boolean).join("，");
    var plain = issuers + "《" + plan.title + "》" + (about ? "（" + about + "）" : "") + place +
      (itemTitle ? "“" + itemTitle + "”" : "") + "。" + url;
    var gbt = (plan.issuers.join(", ") || plan.title) + ". " + plan.title + ": " + place + "[EB/OL]. " +
      (plan.date ? "(" + plan.date + ")" : "") + "[" + today() + "]. " + url;
    return [
      { label: "复制引用（文字）", text: plain },
      { label: "复制引用（GB/T 7714）", text: gbt },
      { label: "复制链接", text: url },
    ];
  }

  // The heading's own words: its text without the link sign, the 引用 button and the number.
  function headingTitle(heading) {
    var text = "";
    heading.childNodes.forEach(function (node) {
      if (node.nodeType === 3 || (node.nodeType === 1 && !node.matches(".headerlink, .cite, .cite-button"))) text += node.textContent;
    });
    return text.replace(/^\s*[（(]?\s*[0-9一二三四五六七八九十百]+\s*[)）]?\s*[.．、]?\s*/, "").trim();
  }

  function setUpCitations() {
    var meta = document.querySelector("[data-cite-title]");
    if (!meta) return;
    var plan = planFacts(meta);
    var live = el("p", "visually-hidden");
    live.setAttribute("role", "status");
    live.setAttribute("aria-live", "polite");
    document.body.appendChild(live);
    var open = null; // the citation menu that is open
    function closeMenu(focusButton) {
      if (!open) return;
      open.menu.hidden = true;
      open.button.setAttribute("aria-expanded", "false");
      if (focusButton) open.button.focus();
      open = null;
    }
    var item = "";  // the item a sub-item belongs to: the last item heading before it
    document.querySelectorAll(".md-typeset .item[id], .md-typeset .subitem[id]").forEach(function (heading, index) {
      var number = itemNumber(heading);
      var place = "第" + number + "条";
      if (heading.classList.contains("subitem")) place = "第" + item + "条第（" + number + "）项";
      else item = number;
      var url = plan.page + "#" + heading.id;
      heading.setAttribute("data-print-url", url);
      var forms = citations(plan, place, headingTitle(heading), url);
      var box = el("span", "cite");
      var button = el("button", "cite-button", "引用");
      button.type = "button";
      button.setAttribute("aria-label", "引用" + place);
      button.setAttribute("aria-expanded", "false");
      var menu = el("span", "cite-menu");
      menu.id = "cite-menu-" + index;
      menu.hidden = true;
      button.setAttribute("aria-controls", menu.id);
      forms.forEach(function (form) {
        var choice = el("button", "cite-menu__choice", form.label);
        choice.type = "button";
        choice.setAttribute("data-citation", form.text);
        choice.title = form.text;
        choice.addEventListener("click", function () {
          copyText(form.text).then(function () {
            live.textContent = "已复制：" + form.text;
            button.textContent = "已复制";
            setTimeout(function () { button.textContent = "引用"; }, 2000);
          }, function () {
            window.prompt("请复制：", form.text);
          });
          closeMenu(true);
        });
        menu.appendChild(choice);
      });
      button.addEventListener("click", function () {
        var wasOpen = open && open.button === button;
        closeMenu(false);
        if (wasOpen) return;
        menu.hidden = false;
        button.setAttribute("aria-expanded", "true");
        open = { button: button, menu: menu };
        menu.querySelector("button").focus();
      });
      box.appendChild(button);
      box.appendChild(menu);
      heading.appendChild(box);
    });
    document.addEventListener("click", function (event) {
      if (open && !event.target.closest(".cite")) closeMenu(false);
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && open) closeMenu(true);
    });
  }

  function setUpGoto() {
    var form = document.querySelector("[data-goto-item]");
    if (!form) return;
    var input = form.querySelector("input");
    var status = form.querySelector(".goto-item__status");
    form.noValidate = true; // the page says what is wrong (本文没有第 N 条), not the browser's bubble
    form.hidden = false;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var n = String(parseInt(input.value, 10));
      if (n === "NaN") { status.textContent = "请输入条目的序号"; return; }
      var target = document.getElementById("item-" + n);
      if (!target) {
        target = Array.prototype.find.call(document.querySelectorAll(".md-typeset .item[id]"), function (h) {
          return itemNumber(h) === n;
        });
      }
      if (!target) { status.textContent = "本文没有第" + input.value + "条"; return; }
      status.textContent = "";
      location.hash = target.id;
      target.setAttribute("tabindex", "-1");
      target.focus({ preventScroll: true });
    });
  }

  /* ---------- comparison pages: any two years of a series (data/series/<slug>.json) ---------- */

  function setUpSeriesPicker() {
    var form = document.querySelector("[data-series]");
    if (!form) return;
    var result = document.querySelector(".series-picker__result");
    fetch(new URL(form.getAttribute("data-series"), location.href).href).then(function (r) {
      if (!r.ok) throw new Error(r.status);
      return r.json();
    }).then(function (series) {
      var byId = {};
      series.plans.forEach(function (plan) { byId[plan.id] = plan; });
      ["earlier", "later"].forEach(function (name, which) {
        var select = form.querySelector("select[name=" + name + "]");
        series.plans.forEach(function (plan, at) {
          var option = el("option", null, plan.year + "年");
          option.value = plan.id;
          option.selected = which === 0 ? at === 0 : at === series.plans.length - 1;
          select.appendChild(option);
        });
      });
      form.hidden = false;
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        var earlier = byId[form.earlier.value];
        var later = byId[form.later.value];
        var pair = series.pairs.find(function (p) { return p.earlier === earlier.id && p.later === later.id; });
        result.textContent = "";
        if (!pair) { result.appendChild(el("p", null, "请选择较早的一年在前、较晚的一年在后。")); return; }
        var link = function (plan, item) {
          var a = el("a", null, plan.year + "年 第" + item.number + "条 " + item.title);
          a.href = new URL(plan.url + "#" + item.anchor, siteRoot()).href;
          return a;
        };
        var earlierItems = {};
        earlier.items.forEach(function (item) { earlierItems[item.anchor] = item; });
        var list = el("ol", "series-picker__list");
        var kept = {};
        later.items.forEach(function (item) {
          var li = el("li");
          li.appendChild(link(later, item));
          var found = pair.links.filter(function (k) { return k.later === item.anchor; });
          if (!found.length) li.appendChild(el("span", "compare-tag compare-tag--new", "新增"));
          found.forEach(function (k) {
            kept[k.earlier] = true;
            var from = el("div", "compare-from", "对应 ");
            from.appendChild(link(earlier, earlierItems[k.earlier]));
            from.appendChild(document.createTextNode(k.relation === "continued" ? "（措辞相近）" : "（重新表述）"));
            li.appendChild(from);
          });
          list.appendChild(li);
        });
        result.appendChild(el("h2", null, earlier.year + "年 → " + later.year + "年"));
        result.appendChild(list);
        var gone = earlier.items.filter(function (item) { return !kept[item.anchor]; });
        if (gone.length) {
          result.appendChild(el("h3", null, earlier.year + "年有、" + later.year + "年未再出现"));
          var dropped = el("ul");
          gone.forEach(function (item) { var li = el("li"); li.appendChild(link(earlier, item)); dropped.appendChild(li); });
          result.appendChild(dropped);
        }
      });
    }).catch(function () { /* the page reads fine without the picker */ });
  }

  /* ---------- sortable tables ---------- */

  function cellValue(row, index) {
    var cell = row.cells[index];
    return cell ? cell.textContent.trim() : "";
  }

  function makeSortable(table) {
    var head = table.tHead && table.tHead.rows[0];
    var body = table.tBodies[0];
    if (!head || !body || body.rows.length < 2) return;
    Array.prototype.forEach.call(head.cells, function (th, index) {
      var button = el("button", "sort-button");
      button.type = "button";
      while (th.firstChild) button.appendChild(th.firstChild);
      button.title = "按此列排序";
      th.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        // Worked out when clicked, not at load: at 1,000 rows the load is what every visitor waits for.
        var numeric = Array.prototype.every.call(body.rows, function (r) {
          return /^-?\d+(\.\d+)?$/.test(cellValue(r, index));
        });
        Array.prototype.forEach.call(head.cells, function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var sorted = Array.prototype.slice.call(body.rows).sort(function (a, b) {
          var x = cellValue(a, index);
          var y = cellValue(b, index);
          var order = numeric ? Number(x) - Number(y) : x.localeCompare(y, "zh-CN");
          return ascending ? order : -order;
        });
        sorted.forEach(function (row) { body.appendChild(row); });
      });
    });
  }

  function ready() {
    setUpSearch();
    setUpCitations();
    setUpGoto();
    setUpSeriesPicker();
    document.querySelectorAll(".md-content table").forEach(function (table) {
      if (!table.closest(".theme-matrix")) makeSortable(table); // a heatmap's headers are links
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ready);
  else ready();
})();
