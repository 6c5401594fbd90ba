#!/usr/bin/env python3
"""Generate a realistic, deterministic StudyGuide corpus for the build benchmark.

    python3 bench/corpus.py N OUTDIR

Writes N questions across 12 categories to OUTDIR/site (site.yml, content/_index.md,
content/<category>/_index.md, content/<category>/<slug>.md) and every question body,
front-matter removed, concatenated into OUTDIR/bodies.md (the input of the cmark-gfm
floor in bench/build_benchmark.py).

The words and sentences come from bench/generate_site.py (the search benchmark's generator,
which this module imports and does not change). On top of its plain paragraphs, a question
here is shaped like the guide's real answers: an intro, 3 to 6 `##` sections, some with `###`
subsections, paragraphs with **bold**, *emphasis*, `code`, links to other questions (as
Markdown paths, `../databases/slug.md`), external links and bare autolinks, bullet, nested,
ordered and task lists, GFM tables, fenced code blocks with a language, block quotes and
a closing "What a strong answer mentions" list. The front-matter has tags, aliases,
follow_ups, red_flags and related (slugs of other generated questions, so they all
resolve). A question is about 7 KB of Markdown, like the longer answers in content/.

The same N always gives byte-identical output (fixed seed, no clock, no hash order).
"""
import hashlib
import os
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import generate_site as gs  # noqa: E402

# Bump when the output changes on purpose. The build benchmark also hashes this file and
# generate_site.py, so an edit to either regenerates cached corpora.
VERSION = 2
SEED = 20261203

CATEGORIES = [
    ("apis-and-http", "APIs and HTTP"),
    ("architecture", "Architecture"),
    ("behavioral", "Behavioral Questions"),
    ("databases", "Databases"),
    ("devops-and-operations", "DevOps and Operations"),
    ("distributed-systems", "Distributed Systems"),
    ("languages-and-runtimes", "Languages and Runtimes"),
    ("networking", "Networking"),
    ("performance-and-scalability", "Performance and Scalability"),
    ("security", "Security"),
    ("system-design", "System Design"),
    ("testing-and-quality", "Testing and Quality"),
]

CODE_LANGS = ["python", "go", "sql", "java", "javascript", "bash", "rust", "yaml", "json", "http"]
STRONG_ANSWER = "What a strong answer mentions"
# A tag named "index" would be written to tags/index.html, the tags overview page, by StudyGuide
# and by the newest Hugo alike (generate_site.py picks it at N = 10,000): renamed.
RESERVED_TAGS = {"index": "index-design"}


def source_hash():
    """Hash of the generator sources: part of the cache key of a generated corpus."""
    h = hashlib.sha256()
    for name in ("corpus.py", "generate_site.py"):
        with open(os.path.join(HERE, name), "rb") as f:
            h.update(f.read())
    return h.hexdigest()[:12]


class Corpus(gs.Generator):
    def __init__(self, n):
        super().__init__(n)
        self.rng.seed(SEED)  # the pools share this generator
        rename = lambda tag: RESERVED_TAGS.get(tag, tag)  # noqa: E731
        self.tags = sorted(set(map(rename, self.tags)))
        self.category_tags = {c: [rename(t) for t in tags] for c, tags in self.category_tags.items()}
        self.targets = []    # (category, slug, title) of every question, for links

    # ---- inline text ------------------------------------------------------------------

    def link_to_question(self, exclude):
        rng = self.rng
        for _ in range(4):
            cat, slug, title = self.targets[rng.randrange(len(self.targets))]
            if slug != exclude:
                words = title.rstrip("?").split()
                k = rng.randint(2, min(5, len(words)))
                start = rng.randrange(len(words) - k + 1)
                text = " ".join(words[start:start + k]).lower()
                return f"[{text}](../{cat}/{slug}.md)"
        return "this question"

    def external_link(self):
        name = self.name_pool.one()
        path = "/".join(self.tech.take(self.rng.randint(1, 3)))
        return f"[the {name.capitalize()} documentation](https://docs.{name}.example.com/{path}/)"

    def decorate(self, sentence, slug):
        """Emphasis, strong text, strikethrough and links on one generated sentence."""
        rng = self.rng
        words = sentence.split(" ")
        r = rng.random()
        if r < 0.45 and len(words) > 5:
            k = rng.randint(1, 3)
            i = rng.randrange(1, len(words) - k)
            span = words[i:i + k]
            if not any(not w or "`" in w or not w[-1].isalnum() or not w[0].isalnum() for w in span):
                mark = "**" if r < 0.25 else ("*" if r < 0.42 else "~~")
                words[i] = mark + words[i]
                words[i + k - 1] = words[i + k - 1] + mark
        sentence = " ".join(words)
        r = rng.random()
        if r < 0.07:
            sentence += f" See {self.link_to_question(slug)} for the details."
        elif r < 0.10:
            sentence += f" {cap(self.external_link())} covers the edge cases."
        elif r < 0.115:
            sentence += f" More at https://www.{self.name_pool.one()}.example.org/{self.tech.one()}."
        return sentence

    def rich_paragraph(self, words_wanted, slug):
        out, count = [], 0
        while count < words_wanted:
            s = self.decorate(self.sentence(), slug)
            out.append(s)
            count += s.count(" ") + 1
        return " ".join(out)

    def clause(self):
        s = self.sentence().rstrip(".")
        return s[0].lower() + s[1:]

    # ---- blocks -----------------------------------------------------------------------

    def bullet_list(self, slug, ordered=False, task=False):
        rng = self.rng
        items = []
        for j in range(rng.randint(3, 6)):
            r = rng.random()
            if r < 0.35:
                text = f"**{self.heading()}**: {self.clause()}."
            elif r < 0.45:
                text = f"{cap(self.clause())}; see {self.link_to_question(slug)}."
            else:
                text = self.decorate(self.sentence(), slug)
            marker = f"{j + 1}." if ordered else "-"
            if task:
                text = ("[x] " if rng.random() < 0.4 else "[ ] ") + text
            items.append(f"{marker} {text}")
            if not ordered and not task and rng.random() < 0.12:
                for _ in range(rng.randint(2, 3)):
                    items.append(f"  - {self.noun_phrase()} with `{self.ident_pool.one()}`")
        return "\n".join(items)

    def table(self):
        rng = self.rng
        cols = rng.randint(3, 5)
        header = [self.tech.one().capitalize()] + [self.heading() for _ in range(cols - 1)]
        lines = ["| " + " | ".join(header) + " |",
                 "|" + "|".join([":---"] + [rng.choice(["---", ":---:", "---:"]) for _ in range(cols - 1)]) + "|"]
        for _ in range(rng.randint(3, 7)):
            row = [self.noun_phrase()]
            for _ in range(cols - 1):
                r = rng.random()
                if r < 0.25:
                    row.append(f"{rng.randint(1, 999)} {rng.choice(['ms', 'MB', 'req/s', '%', 'µs', 'GB'])}")
                elif r < 0.45:
                    row.append(f"`{self.ident_pool.one()}`")
                elif r < 0.65:
                    row.append(self.adjs.one())
                else:
                    row.append(f"{self.adjs.one()} {self.nouns.one()}, {self.advs.one()} {self.verbs_past.one()}")
            lines.append("| " + " | ".join(row) + " |")
        return "\n".join(lines)

    def code(self):
        rng = self.rng
        lang = rng.choice(CODE_LANGS)
        lines = []
        for _ in range(rng.randint(5, 16)):
            a, b = self.ident_pool.one(), self.ident_pool.one()
            r = rng.random()
            if lang == "sql":
                lines.append(f"SELECT {a}, count(*) FROM {self.tech.one()} WHERE {b} > {rng.randint(1, 999)} GROUP BY {a};")
            elif lang == "bash":
                lines.append(f"{self.verbs.one()} --{self.tech.one()} {b} | grep {a} > /tmp/{a}.log")
            elif lang == "yaml":
                lines.append(f"{a}:\n  {b}: {rng.randint(1, 500)}\n  {self.tech.one()}: {self.adjs.one()}")
            elif lang == "json":
                lines.append(f'{{"{a}": {rng.randint(0, 9999)}, "{b}": "{self.adjs.one()} {self.tech.one()}"}}')
            elif lang == "http":
                lines.append(f"GET /v{rng.randint(1, 3)}/{self.tech.one()}/{b}?limit={rng.randint(1, 100)} HTTP/1.1\nHost: {self.name_pool.one()}.example.com")
            elif r < 0.2:
                mark = "#" if lang == "python" else "//"
                lines.append(f"{mark} {self.clause()}")
            elif r < 0.35:
                verb = self.verbs.one()
                if lang == "python":
                    lines.append(f"if {a} < {b}:\n    return {verb}({a})")
                elif lang in ("java", "javascript"):
                    lines.append(f"if ({a} < {b}) {{ return {verb}({a}); }}")
                else:
                    lines.append(f"if {a} < {b} {{ return {verb}({a}) }}")
            else:
                end = ";" if lang in ("java", "javascript") else ""
                lines.append(f"{a} = {self.verbs.one()}({b}, {rng.randint(0, 100)}, \"{self.tech.one()}\"){end}")
        # Statements as each language allows them: Go's and Java's inside a function (and Java's
        # in a class), so the code parses, as answers' code does (a highlighter's parser spends
        # most of its time recovering from code that does not).
        if lang == "go":
            lines = ["func handle() {"] + ["\t" + line.replace("\n", "\n\t") for line in lines] + ["}"]
        elif lang == "java":
            lines = ["class Handler {", "    void handle() {"] + ["        " + line for line in lines] + ["    }", "}"]
        return f"```{lang}\n" + "\n".join(lines) + "\n```"

    def quote(self, slug):
        return "> " + self.rich_paragraph(self.rng.randint(20, 45), slug)

    def section_blocks(self, slug, budget, extra=()):
        """Blocks of one section until about `budget` words, with the `extra` blocks among them."""
        rng = self.rng
        blocks = [self.rich_paragraph(rng.randint(40, 90), slug)]
        used = 60
        while used < budget:
            r = rng.random()
            if r < 0.55:
                blocks.append(self.rich_paragraph(rng.randint(40, 110), slug))
                used += 75
            elif r < 0.80:
                blocks.append(self.bullet_list(slug))
                used += 70
            elif r < 0.92:
                blocks.append(self.bullet_list(slug, ordered=True))
                used += 70
            elif r < 0.95:
                blocks.append(self.bullet_list(slug, task=True))
                used += 70
            else:
                blocks.append(self.quote(slug))
                used += 35
        for block in extra:
            blocks.insert(rng.randint(1, len(blocks)), block)
        return blocks

    def rich_body(self, slug):
        rng = self.rng
        parts = [self.rich_paragraph(rng.randint(40, 80), slug)]
        sections = rng.randint(3, 6)
        total = rng.randint(150, 400)
        # Like content/: more than half the answers have a table, two thirds a code block.
        extra = [[] for _ in range(sections)]
        if rng.random() < 0.55:
            extra[rng.randrange(sections)].append(self.table())
        for _ in range(rng.choice([0, 1, 1, 2])):
            extra[rng.randrange(sections)].append(self.code())
        for s in range(sections):
            parts.append("## " + self.heading())
            if rng.random() < 0.15:
                half = total // sections // 2
                parts.extend(self.section_blocks(slug, half, extra[s]))
                for _ in range(rng.randint(1, 2)):
                    parts.append("### " + self.heading())
                    parts.extend(self.section_blocks(slug, half // 2))
            else:
                parts.extend(self.section_blocks(slug, total // sections, extra[s]))
        parts.append("## " + STRONG_ANSWER)
        parts.append("\n".join(f"- {cap(self.clause())}." for _ in range(rng.randint(3, 5))))
        return "\n\n".join(parts) + "\n"

    def question_list(self, k):
        out = []
        for _ in range(k):
            t = self.title()
            out.append(t if t.endswith("?") else t + "?")
        return out


def cap(text):
    return text[:1].upper() + text[1:]


def yaml_list(key, values):
    return f"{key}:\n" + "".join(f"  - {gs.yaml_quote(v)}\n" for v in values)


def generate(n, outdir):
    """Write the corpus to outdir/site and outdir/bodies.md; return its statistics."""
    gen = Corpus(n)
    rng = gen.rng
    site = os.path.join(outdir, "site")
    if os.path.isdir(outdir):
        shutil.rmtree(outdir)
    content = os.path.join(site, "content")
    os.makedirs(content)
    with open(os.path.join(site, "site.yml"), "w") as f:
        f.write(f"title: Build Benchmark Guide ({n} questions)\n"
                "description: A generated site for the StudyGuide build benchmark.\n"
                "language: en\n")
    with open(os.path.join(content, "_index.md"), "w") as f:
        f.write("---\ntitle: Build Benchmark Guide\n"
                "description: Generated questions for the build benchmark.\n---\n\n"
                "This site is generated by `bench/corpus.py`.\n")
    for weight, (slug, title) in enumerate(CATEGORIES, 1):
        os.makedirs(os.path.join(content, slug))
        text, _ = gen.paragraph(60)
        with open(os.path.join(content, slug, "_index.md"), "w") as f:
            f.write(f"---\ntitle: {gs.yaml_quote(title)}\n"
                    f"description: {gs.yaml_quote('Generated questions about ' + title.lower() + '.')}\n"
                    f"weight: {weight}\n---\n\n{text}\n")

    # First pass: every question's category, title and slug, so bodies and `related` can
    # point at any question.
    questions = []
    for i in range(n):
        cat = CATEGORIES[i % len(CATEGORIES)][0] if rng.random() < 0.5 else rng.choice(CATEGORIES)[0]
        title = gen.title()
        slug = f"{gs.slugify(title, 50)}-{i}"
        questions.append((cat, slug, title))
    gen.targets = questions
    by_cat = {}
    for q in questions:
        by_cat.setdefault(q[0], []).append(q)

    total_bytes = body_bytes = 0
    with open(os.path.join(outdir, "bodies.md"), "w") as bodies:
        for i, (cat, slug, title) in enumerate(questions):
            ntags = rng.randint(2, 4)
            preferred = gen.category_tags.get(cat) or gen.tags
            tags = []
            while len(tags) < ntags:
                t = rng.choice(preferred) if rng.random() < 0.7 else rng.choice(gen.tags)
                if t not in tags:
                    tags.append(t)
            related = []
            if n > 1:
                for _ in range(rng.randint(2, 5)):
                    pool = by_cat[cat] if rng.random() < 0.7 and len(by_cat[cat]) > 1 else questions
                    r = pool[rng.randrange(len(pool))][1]
                    if r != slug and r not in related:
                        related.append(r)
            fm = ["---\n",
                  f"title: {gs.yaml_quote(title)}\n",
                  f"difficulty: {rng.choice(gs.DIFFICULTIES)}\n",
                  f"kind: {rng.choices(gs.KINDS, weights=gs.KIND_WEIGHTS)[0]}\n",
                  f"summary: {gs.yaml_quote(gen.summary())}\n",
                  f"tags: [{', '.join(tags)}]\n"]
            if rng.random() < 0.3:
                fm.append(yaml_list("aliases", gen.question_list(rng.randint(1, 2))))
            fm.append(yaml_list("follow_ups", gen.question_list(rng.randint(2, 4))))
            if rng.random() < 0.5:
                fm.append(yaml_list("red_flags", [cap(gen.clause()) for _ in range(rng.randint(2, 3))]))
            if related:
                fm.append(f"related: [{', '.join(related)}]\n")
            fm.append(f"updated: 2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}\n---\n\n")
            body = gen.rich_body(slug)
            doc = "".join(fm) + body
            with open(os.path.join(content, cat, slug + ".md"), "w") as f:
                f.write(doc)
            bodies.write(body)
            bodies.write("\n")
            total_bytes += len(doc.encode())
            body_bytes += len(body.encode()) + 1
    return {"questions": n, "categories": len(CATEGORIES), "tags": len(gen.tags),
            "question_bytes": total_bytes, "bodies_bytes": body_bytes}


def main(argv):
    if len(argv) != 3:
        sys.exit(__doc__.strip().splitlines()[2].strip())
    n = int(argv[1])
    if n < 1:
        sys.exit("N must be at least 1")
    stats = generate(n, argv[2])
    print(f"generated {n} questions ({stats['question_bytes'] / 1e6:.1f} MB of Markdown) in {argv[2]}")


if __name__ == "__main__":
    main(sys.argv)
