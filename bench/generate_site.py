#!/usr/bin/env python3
"""Generate a large, deterministic StudyGuide site for the search benchmark.

    python3 bench/generate_site.py [N] [OUTDIR]

N questions (default 10000) across 15 categories, written to OUTDIR (default
.build/bench-site) as site.yml, content/_index.md, content/<category>/_index.md and
content/<category>/<slug>.md. The text is synthetic but shaped like the real guide:
technical English drawn with a Zipf-like distribution from a few thousand words
(backend, database and networking terms, common English words, inflected forms) plus
synthetic identifiers and product names whose number grows with N, so the index
vocabulary grows with the site as it would for real content.

The same N always gives byte-identical output (fixed seed, no clock, no hash order).
"""
import os
import random
import re
import shutil
import sys
from itertools import accumulate

SEED = 20261124

# ---------------------------------------------------------------------------------------
# Word lists. Hand-written; inflected forms are derived below.

TECH_NOUNS = """
api endpoint request response header payload schema migration index table column row
query transaction lock deadlock replica shard partition cluster node leader follower
quorum consensus election heartbeat timeout retry backoff idempotency key token session
cookie cache eviction invalidation ttl hit miss latency throughput bandwidth packet socket
connection pool thread process coroutine goroutine fiber event loop callback promise future
queue topic consumer producer broker offset stream batch window watermark checkpoint
snapshot backup restore journal log wal segment compaction tombstone bloom filter btree
hash heap stack tree graph trie vector matrix buffer page block extent inode file
directory volume disk memory cpu core container image pod deployment service ingress
gateway proxy balancer router switch firewall subnet vpc dns resolver record certificate
tls handshake cipher signature hmac jwt oauth scope role permission policy audit tenant
account user customer order invoice payment refund cart product inventory catalog search
ranking recommendation feature flag experiment metric gauge counter histogram trace span
alert dashboard incident postmortem runbook oncall rollback canary release pipeline build
artifact registry repository branch commit merge review test fixture mock stub assertion
coverage benchmark profile allocation garbage collector pointer reference closure module
package dependency version interface class object method function parameter argument
variable constant enum struct tuple array slice map set list dictionary iterator generator
exception error panic crash fault failure outage degradation redundancy availability
durability consistency isolation atomicity serializability linearizability causality clock
timestamp sequence counter identifier uuid ulid hashring gossip protocol rpc grpc rest
graphql websocket http http2 http3 quic tcp udp ip ipv6 mtu nat cdn edge origin region zone
datacenter rack server client browser mobile backend frontend monolith microservice
sidecar mesh orchestrator scheduler cron job worker daemon agent collector exporter
sampler tracer encoder decoder serializer parser lexer compiler interpreter runtime jit
bytecode opcode kernel syscall signal mutex semaphore barrier latch condition channel
actor mailbox supervisor saga outbox inbox projection aggregate entity repository
specification contract invariant precondition postcondition migration seed fixture sandbox
staging production environment configuration secret vault credential key rotation
encryption hashing salt nonce entropy checksum crc digest compression codec protobuf
avro json xml yaml csv parquet column store warehouse lake etl elt dag lineage catalog
quota limit throttle circuit breaker bulkhead fallback hedging deadline budget sla slo
sli error budget capacity headroom autoscaler replica set statefulset daemonset
namespace label selector annotation manifest chart template operator controller
reconciler webhook admission mutation validation sanitization escaping injection xss
csrf ssrf cors csp hsts clickjacking phishing vulnerability exploit patch upgrade
downgrade compatibility deprecation changelog semver tag cursor pagination offset limit
sort order filter projection join subquery view trigger procedure function cte window
aggregate groupby having explain plan optimizer statistics cardinality selectivity vacuum
autovacuum bloat fillfactor toast tablespace collation encoding locale timezone epoch
""".split()

COMMON_NOUNS = """
team engineer developer manager interviewer candidate question answer example reason
problem solution approach tradeoff decision design idea detail part step stage phase
system component layer boundary edge case scenario situation story project deadline
meeting feedback conflict priority goal plan roadmap estimate risk cost benefit value
customer stakeholder requirement constraint assumption number amount time day week month
year hour minute second moment result outcome impact effect cause signal noise pattern
practice habit rule principle guideline standard convention tool library framework
language platform vendor cloud machine hardware network storage database warehouse
document note diagram whiteboard sketch draft proposal review summary overview mistake
lesson experience career role level promotion salary offer company startup industry
product market user feature bug fix change update improvement regression migration
history future present past world people person colleague mentor peer lead owner
""".split()

VERBS = """
design build deploy scale shard replicate partition cache index query store read write
delete update insert migrate refactor test debug profile measure monitor trace log alert
page rollback release ship review merge split join sort filter encode decode compress
encrypt sign verify validate authorize authenticate rotate revoke expire evict invalidate
retry throttle limit queue batch stream buffer flush commit abort lock acquire release
schedule dispatch route balance resolve forward proxy handle serve process parse compile
explain describe compare choose prefer avoid prevent detect recover restore reduce
increase improve optimize tune configure provision automate document communicate discuss
negotiate estimate prioritize plan deliver own lead mentor support escalate investigate
reproduce isolate diagnose fix patch upgrade downgrade benchmark simulate model represent
guarantee ensure allow require depend expose hide wrap call return throw catch propagate
""".split()

ADJECTIVES = """
fast slow large small high low distributed concurrent parallel sequential synchronous
asynchronous eventual strong weak consistent durable available reliable resilient
scalable stateless stateful immutable mutable idempotent atomic transactional relational
columnar hierarchical flat nested sparse dense hot cold warm stale fresh expensive cheap
simple complex robust fragile secure insecure public private internal external upstream
downstream primary secondary read-only write-heavy read-heavy global local regional
multi-tenant single-tenant horizontal vertical logical physical optimistic pessimistic
lazy eager bounded unbounded ordered unordered unique duplicate partial complete typical
common rare critical minor major careful naive production-ready legacy modern new old
clear vague explicit implicit safe unsafe deterministic random noisy quiet busy idle
""".split()

ADVERBS = """
quickly slowly carefully usually often rarely always never eventually immediately
safely reliably correctly roughly exactly explicitly implicitly gradually briefly
""".split()

FUNCTION = "the a an this that these those each every some any no one two few many".split()

CATEGORIES = [
    ("apis-and-http", "APIs and HTTP"),
    ("architecture", "Architecture"),
    ("behavioral", "Behavioral Questions"),
    ("career-and-motivation", "Career and Motivation"),
    ("databases", "Databases"),
    ("devops-and-operations", "DevOps and Operations"),
    ("distributed-systems", "Distributed Systems"),
    ("fundamentals", "Fundamentals"),
    ("languages-and-runtimes", "Languages and Runtimes"),
    ("networking", "Networking"),
    ("performance-and-scalability", "Performance and Scalability"),
    ("practical-tasks", "Practical Tasks"),
    ("security", "Security"),
    ("system-design", "System Design"),
    ("testing-and-quality", "Testing and Quality"),
]

DIFFICULTIES = ["beginner", "intermediate", "advanced"]
KINDS = ["technical", "behavioral", "situational", "system-design", "practical", "career"]
KIND_WEIGHTS = [55, 10, 10, 12, 9, 4]

SYLLABLES = ("ka ro mi zu ve lo tan dex qua fir gol nex pra sil tor vun wex yor zan bel cor "
             "dri fen gra hul jin kel mor nol pin rix sav tel ulm vor").split()
CODE_LANGS = ["python", "go", "sql", "java", "javascript", "bash", "rust"]


# ---------------------------------------------------------------------------------------

def plural(word):
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def ing(word):
    if word.endswith("ie"):
        return word[:-2] + "ying"
    if word.endswith("e") and not word.endswith(("ee", "ye")):
        return word[:-1] + "ing"
    return word + "ing"


def past(word):
    if word.endswith("e"):
        return word + "d"
    if word.endswith("y") and word[-2] not in "aeiou":
        return word[:-1] + "ied"
    return word + "ed"


def unique(words):
    seen, out = set(), []
    for w in words:
        if w not in seen:
            seen.add(w)
            out.append(w)
    return out


class Pool:
    """Words drawn with a Zipf-like distribution (weight 1/(rank+2.7)) in a shuffled order."""

    def __init__(self, rng, words, exponent=1.0):
        words = list(words)
        rng.shuffle(words)
        self.words = words
        self.cum = list(accumulate(1.0 / (i + 2.7) ** exponent for i in range(len(words))))
        self.rng = rng

    def take(self, k):
        return self.rng.choices(self.words, cum_weights=self.cum, k=k)

    def one(self):
        return self.rng.choices(self.words, cum_weights=self.cum, k=1)[0]


class Generator:
    def __init__(self, n):
        self.n = n
        rng = self.rng = random.Random(SEED)
        tech = unique(TECH_NOUNS)
        common = unique(COMMON_NOUNS)
        verbs = unique(VERBS)
        # Synthetic product names and identifiers: their count grows with N, like the long
        # tail of names in a real technical corpus.
        names = set()
        while len(names) < max(300, n // 5):
            names.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))))
        self.names = sorted(names)
        idents = set()
        while len(idents) < max(600, n // 2):
            parts = [rng.choice(tech + verbs) for _ in range(rng.randint(2, 3))]
            style = rng.random()
            if style < 0.5:
                ident = parts[0] + "".join(p.capitalize() for p in parts[1:])
            elif style < 0.85:
                ident = "_".join(parts)
            else:
                ident = parts[0] + "_" + rng.choice(self.names) + str(rng.randint(1, 99))
            idents.add(ident)
        self.idents = sorted(idents)

        self.nouns = Pool(rng, tech + common + [plural(w) for w in tech[:300]] + [plural(w) for w in common])
        self.tech = Pool(rng, tech)
        self.verbs = Pool(rng, verbs)
        self.verbs_ing = Pool(rng, [ing(v) for v in verbs])
        self.verbs_past = Pool(rng, [past(v) for v in verbs])
        self.verbs_s = Pool(rng, [plural(v) for v in verbs])
        self.adjs = Pool(rng, unique(ADJECTIVES))
        self.advs = Pool(rng, ADVERBS)
        self.name_pool = Pool(rng, self.names, 0.8)
        self.ident_pool = Pool(rng, self.idents, 0.7)

        # ~200 tags, lowercase kebab-case.
        # "index" would be tags/index.html, the list of tags itself: the build refuses it.
        tags = set(t for t in tech if re.fullmatch(r"[a-z][a-z0-9]*", t) and t != "index")
        tags = sorted(tags)
        rng.shuffle(tags)
        chosen = tags[:150]
        while len(chosen) < 200:
            t = rng.choice(tech) + "-" + rng.choice(tech)
            if t not in chosen:
                chosen.append(t)
        self.tags = sorted(chosen)
        # Each category prefers a slice of the tags.
        self.category_tags = {}
        for i, (slug, _) in enumerate(CATEGORIES):
            self.category_tags[slug] = [self.tags[(i * 13 + j) % len(self.tags)] for j in range(25)]

    # ---- text ------------------------------------------------------------------------

    def noun_phrase(self):
        r = self.rng.random()
        if r < 0.35:
            return self.adjs.one() + " " + self.nouns.one()
        if r < 0.5:
            return self.tech.one() + " " + self.nouns.one()
        if r < 0.58:
            return "the " + self.name_pool.one().capitalize() + " " + self.tech.one()
        return self.nouns.one()

    def sentence(self):
        rng = self.rng
        r = rng.random()
        np_ = self.noun_phrase
        if r < 0.12:
            s = f"{rng.choice(FUNCTION)} {np_()} {self.verbs_s.one()} {np_()} when {np_()} {self.verbs_s.one()} {self.advs.one()}"
        elif r < 0.24:
            s = f"to {self.verbs.one()} {rng.choice(FUNCTION)} {np_()}, you {self.verbs.one()} {np_()} and {self.verbs.one()} {np_()} before {self.verbs_ing.one()} {np_()}"
        elif r < 0.36:
            s = f"a {np_()} is {self.adjs.one()} because {np_()} {self.verbs_s.one()} every {np_()} in {np_()}"
        elif r < 0.46:
            s = f"most teams {self.verbs.one()} {np_()} with `{self.ident_pool.one()}` so that {np_()} stays {self.adjs.one()}"
        elif r < 0.56:
            s = f"if {np_()} is {self.verbs_past.one()} {self.advs.one()}, {np_()} can {self.verbs.one()} {np_()} without {self.verbs_ing.one()} {np_()}"
        elif r < 0.66:
            s = f"interviewers expect you to {self.verbs.one()} {np_()} and explain why {np_()} {self.verbs_s.one()} {np_()}"
        elif r < 0.74:
            s = f"in {self.name_pool.one().capitalize()}, {np_()} {self.verbs_s.one()} {np_()} through {np_()}"
        elif r < 0.82:
            s = f"the tradeoff is between {np_()} and {np_()}, which {self.verbs_s.one()} {np_()} under {self.adjs.one()} load"
        else:
            # A looser run of words, for variety.
            k = rng.randint(8, 16)
            words = []
            for w in self.nouns.take(k):
                words.append(w)
                if rng.random() < 0.3:
                    words.append(rng.choice(["and", "of", "with", "for", "in", "on", "or", "to"]))
            s = f"{rng.choice(FUNCTION)} " + " ".join(words)
        return s[0].upper() + s[1:] + "."

    def paragraph(self, words_wanted):
        out, count = [], 0
        while count < words_wanted:
            s = self.sentence()
            out.append(s)
            count += s.count(" ") + 1
        return " ".join(out), count

    def title(self):
        rng = self.rng
        while True:
            r = rng.random()
            if r < 0.2:
                t = f"How would you {self.verbs.one()} a {self.adjs.one()} {self.nouns.one()} for {self.noun_phrase()}?"
            elif r < 0.35:
                t = f"What is the difference between {self.noun_phrase()} and {self.noun_phrase()}?"
            elif r < 0.5:
                t = f"Why does {self.noun_phrase()} {self.verbs.one()} the {self.nouns.one()} under {self.adjs.one()} load?"
            elif r < 0.62:
                t = f"Explain how {self.noun_phrase()} {self.verbs_s.one()} {self.noun_phrase()} in {self.name_pool.one().capitalize()}"
            elif r < 0.74:
                t = f"When should you {self.verbs.one()} {self.noun_phrase()} instead of {self.verbs_ing.one()} it?"
            elif r < 0.86:
                t = f"Tell me about a time you {self.verbs_past.one()} a {self.adjs.one()} {self.nouns.one()} with your team"
            else:
                t = f"Design a {self.adjs.one()} {self.tech.one()} service that {self.verbs_s.one()} {self.noun_phrase()}"
            n = t.count(" ") + 1
            if n < 6:
                continue
            if n > 14:
                continue
            return t[0].upper() + t[1:]

    def heading(self):
        words = [self.adjs.one(), self.tech.one(), self.nouns.one()][: self.rng.randint(2, 3)]
        if self.rng.random() < 0.4:
            words = [self.verbs_ing.one()] + words
        h = " ".join(words)
        return h[0].upper() + h[1:]

    def code_block(self):
        rng = self.rng
        lang = rng.choice(CODE_LANGS)
        lines = []
        for _ in range(rng.randint(3, 8)):
            a, b = self.ident_pool.one(), self.ident_pool.one()
            if lang == "sql":
                lines.append(f"SELECT {a}, count(*) FROM {self.tech.one()} WHERE {b} > {rng.randint(1, 999)} GROUP BY {a};")
            elif lang == "bash":
                lines.append(f"{self.verbs.one()} --{self.tech.one()} {b} | grep {a}")
            else:
                lines.append(f"{a} = {self.verbs.one()}({b}, {rng.randint(0, 100)})")
        return f"```{lang}\n" + "\n".join(lines) + "\n```"

    def body(self):
        rng = self.rng
        target = rng.randint(300, 700)
        sections = rng.randint(2, 5)
        per = target // sections
        parts = []
        code_at = rng.randrange(sections) if rng.random() < 0.35 else -1
        for i in range(sections):
            parts.append("## " + self.heading())
            remaining = per
            while remaining > 20:
                text, used = self.paragraph(min(remaining, rng.randint(50, 120)))
                parts.append(text)
                remaining -= used
            if i == code_at:
                parts.append(self.code_block())
        return "\n\n".join(parts) + "\n"

    def summary(self):
        target = self.rng.randint(20, 40)
        words = []
        while len(words) < target:
            words.extend(self.sentence().split())
        s = " ".join(words[:target]).rstrip(".,")
        return s + "."


def slugify(text, limit=60):
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug[:limit].rstrip("-")


def yaml_quote(text):
    return '"' + text.replace("\\", "\\\\").replace('"', "'") + '"'


def generate(n, outdir):
    gen = Generator(n)
    rng = gen.rng
    if os.path.isdir(outdir):
        shutil.rmtree(outdir)
    content = os.path.join(outdir, "content")
    os.makedirs(content)
    with open(os.path.join(outdir, "site.yml"), "w") as f:
        f.write(f"title: Search Benchmark Guide ({n} questions)\n"
                "description: A generated site for the StudyGuide search benchmark.\n")
    with open(os.path.join(content, "_index.md"), "w") as f:
        f.write("---\ntitle: Search Benchmark Guide\n"
                "description: Generated questions for the search benchmark.\n---\n\n"
                "This site is generated by `bench/generate_site.py`.\n")
    for weight, (slug, title) in enumerate(CATEGORIES, 1):
        os.makedirs(os.path.join(content, slug))
        text, _ = gen.paragraph(60)
        with open(os.path.join(content, slug, "_index.md"), "w") as f:
            f.write(f"---\ntitle: {yaml_quote(title)}\n"
                    f"description: {yaml_quote('Generated questions about ' + title.lower() + '.')}\n"
                    f"weight: {weight}\n---\n\n{text}\n")
    for i in range(n):
        slug_c, _ = CATEGORIES[i % len(CATEGORIES)] if rng.random() < 0.5 else rng.choice(CATEGORIES)
        title = gen.title()
        ntags = rng.randint(2, 4)
        preferred = gen.category_tags[slug_c]
        tags = []
        while len(tags) < ntags:
            t = rng.choice(preferred) if rng.random() < 0.7 else rng.choice(gen.tags)
            if t not in tags:
                tags.append(t)
        doc = ("---\n"
               f"title: {yaml_quote(title)}\n"
               f"difficulty: {rng.choice(DIFFICULTIES)}\n"
               f"kind: {rng.choices(KINDS, weights=KIND_WEIGHTS)[0]}\n"
               f"summary: {yaml_quote(gen.summary())}\n"
               f"tags: [{', '.join(tags)}]\n"
               "---\n\n" + gen.body())
        name = f"{slugify(title, 50)}-{i:05d}.md"
        with open(os.path.join(content, slug_c, name), "w") as f:
            f.write(doc)


def main(argv):
    n = int(argv[1]) if len(argv) > 1 else 10000
    outdir = argv[2] if len(argv) > 2 else os.path.join(".build", "bench-site")
    if n < 1:
        sys.exit("N must be at least 1")
    generate(n, outdir)
    print(f"generated {n} questions in {outdir}")


if __name__ == "__main__":
    main(sys.argv)
