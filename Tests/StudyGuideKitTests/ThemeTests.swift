// Covers: the built-in default theme (equal to themes/default/) and the theme lookup order.
import Foundation
import Testing
@testable import StudyGuideKit

@Suite struct BuiltinThemeTests {
    /// The copy in the binary is generated from themes/default/ by `make theme`; this fails
    /// when someone edits the folder and forgets to regenerate, or edits the copy by hand.
    @Test func builtinCopyEqualsThemesDefault() throws {
        let folder = Repository.root.appendingPathComponent("themes/default")
        let onDisk = ThemeLayer.files(under: folder)
        let builtin = BuiltinTheme.allFiles.map(\.path)
        #expect(builtin == onDisk, "the built-in theme lists other files than themes/default/: run `make theme`")
        for (path, copy) in BuiltinTheme.allFiles {
            let bytes = try Data(contentsOf: folder.appendingPathComponent(path))
            #expect(copy == Array(bytes), "\(path) differs from themes/default/\(path): run `make theme`")
        }
    }

    @Test func aSiteWithoutThemesBuildsWithTheBuiltinTheme() throws {
        let site = try TestSite.minimal()
        #expect(!FileManager.default.fileExists(atPath: site.directory.appendingPathComponent("themes").path))
        site.build(themes: nil).expectSuccess()
            .expectFile("basics/first.html", "<title>First question?")
            .expectFile("assets/style.css", "System fonts only")
            .expectFile("search.html")
    }

    @Test func theBuiltinThemeGivesTheSameSiteAsTheFolder() throws {
        let site = try TestSite(fixture: "basic")
        let fromFolder = site.build(output: site.directory.appendingPathComponent("from-folder")).expectSuccess()
        let builtin = site.build(output: site.directory.appendingPathComponent("builtin"), themes: nil).expectSuccess()
        #expect(try OutputTree.files(in: fromFolder.output) == OutputTree.files(in: builtin.output))
    }
}

@Suite struct ThemeLookupTests {
    /// Hugo's order: the site's layouts/ and static/, then themes/<name>/, then the built-in theme.
    @Test func theNearestLayerWinsFileByFile() throws {
        let site = try TestSite.minimal([
            "themes/default/templates/tag.mustache": "theme tag {{title}}",
            "themes/default/static/assets/extra.css": "/* from the theme folder */",
            "themes/default/static/assets/print.css": "/* theme print */",
            "layouts/404.mustache": "site 404",
            "static/assets/print.css": "/* site print */",
        ])
        try site.write("content/basics/first.md", TestSite.question(title: "First question?", extra: "tags: [sql]\n"))
        site.build(themes: nil).expectSuccess()
            .expectFile("404.html", "site 404")
            .expectFile("tags/sql.html", "theme tag")
            .expectFile("assets/extra.css", "from the theme folder")
            .expectFile("assets/print.css", "site print")
            .expectFile("assets/style.css", "System fonts only")
            .expectFile("basics/first.html", "<title>First question?")
    }

    @Test func aNamedThemeThatExistsNowhereIsAnError() throws {
        let site = try TestSite.minimal(["site.yml": "title: Test\ntheme: fancy\n"])
        site.build(themes: nil).expectErrors(["themes/fancy:1:1: error: theme folder not found [theme]"])
    }

    @Test func aNamedThemeFallsBackToTheBuiltinOneForWhatItLacks() throws {
        let site = try TestSite.minimal([
            "site.yml": "title: Test\ntheme: fancy\n",
            "themes/fancy/templates/question.mustache": "fancy {{title}}",
        ])
        site.build(themes: nil).expectSuccess()
            .expectFile("basics/first.html", "fancy")
            .expectFile("index.html", "Basics")
    }

    @Test func aBrokenTemplateInTheSiteIsReportedAtItsPath() throws {
        let site = try TestSite.minimal(["layouts/tag.mustache": "{{#open}} never closed"])
        let errors = site.build(themes: nil).errors
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("layouts/tag.mustache:") == true, "\(errors)")
    }

    @Test func aMissingPartialAndAnUnknownTransformAreErrorsNotEmptyOutput() throws {
        let site = try TestSite.minimal([
            "layouts/tag.mustache": "{{> nowhere}}",
            "layouts/tags.mustache": "<p>\n{{#shuffled(tags)}}{{/shuffled(tags)}}\n</p>",
        ])
        #expect(site.build(themes: nil).errors == [
            "layouts/tag.mustache:1:1: error: template uses partial 'nowhere', but there is no 'nowhere.mustache' [theme]",
            "layouts/tags.mustache:2:4: error: template error: unknown transform 'shuffled' [theme]",
        ])
    }
}
