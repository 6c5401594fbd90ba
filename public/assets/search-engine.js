// StudyGuide search engine: ranks questions against the index the build wrote to search/.
// Index files are scripts that call StudyGuideSearch.register*(); they are loaded on demand by
// inserting <script> tags, which works from file:// where fetch() is forbidden.
(function () {
  "use strict";

  var tokenizer = window.StudyGuideTokenizer;
  var state = { root: "", manifest: null, shards: {}, docs: {}, facets: null, loading: {}, postings: {}, loaded: [] };
  var PREFIX_FACTOR = 0.75;
  var TYPO_FACTOR = 0.5;

  function loadScript(path, isLoaded) {
    if (isLoaded()) return Promise.resolve();
    if (state.loading[path]) return state.loading[path];
    state.loading[path] = new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = state.root + path;
      script.async = true;
      script.onload = function () { state.loaded.push(path); resolve(); };
      script.onerror = function () {
        delete state.loading[path];
        reject(new Error("could not load " + path));
      };
      document.head.appendChild(script);
    });
    return state.loading[path];
  }

  function shardKey(term) { return term.charAt(0); }

  function loadShard(key) {
    if (!state.manifest || !Object.prototype.hasOwnProperty.call(state.manifest.shards, key)) return Promise.resolve();
    return loadScript("search/terms-" + key + ".js", function () { return !!state.shards[key]; });
  }

  function loadDocs(chunk) {
    return loadScript("search/docs-" + chunk + ".js", function () { return !!state.docs[chunk]; });
  }

  function loadFacets() {
    return loadScript("search/facets.js", function () { return !!state.facets; });
  }

  // Postings of one term as {doc: score}, decoded from [delta, score, delta, score, ...] once.
  function postings(shard, term) {
    var cacheKey = term;
    if (state.postings[cacheKey]) return state.postings[cacheKey];
    var flat = shard.terms[term];
    var decoded = [];
    var doc = 0;
    for (var i = 0; i < flat.length; i += 2) {
      doc += flat[i];
      decoded.push(doc, flat[i + 1]);
    }
    state.postings[cacheKey] = decoded;
    return decoded;
  }

  // First index in the sorted key list whose key is >= prefix.
  function lowerBound(keys, prefix) {
    var low = 0, high = keys.length;
    while (low < high) {
      var mid = (low + high) >> 1;
      if (keys[mid] < prefix) low = mid + 1; else high = mid;
    }
    return low;
  }

  // Levenshtein distance, or max + 1 as soon as it is certain to exceed max.
  function boundedDistance(a, b, max) {
    if (Math.abs(a.length - b.length) > max) return max + 1;
    var previous = [], current = [], i, j;
    for (j = 0; j <= b.length; j++) previous[j] = j;
    for (i = 1; i <= a.length; i++) {
      current[0] = i;
      var rowMin = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
        current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
        if (current[j] < rowMin) rowMin = current[j];
      }
      if (rowMin > max) return max + 1;
      var swap = previous; previous = current; current = swap;
    }
    return previous[b.length];
  }

  // The index terms one query word stands for, each with how much a match counts.
  function expansions(word, term, isPrefix) {
    var shard = state.shards[shardKey(term)];
    if (!shard) return [];
    var found = [];
    var seen = {};
    if (Object.prototype.hasOwnProperty.call(shard.terms, term)) {
      found.push({ term: term, factor: 1 });
      seen[term] = true;
    }
    if (isPrefix) {
      [word, term].forEach(function (prefix) {
        for (var i = lowerBound(shard.keys, prefix); i < shard.keys.length && shard.keys[i].lastIndexOf(prefix, 0) === 0; i++) {
          var key = shard.keys[i];
          if (!seen[key]) { seen[key] = true; found.push({ term: key, factor: PREFIX_FACTOR }); }
        }
      });
    }
    // Typo tolerance only when the word is not a known term: one edit from 4 letters, two from 8.
    // Terms are stems, and a typo near the end can stop the stemmer from removing a suffix
    // ("idempotncy" stays long while "idempotency" became "idempot"), so a key also matches
    // when it is close to the start of the typed word and at most four letters are left over.
    if (found.length === 0 && word.length >= 4) {
      var max = word.length >= 8 ? 2 : 1;
      for (var k = 0; k < shard.keys.length; k++) {
        var candidate = shard.keys[k];
        var distance = boundedDistance(term, candidate, max);
        if (distance > max && candidate.length >= 4 && candidate.length < word.length) {
          var from = Math.max(candidate.length - max, word.length - 4, 1);
          var to = Math.min(candidate.length + max, word.length - 1);
          for (var cut = from; cut <= to && distance > max; cut++) {
            distance = Math.min(distance, boundedDistance(word.slice(0, cut), candidate, max));
          }
        }
        if (distance <= max) found.push({ term: candidate, factor: TYPO_FACTOR / Math.max(distance, 1) });
      }
    }
    return found;
  }

  function scoresFor(word, term, isPrefix) {
    var scores = {};
    var shard = state.shards[shardKey(term)];
    expansions(word, term, isPrefix).forEach(function (expansion) {
      var list = postings(shard, expansion.term);
      for (var i = 0; i < list.length; i += 2) {
        var value = list[i + 1] * expansion.factor;
        if (!(scores[list[i]] >= value)) scores[list[i]] = value;
      }
    });
    return scores;
  }

  function matchesFilters(doc, filters) {
    if (!filters) return true;
    var f = state.facets;
    if (filters.category !== undefined && f.category[doc] !== filters.category) return false;
    if (filters.difficulty !== undefined && f.difficulty[doc] !== filters.difficulty) return false;
    if (filters.kind !== undefined && f.kind[doc] !== filters.kind) return false;
    if (filters.tag !== undefined && f.tags[doc].indexOf(filters.tag) === -1) return false;
    return true;
  }

  // Filter values by name (slug) → the numbers the index uses; unknown names match nothing.
  function resolveFilters(filters) {
    if (!filters) return null;
    var m = state.manifest, resolved = {}, any = false;
    function index(list, value, key) {
      for (var i = 0; i < list.length; i++) if ((key ? list[i][key] : list[i]) === value) return i;
      return -2;
    }
    if (filters.category) { resolved.category = index(m.categories, filters.category, "slug"); any = true; }
    if (filters.difficulty) { resolved.difficulty = index(m.difficulties, filters.difficulty); any = true; }
    if (filters.kind) { resolved.kind = index(m.kinds, filters.kind, "slug"); any = true; }
    if (filters.tag) { resolved.tag = index(m.tags, filters.tag); any = true; }
    return any ? resolved : null;
  }

  function rank(query, filters) {
    var words = tokenizer.normalizedWords(query);
    var typingLastWord = !/\s$/.test(query);
    var terms = words.map(function (word) { return tokenizer.tokens(word)[0] || word; });
    if (words.length === 0) {
      if (!filters) return { ids: [], words: [], terms: [], mode: "none" };
      var all = [];
      for (var d = 0; d < state.manifest.documents; d++) if (matchesFilters(d, filters)) all.push(d);
      return { ids: all, words: [], terms: [], mode: "filter" };
    }
    var perWord = words.map(function (word, i) {
      return scoresFor(word, terms[i], typingLastWord && i === words.length - 1);
    });
    function combine(requireAll) {
      var totals = {}, counts = {};
      perWord.forEach(function (scores) {
        for (var doc in scores) {
          totals[doc] = (totals[doc] || 0) + scores[doc];
          counts[doc] = (counts[doc] || 0) + 1;
        }
      });
      var ids = [];
      for (var doc in totals) {
        var id = +doc;
        if ((!requireAll || counts[doc] === perWord.length) && matchesFilters(id, filters)) ids.push(id);
      }
      ids.sort(function (a, b) { return totals[b] - totals[a] || a - b; });
      return ids;
    }
    var ids = combine(true), mode = "all";
    if (ids.length === 0 && perWord.length > 1) { ids = combine(false); mode = "any"; }
    return { ids: ids, words: words, terms: terms, mode: mode };
  }

  window.StudyGuideSearch = {
    registerManifest: function (manifest) { state.manifest = manifest; },
    registerShard: function (key, terms) { state.shards[key] = { terms: terms, keys: Object.keys(terms).sort() }; },
    registerDocs: function (chunk, docs) { state.docs[chunk] = docs; },
    registerFacets: function (facets) { state.facets = facets; },

    /** Where the site root is, relative to this page ("../" on a question page). */
    configure: function (root) { state.root = root || ""; },

    manifest: function () { return state.manifest; },

    /**
     * Ranks questions. request: {query, filters: {category, difficulty, kind, tag}, offset, limit}.
     * Resolves to {total, mode ("all" | "any" | "filter" | "none"), words, terms, results: [{id, title, url,
     * summary, excerpt, category, difficulty, kind, tags}]}.
     */
    search: function (request) {
      if (!state.manifest) return Promise.reject(new Error("search index not loaded"));
      var query = request.query || "";
      var words = tokenizer.normalizedWords(query);
      var keys = {};
      words.forEach(function (word) { keys[shardKey(tokenizer.tokens(word)[0] || word)] = true; });
      var filtersWanted = request.filters && Object.keys(request.filters).some(function (k) { return request.filters[k]; });
      var waits = Object.keys(keys).map(loadShard);
      if (filtersWanted || words.length > 0) waits.push(loadFacets());
      return Promise.all(waits).then(function () {
        var filters = resolveFilters(filtersWanted ? request.filters : null);
        var ranked = rank(query, filters);
        var offset = request.offset || 0, limit = request.limit || 10;
        var page = ranked.ids.slice(offset, offset + limit);
        var chunks = {};
        page.forEach(function (id) { chunks[Math.floor(id / state.manifest.chunkSize)] = true; });
        return Promise.all(Object.keys(chunks).map(loadDocs)).then(function () {
          return {
            total: ranked.ids.length, mode: ranked.mode, words: ranked.words, terms: ranked.terms,
            results: page.map(describe)
          };
        });
      });
    },

    /** Bytes of index files loaded on demand so far, from the sizes the manifest lists (for the benchmark). */
    bytesLoaded: function () {
      var sizes = state.manifest ? state.manifest.files : {};
      return state.loaded.reduce(function (sum, path) { return sum + (sizes[path] || 0); }, 0);
    }
  };

  function describe(id) {
    var doc = state.docs[Math.floor(id / state.manifest.chunkSize)][id % state.manifest.chunkSize];
    var m = state.manifest, f = state.facets;
    return {
      id: id, title: doc[0], url: doc[1], summary: doc[2], excerpt: doc[3],
      category: f ? m.categories[f.category[id]] : null,
      difficulty: f ? m.difficulties[f.difficulty[id]] : null,
      kind: f ? m.kinds[f.kind[id]] : null,
      tags: f ? f.tags[id].map(function (t) { return m.tags[t]; }) : []
    };
  }
}());
