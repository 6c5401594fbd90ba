// StudyGuide search engine: ranks questions against the index the build wrote to search/.
// Index files are scripts that call StudyGuideSearch.register*(); they are loaded on demand by
// inserting <script> tags, which works from file:// where fetch() is forbidden.
(function () {
  "use strict";

  var tokenizer = window.StudyGuideTokenizer;
  var state = {
    root: "", manifest: null, vocab: {}, buckets: {}, docs: {}, facets: null, loading: {}, postings: {}, loaded: [],
    stopwords: {}
  };
  var PREFIX_FACTOR = 0.75;
  var TYPO_FACTOR = 0.5;
  var PREFIX_LIMIT = 12;

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

  function has(object, key) { return Object.prototype.hasOwnProperty.call(object, key); }

  // Which vocabulary file holds a term: its first letter when ASCII, else one of 64 files picked
  // by its first character (SearchShards.vocabularyKey in Swift).
  function vocabKey(term) {
    var code = term.codePointAt(0);
    if (code < 0x80) return term.charAt(0);
    var bucket = (code % 64).toString(16);
    return "u" + (bucket.length < 2 ? "0" : "") + bucket;
  }

  function loadVocabulary(key) {
    if (!has(state.manifest.files, "search/vocab-" + key + ".js")) return Promise.resolve();
    return loadScript("search/vocab-" + key + ".js", function () { return !!state.vocab[key]; });
  }

  // The postings bucket of a term: the longest listed prefix it starts with, in characters.
  function bucketOf(term) {
    var characters = Array.from(term);
    for (var length = Math.min(6, characters.length); length >= 1; length--) {
      var prefix = characters.slice(0, length).join("");
      if (state.bucketSet[prefix]) return prefix;
    }
    return null;
  }

  // A bucket's file name: ASCII as it is, any other character as _<hex>_ (SearchShards.bucketFile).
  function bucketFile(prefix) {
    return Array.from(prefix).map(function (character) {
      var code = character.codePointAt(0);
      return code < 0x80 ? character : "_" + code.toString(16) + "_";
    }).join("");
  }

  function loadBucket(prefix) {
    return loadScript("search/post-" + bucketFile(prefix) + ".js", function () { return !!state.buckets[prefix]; });
  }

  function loadDocs(chunk) {
    return loadScript("search/docs-" + chunk + ".js", function () { return !!state.docs[chunk]; });
  }

  function loadFacets() {
    return loadScript("search/facets.js", function () { return !!state.facets; });
  }

  // Postings of one term as [doc, score, doc, score, ...], decoded from deltas once. The build
  // wrote each posting's saturated term frequency as a byte q standing for 2^((q - 40) / 8)
  // (Saturation.swift); the score is that times the term's BM25 idf, from how many of the
  // site's documents hold it.
  function postings(term) {
    if (state.postings[term]) return state.postings[term];
    var bucket = state.buckets[bucketOf(term)];
    var flat = bucket && bucket[term];
    if (!flat) return [];
    var documents = state.manifest.documents, holding = flat.length / 2;
    var idf = Math.log(1 + (documents - holding + 0.5) / (holding + 0.5));
    var decoded = [];
    var doc = 0;
    for (var i = 0; i < flat.length; i += 2) {
      doc += flat[i];
      decoded.push(doc, idf * Math.pow(2, (flat[i + 1] - 40) / 8));
    }
    state.postings[term] = decoded;
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
    var vocab = state.vocab[vocabKey(term)];
    if (!vocab) return [];
    var found = [];
    var seen = {};
    if (has(vocab.terms, term)) {
      found.push({ term: term, factor: 1 });
      seen[term] = true;
    }
    if (isPrefix) {
      // The most common completions of what is being typed (a short prefix matches too many).
      var completions = [];
      [word, term].forEach(function (prefix) {
        for (var i = lowerBound(vocab.keys, prefix); i < vocab.keys.length && vocab.keys[i].lastIndexOf(prefix, 0) === 0; i++) {
          var key = vocab.keys[i];
          if (!seen[key]) { seen[key] = true; completions.push(key); }
        }
      });
      completions.sort(function (a, b) { return vocab.terms[b] - vocab.terms[a] || (a < b ? -1 : 1); });
      completions.slice(0, PREFIX_LIMIT).forEach(function (key) { found.push({ term: key, factor: PREFIX_FACTOR }); });
    }
    // Typo tolerance only when the word is not a known term: one edit from 4 letters, two from 8.
    // Terms are stems, and a typo can stop the stemmer from removing a suffix ("idempotncy"
    // stays long while "idempotency" became "idempot"), so a key also matches when it is close
    // to the start of the typed word with at most four letters left over.
    if (found.length === 0 && word.length >= 4) {
      var max = word.length >= 8 ? 2 : 1;
      for (var k = 0; k < vocab.keys.length; k++) {
        var candidate = vocab.keys[k];
        var distance = boundedDistance(term, candidate, max);
        if (distance > max && candidate.length >= 4 && candidate.length <= word.length) {
          var from = Math.max(candidate.length - max, word.length - 4, 1);
          var to = Math.min(candidate.length + max, word.length);
          for (var cut = from; cut <= to && distance > max; cut++) {
            distance = Math.min(distance, boundedDistance(word.slice(0, cut), candidate, max));
          }
        }
        if (distance <= max) found.push({ term: candidate, factor: TYPO_FACTOR / Math.max(distance, 1) });
      }
    }
    return found;
  }

  function scores(expanded) {
    var result = {};
    expanded.forEach(function (expansion) {
      var list = postings(expansion.term);
      for (var i = 0; i < list.length; i += 2) {
        var value = list[i + 1] * expansion.factor;
        if (!(result[list[i]] >= value)) result[list[i]] = value;
      }
    });
    return result;
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

  // English terms are Porter stems, which the tokenizer makes here exactly as the build did.
  // Other languages were stemmed by Snowball, which the browser does not run: their vocabulary
  // files list every word of the site whose term differs from it (forms), and the manifest the
  // endings the stemmer took off the site's words.
  function stemsItself() { return !state.manifest.stemming || state.manifest.stemming === "porter"; }

  // The index term of a normalised word. Without a stemmer: the site's own form of it, the word
  // itself when it is a term, else the first of the site's endings that turns it into a term
  // ("datenbanken" → "datenbank" when only "Datenbank" is written). Needs the word's vocabulary file.
  function termOf(word) {
    if (stemsItself()) return tokenizer.tokens(word)[0] || word;
    var vocab = state.vocab[vocabKey(word)];
    if (!vocab) return word;
    if (has(vocab.forms, word)) return vocab.forms[word];
    if (has(vocab.terms, word)) return word;
    var endings = state.manifest.endings || [], length = Array.from(word).length;
    for (var i = 0; i < endings.length; i++) {
      var from = endings[i][0], to = endings[i][1];
      if (length - Array.from(from).length < 2 || word.slice(word.length - from.length) !== from) continue;
      var candidate = word.slice(0, word.length - from.length) + to;
      var candidates = state.vocab[vocabKey(candidate)];
      if (candidates && has(candidates.terms, candidate)) return candidate;
    }
    return word;
  }

  // The words of a query that can match: normalised, stemmed (or, without a stemmer, as they are
  // until their vocabulary is loaded), without stopwords.
  function analyse(query) {
    var words = [], terms = [];
    tokenizer.normalizedWords(query).forEach(function (word) {
      var term = stemsItself() ? (tokenizer.tokens(word)[0] || word) : word;
      if (!state.stopwords[term]) { words.push(word); terms.push(term); }
    });
    return { words: words, terms: terms, typing: !/\s$/.test(query) };
  }

  function rank(analysis, expandedPerWord, filters) {
    if (analysis.words.length === 0) {
      if (!filters) return { ids: [], mode: "none" };
      var all = [];
      for (var d = 0; d < state.manifest.documents; d++) if (matchesFilters(d, filters)) all.push(d);
      return { ids: all, mode: "filter" };
    }
    var perWord = expandedPerWord.map(scores);
    function combine(requireAll) {
      var totals = {}, counts = {};
      perWord.forEach(function (wordScores) {
        for (var doc in wordScores) {
          totals[doc] = (totals[doc] || 0) + wordScores[doc];
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
    return { ids: ids, mode: mode };
  }

  window.StudyGuideSearch = {
    registerManifest: function (manifest) {
      state.manifest = manifest;
      state.bucketSet = {};
      manifest.buckets.forEach(function (prefix) { state.bucketSet[prefix] = true; });
      manifest.stopwords.forEach(function (word) { state.stopwords[word] = true; });
    },
    registerVocabulary: function (key, terms, forms) {
      state.vocab[key] = { terms: terms, keys: Object.keys(terms).sort(), forms: forms || {} };
    },
    registerPostings: function (prefix, terms) { state.buckets[prefix] = terms; },
    registerDocs: function (chunk, docs) { state.docs[chunk] = docs; },
    registerFacets: function (facets) { state.facets = facets; },

    /** Where the site root is, relative to this page ("../" on a question page). */
    configure: function (root) { state.root = root || ""; },

    manifest: function () { return state.manifest; },

    /** The index term of a normalised word (what highlighting compares with a response's terms). */
    termOf: termOf,

    /**
     * Ranks questions. request: {query, filters: {category, difficulty, kind, tag}, offset, limit}.
     * Resolves to {total, mode ("all" | "any" | "filter" | "none"), words, terms, results: [{id, title, url,
     * summary, excerpt, category, difficulty, kind, tags}]}.
     */
    search: function (request) {
      if (!state.manifest) return Promise.reject(new Error("search index not loaded"));
      var query = request.query || "";
      var analysis = analyse(query);
      var filtersWanted = !!request.filters && Object.keys(request.filters).some(function (k) { return request.filters[k]; });
      var keys = {};
      analysis.terms.forEach(function (term) { keys[vocabKey(term)] = true; });
      var expandedPerWord;
      return Promise.all(Object.keys(keys).map(loadVocabulary)).then(function () {
        if (stemsItself()) return null;
        analysis.terms = analysis.words.map(termOf);
        var more = {};
        analysis.terms.forEach(function (term) { if (!state.vocab[vocabKey(term)]) more[vocabKey(term)] = true; });
        return Promise.all(Object.keys(more).map(loadVocabulary));
      }).then(function () {
        expandedPerWord = analysis.words.map(function (word, i) {
          return expansions(word, analysis.terms[i], analysis.typing && i === analysis.words.length - 1);
        });
        var buckets = {};
        expandedPerWord.forEach(function (list) {
          list.forEach(function (expansion) { var b = bucketOf(expansion.term); if (b) buckets[b] = true; });
        });
        var waits = Object.keys(buckets).map(loadBucket);
        if (filtersWanted) waits.push(loadFacets());
        return Promise.all(waits);
      }).then(function () {
        var filters = resolveFilters(filtersWanted ? request.filters : null);
        var ranked = rank(analysis, expandedPerWord, filters);
        var offset = request.offset || 0, limit = request.limit || 10;
        var page = ranked.ids.slice(offset, offset + limit);
        var chunks = {};
        page.forEach(function (id) { chunks[Math.floor(id / state.manifest.chunkSize)] = true; });
        return Promise.all(Object.keys(chunks).map(loadDocs)).then(function () {
          return {
            total: ranked.ids.length, mode: ranked.mode, words: analysis.words, terms: analysis.terms,
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
    var m = state.manifest;
    return {
      id: id, title: doc[0], url: doc[1], summary: doc[2], excerpt: doc[3],
      category: m.categories[doc[4]], difficulty: m.difficulties[doc[5]], kind: m.kinds[doc[6]]
    };
  }
}());
