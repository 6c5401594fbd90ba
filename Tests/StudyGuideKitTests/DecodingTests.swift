// Covers: typed decoding of questions, categories and guides, with diagnostics at real file positions.
import Testing
@testable import StudyGuideKit

@Suite struct DecodingTests {
    func parse(_ text: String, at contentPath: String = "databases/indexes.md") -> (ContentDocument?, [String]) {
        let source = SourceText.decode(Array(text.utf8), path: "content/" + contentPath).0!
        let (document, problems) = ContentDocument.parse(source, contentPath: contentPath)
        return (document, problems.map(\.description))
    }

    let valid = """
        ---
        title: What is an index?
        difficulty: intermediate
        kind: technical
        summary: A sorted structure.
        tags: [sql, indexing]
        related:
          - isolation-levels
        updated: 2026-01-02
        weight: 3
        ---
        Body.
        """

    @Test func aValidQuestionDecodesEveryField() throws {
        let (document, problems) = parse(valid)
        #expect(problems.isEmpty)
        guard case .question(let question) = document else { Issue.record("not a question"); return }
        #expect(question.slug == "indexes")
        #expect(question.category == "databases")
        #expect(question.difficulty == .intermediate)
        #expect(question.tags == ["sql", "indexing"])
        #expect(question.related == ["isolation-levels"])
        #expect(question.relatedLocation(at: 0).description == "content/databases/indexes.md:8:5")
        #expect(question.titleLocation.description == "content/databases/indexes.md:2:8")
        #expect(question.location.path == "content/databases/indexes.md")
        #expect(question.updated?.description == "2026-01-02")
        #expect(question.weight == 3)
        #expect(question.body.firstLine == 12)
    }

    /// A question holds no path of its own: its file's content path comes from its category and
    /// file name, which a `slug:` field does not change.
    @Test func theContentPathIsTheFileEvenWhenTheSlugIsSet() throws {
        let (document, problems) = parse(valid.replacingOccurrences(of: "weight: 3", with: "slug: b-tree-indexes"))
        #expect(problems.isEmpty)
        guard case .question(let question) = document else { Issue.record("not a question"); return }
        #expect(question.slug == "b-tree-indexes")
        #expect(question.contentPath == "databases/indexes.md")
        #expect(question.hasContentPath("databases/indexes.md"))
        for other in ["databases/b-tree-indexes.md", "databases/indexes.mdx", "databases/indexes", "database/indexes.md",
                      "databasesXindexes.md", ""] {
            #expect(!question.hasContentPath(other), "\(other)")
        }
        #expect(question.slugLocation?.description == "content/databases/indexes.md:10:1")
        #expect(question.summary == "A sorted structure.")
        #expect(question.updated == ContentDate("2026-01-02") && question.updated?.month == 1 && question.updated?.year == 2026)
    }

    @Test func nothingMayBeCalledIndexBecauseIndexHtmlIsTheFoldersListPage() {
        let tagged = parse(valid.replacingOccurrences(of: "tags: [sql, indexing]", with: "tags: [sql, index]"))
        #expect(tagged.0 == nil)
        #expect(tagged.1 == ["content/databases/indexes.md:6:13: error: tag 'index' would become tags/index.html and replace the list of tags; choose another tag [tag]"])

        let slugged = parse(valid.replacingOccurrences(of: "weight: 3", with: "slug: index"))
        #expect(slugged.1 == ["content/databases/indexes.md:10:7: error: slug 'index' would become index.html and replace the list page of its folder; choose another slug [slug]"])

        let named = parse(valid, at: "databases/index.md")
        #expect(named.1 == ["content/databases/index.md:1:1: error: file name 'index.md' would become index.html and replace the list page of its folder; rename the file or set 'slug' [slug]"])

        let guide = parse("---\ntitle: G\nsummary: S\n---\nText.\n", at: "guides/index.md")
        #expect(guide.0 == nil)
        #expect(guide.1.count == 1)
    }

    @Test func invalidDifficultyPointsAtTheValueWithASuggestion() {
        let (document, problems) = parse(valid.replacingOccurrences(of: "difficulty: intermediate", with: "difficulty: intermedate"))
        #expect(document == nil)
        #expect(problems == ["content/databases/indexes.md:3:13: error: 'intermedate' is not a valid difficulty (did you mean 'intermediate'?); use one of: beginner, intermediate, advanced [schema]"])
    }

    @Test func unknownKeysAreRejectedWithDidYouMean() {
        let (_, problems) = parse(valid.replacingOccurrences(of: "weight: 3", with: "wieght: 3\nfoo: 1"))
        #expect(problems == [
            "content/databases/indexes.md:10:1: error: unknown key 'wieght' (did you mean 'weight'?) [unknown-key]",
            "content/databases/indexes.md:11:1: error: unknown key 'foo' [unknown-key]",
        ])
    }

    @Test func aYAMLErrorOnTheThirdFrontMatterLineIsReportedOnLineFour() {
        let (_, problems) = parse("---\ntitle: A\nkind: technical\nsummary: \"unterminated\n---\nbody\n")
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("content/databases/indexes.md:") == true)
        // The scanner notices the open quote at the end of the YAML; what matters is that the
        // line is a file line (>= 4), not a YAML line.
        let line = problems.first.flatMap { Int($0.split(separator: ":")[1]) } ?? 0
        #expect(line >= 4)
    }

    @Test func yamlErrorLinesAreShiftedIntoTheFile() {
        let (_, problems) = parse("---\ntitle: A\ndifficulty: beginner\nkind: [oops\n---\n")
        #expect(problems.first?.contains("indexes.md:5:") == true || problems.first?.contains("indexes.md:4:") == true)
        let (_, tabs) = parse("---\ntitle: A\n\tkind: technical\n---\n")
        #expect(tabs.first?.hasPrefix("content/databases/indexes.md:3:") == true)
    }

    @Test func wrongTypesAndMissingKeysAreAllReportedTogether() {
        let (_, problems) = parse("---\ntitle: [a, b]\ntags: sql\nweight: heavy\ndraft: maybe\nupdated: 2023-02-29\n---\n")
        let expected: Set<String> = [
            "content/databases/indexes.md:1:1: error: missing required key 'difficulty' [schema]",
            "content/databases/indexes.md:1:1: error: missing required key 'kind' [schema]",
            "content/databases/indexes.md:1:1: error: missing required key 'summary' [schema]",
            "content/databases/indexes.md:2:8: error: 'title' must be a string, not a list [schema]",
            "content/databases/indexes.md:3:7: error: 'tags' must be a list of strings, like [a, b] or lines starting with '- ' [schema]",
            "content/databases/indexes.md:4:9: error: 'weight' must be a whole number [schema]",
            "content/databases/indexes.md:5:8: error: 'draft' must be true or false [schema]",
            "content/databases/indexes.md:6:10: error: 'updated' must be a date written YYYY-MM-DD, got '2023-02-29' [schema]",
        ]
        #expect(Set(problems) == expected)
        #expect(problems.count == expected.count)
    }

    @Test func duplicateKeysAreErrors() {
        let (_, problems) = parse(valid.replacingOccurrences(of: "weight: 3", with: "weight: 3\ntitle: Again"))
        #expect(problems.count == 1)
        #expect(problems.first?.contains("duplicate key 'title'") == true)
    }

    @Test func aFrontMatterThatIsAListIsRejected() {
        let (_, problems) = parse("---\n- a\n- b\n---\n")
        #expect(problems == ["content/databases/indexes.md:2:1: error: front-matter must be a mapping of 'key: value' lines, not a list [yaml]"])
    }

    @Test func tagsAndSlugsMustBeKebabCase() {
        let (_, problems) = parse(valid.replacingOccurrences(of: "tags: [sql, indexing]", with: "tags: [SQL Server, ../x]\nslug: Bad_Slug"))
        #expect(problems == [
            "content/databases/indexes.md:6:8: error: tag 'SQL Server' must be lowercase letters, digits and single hyphens, like 'sql-injection' (try 'sql-server') [tag]",
            "content/databases/indexes.md:6:20: error: tag '../x' must be lowercase letters, digits and single hyphens, like 'sql-injection' (try 'x') [tag]",
            "content/databases/indexes.md:7:7: error: slug 'Bad_Slug' must be lowercase letters, digits and single hyphens, like 'sql-injection' [slug]",
        ])
    }

    @Test func fileNamesThatAreNotSlugsNeedASlugKey() {
        let (_, problems) = parse(valid, at: "databases/My Index.md")
        #expect(problems.first?.contains("file name 'My Index.md' is not a valid slug") == true)
        #expect(problems.first?.contains("rename the file to 'my-index.md'") == true)
    }

    @Test func placementDecidesTheKindOfDocument() {
        let category = parse("---\ntitle: Databases\ndescription: Data.\n---\nIntro\n", at: "databases/_index.md").0
        guard case .category(let c) = category else { Issue.record("not a category"); return }
        #expect(c.slug == "databases")
        let guide = parse("---\ntitle: G\nsummary: S\ntype: guide\n---\n", at: "guides/plan.md").0
        guard case .guide(let g) = guide else { Issue.record("not a guide"); return }
        #expect(g.slug == "plan")
        #expect(parse(valid, at: "loose.md").1.first?.contains("questions belong in a category folder") == true)
        #expect(parse(valid, at: "a/b/c.md").1.first?.contains("nested further") == true)
    }

    @Test func siteConfigIsValidated() {
        let (config, problems) = SiteConfig.parse("title: T\nbase_url: example.org\nthemes: x\n", path: "site.yml")
        #expect(config == nil)
        #expect(Set(problems.map(\.description)) == [
            "site.yml:2:11: error: base_url must be an absolute http(s) address such as https://example.org/guide/ [config]",
            "site.yml:3:1: error: unknown key 'themes' (did you mean 'theme'?) [unknown-key]",
        ])
        #expect(SiteConfig.parse("title: T\nbase_url: https://x.org/sub\n", path: "s").0?.baseURL == "https://x.org/sub/")
    }
}

/// Files without CR or a byte-order mark are only checked, in a fast loop that works out a position
/// only for an error; the same bytes behind a byte-order mark take the normalising loop. Both must
/// accept and reject the same files at the same line and column.
@Suite struct SourceTextLoopTests {
    @Test func theCheckingLoopAgreesWithTheNormalisingOne() {
        let pieces: [[UInt8]] = [
            Array("word ".utf8), Array("\n".utf8), Array("\t".utf8), Array("é".utf8), Array("→".utf8), Array("🙂".utf8),
            // Longer than the sixteen bytes the checking loop skips at once.
            Array("a line of prose, long enough to skip ".utf8),
            [0x00], [0x01], [0x1B], [0x7F], [0xC3], [0x80], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xFF],
        ]
        var random = SplitMix64(seed: 0x50_0C_E7)
        var rejected = 0
        for _ in 0 ..< 3_000 {
            var raw: [UInt8] = []
            for _ in 0 ..< Int(random.next() % 16) {
                // Mostly text, so that errors come after some lines and columns.
                let index = random.next() % 4 == 0 ? Int(random.next() % UInt64(pieces.count)) : Int(random.next() % 7)
                raw += pieces[index]
            }
            let checked = SourceText.decode(raw, path: "a.md")
            let normalised = SourceText.decode([0xEF, 0xBB, 0xBF] + raw, path: "a.md")
            #expect(checked.1.map(\.description) == normalised.1.map(\.description), "\(raw)")
            #expect(checked.0?.bytes == normalised.0?.bytes, "\(raw)")
            if checked.0 == nil { rejected += 1 }
        }
        #expect(rejected > 300)
    }
}

/// The word tests behind the checking loops, byte for byte against plain comparisons.
@Suite struct ByteWordTests {
    @Test func masksMarkExactlyTheBytesAsked() {
        var random = SplitMix64(seed: 0xB7_7E)
        let interesting: [UInt8] = [0x00, 0x01, 0x09, 0x0A, 0x0D, 0x1F, 0x20, 0x21, 0x7E, 0x7F, 0x80, 0x9F, 0xC3, 0xFF]
        for round in 0 ..< 20_000 {
            var bytes = (0 ..< 16).map { _ in
                random.next() % 2 == 0 ? interesting[Int(random.next() % UInt64(interesting.count))] : UInt8(truncatingIfNeeded: random.next())
            }
            // A third are printable text, half of them with one byte that is not.
            if round % 3 == 0 {
                bytes = (0 ..< 16).map { _ in UInt8(0x20 + random.next() % 95) }
                if round % 2 == 0 { bytes[Int(random.next() % 16)] = interesting[Int(random.next() % UInt64(interesting.count))] }
            }
            bytes.withUnsafeBufferPointer { buffer in
                let word = ByteWord(at: buffer.baseAddress!)
                func mask(_ test: (UInt8) -> Bool) -> UInt64 {
                    bytes[..<8].enumerated().reduce(0) { $0 | (test($1.element) ? 0x80 << (8 * UInt64($1.offset)) : 0) }
                }
                #expect(word.deleteOrNonASCIIBytes == mask { $0 >= 0x7F }, "\(bytes)")
                #expect(word.bytes(below: 0x20) == mask { $0 < 0x20 }, "\(bytes)")
                #expect(word.bytes(equalTo: 0x0A) == mask { $0 == 0x0A }, "\(bytes)")
                #expect(ByteWord.arePrintableASCII(at: buffer.baseAddress!) == bytes.allSatisfy { $0 >= 0x20 && $0 < 0x7F }, "\(bytes)")
                let first = mask { $0 >= 0x7F || $0 < 0x20 }
                #expect(first == 0 || first.firstMarkedByte == bytes.firstIndex { $0 >= 0x7F || $0 < 0x20 })
            }
        }
    }
}
