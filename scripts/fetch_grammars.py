#!/usr/bin/env python3
"""Fetches tree-sitter and the grammars that highlight code blocks, from PyPI, at setup time.

Nothing fetched is committed. tree-sitter's C library lands in Sources/CTreeSitter/vendor/, the
grammars' generated C parsers and `highlights.scm` queries in Sources/CHighlightGrammars/vendor/
(both ignored by git), where the targets' small wrapper files include them; `make` runs this
before every build. Each download is pinned by version and checked by hash
(`pip download --require-hashes`), so every machine compiles the same code.

Why these files:
- The runtime is compiled in from the `tree-sitter` binding's sdist (0.25.2) rather than linked
  from Debian's libtree-sitter0 (0.20.7, from 2022): every machine then runs the same pinned
  version, whatever its distribution ships, and it reads grammars of ABI 13 to 15, so a grammar
  can move to a newer release. It costs what Debian's does (callgrind: 2.39 against 2.43 billion
  instructions to highlight 1 MB of the benchmark's code) and 4 s of compiling.
- The grammar versions are pinned at ABI 14, the newest each has as a complete release here.
- tree-sitter-language-pack's source distribution carries complete parser sources (with
  `tree_sitter/parser.h` and TypeScript's `common/scanner.h`, which the single-grammar sdists
  leave out). Its JavaScript, Python, Java, bash and JSON parsers are byte-identical to those
  packages' own releases pinned here; SQL and Go come from their own sdists, whose queries match.
- The 0.23/0.24 sdists carry no queries: `highlights.scm` is read, as text, from the wheel of the
  same version (the wheel of one platform, named below, so the hash is the same everywhere).
- tree-sitter-yaml's sdist leaves out its generated `schema.core.c`; a small stand-in of ours
  (stubs/schema.core.c in that target) takes its place.

usage: scripts/fetch_grammars.py [--force]
"""
import hashlib
import io
import os
import pathlib
import shutil
import subprocess
import sys
import tarfile
import tempfile
import zipfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
TARGET = ROOT / "Sources" / "CHighlightGrammars"
VENDOR = TARGET / "vendor"
RUNTIME_VENDOR = ROOT / "Sources" / "CTreeSitter" / "vendor"
# tree-sitter's own C library, from the Python binding's sdist (which compiles it in).
RUNTIME = "tree-sitter-0.25.2/tree_sitter/core/lib"
DOWNLOADS = ROOT / ".build" / "grammar-downloads"
WHEEL_PLATFORM = ["--platform", "manylinux2014_x86_64", "--python-version", "3.11", "--implementation", "cp"]

# (requirement, kind, sha256)
PINS = [
    ("tree-sitter==0.25.2", "sdist", "fe43c158555da46723b28b52e058ad444195afd1db3ca7720c59a254544e9c20"),
    ("tree-sitter-language-pack==0.4.0", "sdist", "d368ab56480e57e0f4e7cc34ae1d00190a66f60424135e44a7c8e1968ce62304"),
    ("tree-sitter-sql==0.3.7", "sdist", "5eb671ad597e6245d96aa44fd584c990d3eaffe80faddf941bfe8ebee6a8e2dd"),
    ("tree-sitter-go==0.23.4", "sdist", "0ebff99820657066bec21690623a14c74d9e57a903f95f0837be112ddadf1a52"),
    ("tree-sitter-yaml==0.7.1", "sdist", "2cea5f8d4ca4d10439bd7d9e458c61b330cb33cf7a92e4ef1d428e10e1ab7e2c"),
    ("tree-sitter-sql==0.3.7", "wheel", "b5fc2daa8fc8d49265327ddaff0b5bbda5a6a0e37d05b157fdbcb2530f1e96e8"),
    ("tree-sitter-go==0.23.4", "wheel", "dd14d23056ae980debfccc0db67d0a168da03792ca2968b1b5dd58ce288084e7"),
    ("tree-sitter-javascript==0.23.1", "wheel", "056dc04fb6b24293f8c5fec43c14e7e16ba2075b3009c643abf8c85edc4c7c3c"),
    ("tree-sitter-typescript==0.23.2", "wheel", "e96d36b85bcacdeb8ff5c2618d75593ef12ebaf1b4eace3477e2bdb2abb1752c"),
    ("tree-sitter-python==0.23.6", "wheel", "29dacdc0cd2f64e55e61d96c6906533ebb2791972bec988450c46cce60092f5d"),
    ("tree-sitter-java==0.23.5", "wheel", "370b204b9500b847f6d0c5ad584045831cee69e9a3e4d878535d39e4a7e4c4f1"),
    ("tree-sitter-bash==0.23.3", "wheel", "2ff7bffc3d594e7f1054de051e19df1b24082963598a175dda64083c6b3eea1a"),
    ("tree-sitter-json==0.24.8", "wheel", "85cca779872f7278f3a74eb38533d34b9c4de4fd548615e3361fa64fe350ad0a"),
    ("tree-sitter-containerfile==0.9.2", "wheel", "2aea1b436deb7d3d595a52da0885285bb2f61f0778da8ff37a2e2b77d3382ed4"),
]

PACK = "tree_sitter_language_pack-0.4.0/parsers"
# language: where its C sources come from (archive prefix of its src/ folder), and the query
# files, in order, that make its highlights query (TypeScript's extends JavaScript's).
GRAMMARS = {
    "sql": ("tree_sitter_sql-0.3.7/src", ["tree_sitter_sql/queries/highlights.scm"]),
    "go": ("tree_sitter_go-0.23.4/src", ["tree_sitter_go/queries/highlights.scm"]),
    "yaml": ("tree_sitter_yaml-0.7.1/src", ["tree_sitter_yaml-0.7.1/queries/highlights.scm"]),
    "javascript": (f"{PACK}/javascript/src", ["tree_sitter_javascript/queries/highlights.scm"]),
    "typescript": (f"{PACK}/typescript/src", ["tree_sitter_javascript/queries/highlights.scm",
                                              "tree_sitter_typescript/queries/highlights.scm"]),
    "python": (f"{PACK}/python/src", ["tree_sitter_python/queries/highlights.scm"]),
    "java": (f"{PACK}/java/src", ["tree_sitter_java/queries/highlights.scm"]),
    "bash": (f"{PACK}/bash/src", ["tree_sitter_bash/queries/highlights.scm"]),
    "json": (f"{PACK}/json/src", ["tree_sitter_json/queries/highlights.scm"]),
    "dockerfile": (f"{PACK}/dockerfile/src", ["tree_sitter_containerfile/queries/highlights.scm"]),
}
# Three external scanners write past tree-sitter's 1,024-byte state buffer when nesting is deep
# enough (a YAML or Python block indented some 250 or 500 levels, a bash heredoc near the end of
# the buffer): each checks the room it has before the last item, not for it. The runtime's assert
# then stops the program (without asserts, memory next to the buffer would be overwritten).
# Each check is made to count the whole item; the state that does not fit is dropped, as the
# scanners already do for what comes after it. Found by feeding nested blocks to the highlighter.
PATCHES = [
    ("yaml", "scanner.c",
     "typ_itr != typ_end && size < TREE_SITTER_SERIALIZATION_BUFFER_SIZE;",
     "typ_itr != typ_end && size + 2 * sizeof(int16_t) <= TREE_SITTER_SERIALIZATION_BUFFER_SIZE;"),
    ("python", "scanner.c",
     "iter < scanner->indents.size && size < TREE_SITTER_SERIALIZATION_BUFFER_SIZE;",
     "iter < scanner->indents.size && size + 2 <= TREE_SITTER_SERIALIZATION_BUFFER_SIZE;"),
    ("bash", "scanner.c",
     "if (heredoc->delimiter.size + 3 + size >= TREE_SITTER_SERIALIZATION_BUFFER_SIZE) {",
     "if (heredoc->delimiter.size + 3 + sizeof(uint32_t) + size > TREE_SITTER_SERIALIZATION_BUFFER_SIZE) {"),
]

# Headers shared by every grammar, from one parser of the pack (the single sdists lack them).
SHARED_HEADERS = f"{PACK}/json/src/tree_sitter"
SOURCE_NAMES = ("parser.c", "scanner.c")


def stamp():
    digest = hashlib.sha256()
    for pin in PINS:
        digest.update(" ".join(pin).encode())
    digest.update((TARGET / "stubs" / "schema.core.c").read_bytes())
    digest.update(pathlib.Path(__file__).read_bytes())
    return digest.hexdigest()


def download():
    """Every pinned file in DOWNLOADS, hash-checked by pip; files already there are reused."""
    DOWNLOADS.mkdir(parents=True, exist_ok=True)
    for kind in ("sdist", "wheel"):
        pins = [p for p in PINS if p[1] == kind]
        with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as requirements:
            for requirement, _, sha in pins:
                requirements.write(f"{requirement} --hash=sha256:{sha}\n")
        options = ["--no-binary", ":all:"] if kind == "sdist" else ["--only-binary", ":all:", *WHEEL_PLATFORM]
        command = [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--require-hashes",
                   "--dest", str(DOWNLOADS), "-r", requirements.name, *options]
        result = subprocess.run(command)
        os.unlink(requirements.name)
        if result.returncode != 0:
            sys.exit("fetch_grammars: pip could not download the pinned grammars (see above)")
    found = {}
    for path in DOWNLOADS.iterdir():
        found[hashlib.sha256(path.read_bytes()).hexdigest()] = path
    missing = [p[0] for p in PINS if p[2] not in found]
    if missing:
        sys.exit(f"fetch_grammars: no file with the pinned hash for {', '.join(missing)}")
    return [found[p[2]] for p in PINS]


class Archives:
    """The members of every downloaded archive, by path."""

    def __init__(self, paths):
        self.members = {}
        for path in paths:
            if path.name.endswith(".tar.gz"):
                with tarfile.open(path) as archive:
                    for member in archive.getmembers():
                        if member.isfile() and self.wanted(member.name):
                            self.members[member.name] = archive.extractfile(member).read()
            else:
                with zipfile.ZipFile(path) as archive:
                    for name in archive.namelist():
                        if name.endswith(".scm"):
                            self.members[name] = archive.read(name)

    @staticmethod
    def wanted(name):
        if name.startswith(RUNTIME + "/"):
            return name.endswith((".c", ".h"))
        if name.startswith(PACK + "/"):
            language = name[len(PACK) + 1:].split("/", 1)[0]
            if language not in GRAMMARS:
                return False
        return name.endswith((".c", ".h", ".scm"))

    def read(self, name):
        if name not in self.members:
            sys.exit(f"fetch_grammars: {name} is missing from the downloaded archives")
        return self.members[name]

    def under(self, folder):
        return {name[len(folder) + 1:]: data for name, data in self.members.items() if name.startswith(folder + "/")}


def c_string(data):
    """The bytes as a C string literal, one source line per query line."""
    lines = []
    for line in data.decode("utf-8").splitlines(keepends=True):
        escaped = line.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
        lines.append(f'"{escaped}"')
    return "\n".join(lines) or '""'


def replace_folder(folder, staging):
    """Everything in `folder` but its README.md replaced by what `staging` holds."""
    folder.mkdir(exist_ok=True)
    for entry in folder.iterdir():
        if entry.name != "README.md":
            shutil.rmtree(entry) if entry.is_dir() else entry.unlink()
    for entry in staging.iterdir():
        entry.rename(folder / entry.name)


def install_runtime(archives):
    staging = pathlib.Path(tempfile.mkdtemp(prefix="runtime-", dir=RUNTIME_VENDOR.parent))
    try:
        for name, data in archives.under(RUNTIME).items():
            (staging / name).parent.mkdir(parents=True, exist_ok=True)
            (staging / name).write_bytes(data)
        if not (staging / "src" / "lib.c").exists():
            sys.exit("fetch_grammars: tree-sitter's lib.c is missing from its sdist")
        replace_folder(RUNTIME_VENDOR, staging)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    for wrapper in list(RUNTIME_VENDOR.parent.glob("*.c")) + list((RUNTIME_VENDOR.parent / "include").glob("*.h")):
        wrapper.touch()


def install(archives):
    staging = pathlib.Path(tempfile.mkdtemp(prefix="vendor-", dir=TARGET))
    try:
        headers = archives.under(SHARED_HEADERS)
        for language, (source, queries) in GRAMMARS.items():
            folder = staging / language
            files = archives.under(source)
            for name, data in files.items():
                if name in SOURCE_NAMES or name.endswith(".h"):
                    (folder / name).parent.mkdir(parents=True, exist_ok=True)
                    (folder / name).write_bytes(data)
            if "parser.c" not in files:
                sys.exit(f"fetch_grammars: no parser.c for {language}")
            for name, data in headers.items():
                target = folder / "tree_sitter" / name
                if not target.exists():
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(data)
            if language == "typescript":
                common = archives.under(f"{PACK}/typescript/common")
                (staging / "common").mkdir(exist_ok=True)
                (staging / "common" / "scanner.h").write_bytes(common["scanner.h"])
                # It includes "tree_sitter/parser.h", which a compiler looks for beside it: without
                # TypeScript's copy there, only a machine with one in /usr/include compiled it.
                shutil.copytree(folder / "tree_sitter", staging / "common" / "tree_sitter")
                # scanner.c includes "../common/scanner.h": keep that relative path working.
                (folder / "scanner.c").write_bytes(files["scanner.c"])
            if language == "yaml":
                shutil.copy(TARGET / "stubs" / "schema.core.c", folder / "schema.core.c")
            for patched, name, old, new in PATCHES:
                if patched == language:
                    text = (folder / name).read_text()
                    if text.count(old) != 1:
                        sys.exit(f"fetch_grammars: {language}/{name} no longer has the code its patch expects")
                    (folder / name).write_text(text.replace(old, new))
            query = b"\n".join(archives.read(name) for name in queries)
            (folder / "highlights.inc").write_text(c_string(query) + "\n")
        (staging / "STAMP").write_text(stamp() + "\n")
        replace_folder(VENDOR, staging)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    # SwiftPM does not know the wrappers depend on files that were missing when it last
    # compiled them: a newer wrapper makes it compile them again.
    for wrapper in TARGET.glob("*.c"):
        wrapper.touch()


def main():
    stamp_file = VENDOR / "STAMP"
    if "--force" not in sys.argv and stamp_file.exists() and stamp_file.read_text().strip() == stamp():
        return
    print("fetching the tree-sitter grammars for code highlighting (PyPI, pinned by hash)")
    archives = Archives(download())
    install_runtime(archives)
    install(archives)
    print(f"grammars ready in {VENDOR.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
