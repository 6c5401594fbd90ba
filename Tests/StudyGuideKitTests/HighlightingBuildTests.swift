import Foundation
import Testing
@testable import StudyGuideKit

/// Code in pages is highlighted by default and plain when `site.yml` says `highlight: false`,
/// in a build and in a cached build after the setting changes.
@Suite struct HighlightingBuildTests {
    static let page = "databases/indexes.html"

    @Test func codeIsHighlightedUnlessTheSiteTurnsItOff() throws {
        let site = try TestSite(fixture: "basic")
        let highlighted = try String(contentsOf: site.build().expectSuccess().output.appendingPathComponent(Self.page), encoding: .utf8)
        #expect(highlighted.contains(#"<code class="language-sql"><span class="keyword">CREATE INDEX</span>"#))

        let config = try String(contentsOf: site.directory.appendingPathComponent("site.yml"), encoding: .utf8)
        try site.write("site.yml", config + "highlight: false\n")
        let plain = try String(contentsOf: site.build().expectSuccess().output.appendingPathComponent(Self.page), encoding: .utf8)
        #expect(plain.contains(#"<code class="language-sql">CREATE INDEX"#))
        #expect(!plain.contains(#"<span class="keyword">"#))
    }

    @Test func aCachedBodyFollowsTheSetting() throws {
        let site = try TestSite(fixture: "basic")
        func build() -> String? {
            var options = BuildOptions(source: site.directory.path, output: site.output.path, themes: Repository.themes)
            options.cacheFolder = site.directory.appendingPathComponent(".cache").path
            let report = SiteBuilder.build(options)
            #expect(report.succeeded, "\(report.diagnostics)")
            return try? String(contentsOf: site.output.appendingPathComponent(Self.page), encoding: .utf8)
        }
        #expect(build()?.contains(#"<span class="keyword">"#) == true)
        let config = try String(contentsOf: site.directory.appendingPathComponent("site.yml"), encoding: .utf8)
        try site.write("site.yml", config + "highlight: false\n")
        #expect(build()?.contains(#"<span class="keyword">"#) == false)
    }
}
