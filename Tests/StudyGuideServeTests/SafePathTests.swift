// Covers: request paths map to files inside the served folder, or are refused.
import Testing
import StudyGuideServe

@Suite struct SafePathTests {
    @Test(arguments: [
        ("/", "index.html"),
        ("/databases/", "databases/index.html"),
        ("/databases/indexes.html", "databases/indexes.html"),
        ("/databases/indexes.html?q=1", "databases/indexes.html"),
        ("/search%20page.html", "search page.html"),
        ("/caf%C3%A9.html", "café.html"),
    ])
    func servablePaths(_ request: String, _ file: String) {
        #expect(SafePath.relativeFile(forRequestPath: request) == file)
    }

    @Test(arguments: [
        "", "relative.html", "//host/x", "/../x", "/a/../../x", "/%2e%2e/x", "/%2E%2e/x", "/..%2fx", "/a%2f..%2fx",
        "/..\\x", "/%5c..%5cx", "/./x", "/a//b", "/.hidden", "/%00x", "/%zz", "/%e9.html", "/x/%2e",
    ])
    func refusedPaths(_ request: String) {
        #expect(SafePath.relativeFile(forRequestPath: request) == nil)
    }
}
