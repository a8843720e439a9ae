/* The work-plan archive: small progressive enhancements; every page reads fine without this file.
   - search: the header button opens a <dialog>; Pagefind (pagefind/pagefind.js) loads on first open
   - citations: a 引用 button on every item heading copies 《plan title》第N条 (第N条第（M）项 for a
     sub-item) + its URL
   - plan pages: "go to item N"; each item's URL for print
   - tables: click a column header to sort */
(function () {
  "use strict";

  // The site root as an absolute URL. base_url is relative ("../..") except on 404.html ("/repo/").
  function siteRoot() {
    var dialog = document.getElementById("archive-search");
    var base = (dialog && dialog.getAttribute("data-pagefind-root")) || ".";
    return new URL(base.replace(/\/+$/, "") + "/", location.href);
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.textContent = text;
    return node;
  }

  /* ---------- search ---------- */

  var pagefind = null; // the module, once loaded
  var searchSeq = 0; // drops answers to queries that were superseded while in flight

  function loadPagefind() {
    if (!pagefind) {
      var root = siteRoot();
      pagefind = import(new URL("pagefind/pagefind.js", root).href).then(function (pf) {
        return pf.options({ baseUrl: root.pathname }).then(function () {
          pf.init();
          return pf;
        });
      });
    }
    return pagefind;
  }

  function fillFilters(dialog, pf) {
    pf.filters().then(function (all) {
      dialog.querySelectorAll("select[data-filter]").forEach(function (select) {
        var values = all[select.getAttribute("data-filter")] || {};
        var names = Object.keys(values);
        if (!names.length) return;
        // Years newest first; places 全国 first, 其他 last, the rest in pinyin order.
        var rank = function (name) { return name === "全国" ? 0 : name === "其他" ? 2 : 1; };
        names.sort(function (a, b) {
          if (select.name === "year") return Number(b) - Number(a);
          return rank(a) - rank(b) || a.localeCompare(b, "zh-CN");
        });
        names.forEach(function (name) {
          var option = el("option", null, name + "（" + values[name] + "）");
          option.value = name;
          select.appendChild(option);
        });
        select.closest("label").hidden = false;
      });
    });
  }

  // Ranking in tiers: items before parts and preambles; then an item whose title holds the whole
  // query, then one whose excerpt does (the phrase itself, not its words apart); then Pagefind's
  // own word weights (headings weigh more than body text), then the page's rank.
  function rankHit(sub, query, pageRank) {
    var words = 0;
    (sub.weighted_locations || []).forEach(function (w) { words += w.balanced_score || w.weight || 1; });
    var compact = query.replace(/\s+/g, "");
    var title = (sub.title || "").replace(/\s+/g, "");
    var text = (sub.plain_excerpt || "").replace(/\s+/g, "");
    return [isItem(sub) ? 1 : 0, title.indexOf(compact) >= 0 ? 1 : 0, text.indexOf(compact) >= 0 ? 1 : 0,
            words, -pageRank];
  }

  function byRank(a, b) {
    for (var i = 0; i < a.rank.length; i++) {
      if (a.rank[i] !== b.rank[i]) return b.rank[i] - a.rank[i];
    }
    return 0;
  }

  function isItem(sub) {
    return Boolean(sub.anchor && /(^|-)item-\d+$/.test(sub.anchor.id || ""));
  }

  function renderHits(list, hits) {
    list.textContent = "";
    hits.forEach(function (hit) {
      var li = el("li", "archive-hit");
      var a = el("a");
      a.href = hit.sub.url;
      a.appendChild(el("span", "archive-hit__title", hit.sub.title));
      var meta = hit.page.meta || {};
      var year = (hit.page.filters && hit.page.filters.year || [])[0] || "";
      var where = [meta.title, year ? year + "年" : "", meta.region || ""].filter(Boolean).join(" · ");
      a.appendChild(el("span", "archive-hit__plan", where));
      var excerpt = el("span", "archive-hit__excerpt");
      excerpt.innerHTML = hit.sub.excerpt || ""; // Pagefind's excerpt: escaped text plus <mark>
      a.appendChild(excerpt);
      li.appendChild(a);
      list.appendChild(li);
    });
  }

  function runSearch(dialog) {
    var input = dialog.querySelector("input[type=search]");
    var status = dialog.querySelector(".archive-search__status");
    var list = dialog.querySelector(".archive-search__results");
    var query = input.value.trim();
    var seq = ++searchSeq;
    var filters = {};
    dialog.querySelectorAll("select[data-filter]").forEach(function (s) {
      if (s.value) filters[s.getAttribute("data-filter")] = s.value;
    });
    if (!query) {
      list.textContent = "";
      status.textContent = "";
      return;
    }
    status.textContent = "正在搜索……";
    loadPagefind().then(function (pf) {
      return pf.debouncedSearch(query, { filters: filters }, 120);
    }).then(function (search) {
      if (!search || seq !== searchSeq) return null;
      return Promise.all(search.results.slice(0, 30).map(function (r) { return r.data(); }));
    }).then(function (pages) {
      if (!pages || seq !== searchSeq) return;
      var hits = [];
      pages.forEach(function (page, rank) {
        (page.sub_results || []).forEach(function (sub) {
          hits.push({ page: page, sub: sub, rank: rankHit(sub, query, rank) });
        });
      });
      hits.sort(byRank);
      hits = hits.slice(0, 60);
      renderHits(list, hits);
      status.textContent = hits.length
        ? "找到 " + hits.length + " 处结果，来自 " + pages.length + " 份工作要点"
        : "没有找到与“" + query + "”相关的条目";
    }).catch(function (error) {
      status.textContent = "搜索暂不可用（" + error.message + "）";
    });
  }

  function setUpSearch() {
    var dialog = document.getElementById("archive-search");
    var openers = document.querySelectorAll("[data-archive-search-open]");
    if (!dialog || typeof dialog.showModal !== "function") return; // no <dialog>: no search button
    var input = dialog.querySelector("input[type=search]");
    var filled = false;

    function open() {
      if (!dialog.open) dialog.showModal();
      input.focus();
      loadPagefind().then(function (pf) {
        if (!filled) { filled = true; fillFilters(dialog, pf); }
      });
    }

    openers.forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", open);
    });
    dialog.querySelector("[data-archive-search-close]").addEventListener("click", function () { dialog.close(); });
    dialog.addEventListener("click", function (event) {
      if (event.target === dialog) dialog.close(); // a click on the backdrop
      if (event.target.closest && event.target.closest(".archive-hit a")) dialog.close(); // then the browser follows the link
    });
    dialog.querySelector("form").addEventListener("submit", function (event) { event.preventDefault(); runSearch(dialog); });
    input.addEventListener("input", function (event) { if (!event.isComposing) runSearch(dialog); });
    input.addEventListener("compositionend", function () { runSearch(dialog); });
    dialog.querySelectorAll("select[data-filter]").forEach(function (s) {
      s.addEventListener("change", function () { runSearch(dialog); });
    });
    document.addEventListener("keydown", function (event) {
      var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement && document.activeElement.tagName);
      if (event.key === "/" && !typing && !dialog.open) { event.preventDefault(); open(); }
    });
    var q = new URLSearchParams(location.search).get("q"); // ?q=双减 opens the search
    if (q) { input.value = q; open(); runSearch(dialog); }
  }

  /* ---------- plan pages: citations, go to item, print URLs ---------- */

  function itemNumber(heading) {
    var match = heading.textContent.match(/^\s*[（(]?\s*(\d+)/);
    return match ? match[1] : "";
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    return new Promise(function (resolve, reject) {
      var area = el("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var ok = document.execCommand && document.execCommand("copy");
      area.remove();
      ok ? resolve() : reject(new Error("copy failed"));
    });
  }

  function setUpCitations() {
    var meta = document.querySelector("[data-cite-title]");
    if (!meta) return;
    var title = meta.getAttribute("data-cite-title");
    var live = el("p", "visually-hidden");
    live.setAttribute("role", "status");
    live.setAttribute("aria-live", "polite");
    document.body.appendChild(live);
    var item = "";  // the item a sub-item belongs to: the last item heading before it
    document.querySelectorAll(".md-typeset .item[id], .md-typeset .subitem[id]").forEach(function (heading) {
      var number = itemNumber(heading);
      var place = "第" + number + "条";
      if (heading.classList.contains("subitem")) place = "第" + item + "条第（" + number + "）项";
      else item = number;
      var url = location.href.split("#")[0].split("?")[0] + "#" + heading.id;
      var citation = "《" + title + "》" + place + " " + url;
      heading.setAttribute("data-print-url", url);
      var button = el("button", "cite-button", "引用");
      button.type = "button";
      button.setAttribute("aria-label", "复制" + place + "的引用");
      button.setAttribute("data-citation", citation);
      button.addEventListener("click", function () {
        copyText(citation).then(function () {
          button.textContent = "已复制";
          live.textContent = "已复制：" + citation;
          setTimeout(function () { button.textContent = "引用"; }, 2000);
        }, function () {
          window.prompt("请复制以下引用：", citation);
        });
      });
      heading.appendChild(button);
    });
  }

  function setUpGoto() {
    var form = document.querySelector("[data-goto-item]");
    var meta = document.querySelector("[data-item-count]");
    if (!form) return;
    var input = form.querySelector("input");
    var status = form.querySelector(".goto-item__status");
    if (meta) input.max = meta.getAttribute("data-item-count");
    form.hidden = false;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var n = String(parseInt(input.value, 10));
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
    document.documentElement.classList.add("archive-js");
    setUpSearch();
    setUpCitations();
    setUpGoto();
    document.querySelectorAll(".md-content table").forEach(makeSortable);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ready);
  else ready();
})();
