// swift-tools-version:6.1
import PackageDescription

// Every target hides its imports unless it re-exports them on purpose.
let strictImports: [SwiftSetting] = [.enableUpcomingFeature("InternalImportsByDefault")]

let package = Package(
    name: "StudyGuide",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "studyguide", targets: ["studyguide"]),
        .library(name: "StudyGuideKit", targets: ["StudyGuideKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // Snowball's stemming algorithms, for searching sites in languages other than English.
        .systemLibrary(name: "CStemmer", providers: [.apt(["libstemmer-dev"])]),
        // mimalloc, the executable's allocator (below): its options, set as the program starts.
        .systemLibrary(name: "CMimalloc", providers: [.apt(["libmimalloc-dev"])]),
        .target(name: "CStudyGuideSystem"),
        // tree-sitter's runtime, which parses code blocks for highlighting: its C sources, fetched
        // by scripts/fetch_grammars.py into vendor/ (never committed), compiled in as one unit.
        .target(
            name: "CTreeSitter",
            exclude: ["vendor"],
            cSettings: [.unsafeFlags(["-w"]), .headerSearchPath("vendor/include"), .headerSearchPath("vendor/src"), .define("_DEFAULT_SOURCE"), .define("NDEBUG", .when(configuration: .release))]
        ),
        // The grammars it parses with: generated C that scripts/fetch_grammars.py puts in vendor/
        // (never committed), included by one small wrapper file per grammar.
        .target(
            name: "CHighlightGrammars",
            exclude: ["vendor", "stubs"],
            // Generated parsers: their warnings are not ours to fix.
            cSettings: [.unsafeFlags(["-w"])]
        ),
        .target(
            name: "StudyGuideHighlight",
            dependencies: ["StudyGuideMarkdown", "CTreeSitter", "CHighlightGrammars"],
            swiftSettings: strictImports
        ),
        // Lets cmark-gfm parse inlines on many threads at once (see inline_table.c).
        .target(
            name: "CCmarkInlineTable",
            dependencies: ["CCmarkGFM"],
            linkerSettings: [.linkedLibrary("dl")]
        ),
        .target(
            name: "StudyGuideMarkdown",
            dependencies: ["CCmarkGFM", "CCmarkInlineTable", "CStudyGuideSystem"],
            swiftSettings: strictImports
        ),
        .target(
            name: "StudyGuideKit",
            dependencies: [
                "StudyGuideMarkdown",
                "StudyGuideHighlight",
                "CStudyGuideSystem",
                "CStemmer",
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strictImports
        ),
        // The preview server lives apart so the generator never depends on an HTTP stack. It is
        // built on FlyingSocks (the socket layer of the FlyingFox package: it builds in seconds,
        // where SwiftNIO and Hummingbird took two and a half minutes of every clean `make site`)
        // and HTTP messages of its own: FlyingFox's HTTP module links FoundationNetworking, which
        // loads libcurl and two dozen libraries into every `studyguide` process.
        .target(
            name: "StudyGuideServe",
            dependencies: [
                "StudyGuideKit",
                "StudyGuideHighlight",
                .product(name: "FlyingSocks", package: "FlyingFox"),
            ],
            swiftSettings: strictImports
        ),
        .executableTarget(
            name: "studyguide",
            dependencies: [
                "StudyGuideKit",
                "StudyGuideMarkdown",
                "StudyGuideHighlight",
                "StudyGuideServe",
                .target(name: "CMimalloc", condition: .when(platforms: [.linux])),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictImports,
            // mimalloc (Debian's libmimalloc-dev) replaces the C library's malloc for the whole
            // process: a build makes millions of small Swift strings and arrays from two threads,
            // and it measured about 10% less CPU than glibc's allocator, in no more memory.
            linkerSettings: [.linkedLibrary("mimalloc", .when(platforms: [.linux]))]
        ),
        .testTarget(
            name: "StudyGuideMarkdownTests",
            dependencies: ["StudyGuideMarkdown"],
            swiftSettings: strictImports
        ),
        .testTarget(
            name: "StudyGuideHighlightTests",
            dependencies: ["StudyGuideHighlight", "StudyGuideMarkdown"],
            swiftSettings: strictImports
        ),
        .testTarget(
            name: "StudyGuideServeTests",
            dependencies: ["StudyGuideServe"],
            swiftSettings: strictImports
        ),
        .testTarget(
            name: "StudyGuideKitTests",
            dependencies: ["StudyGuideKit", "StudyGuideMarkdown", "StudyGuideHighlight", .product(name: "Yams", package: "Yams")],
            swiftSettings: strictImports
        ),
    ]
)

// The libFuzzer target: a shared library with LLVMFuzzerTestOneInput, linked with libFuzzer's
// own main by scripts/fuzz.sh. It exists only when that script asks for it.
if Context.environment["STUDYGUIDE_FUZZ"] != nil {
    package.targets.append(.target(name: "StudyGuideFuzz", dependencies: ["StudyGuideKit"], swiftSettings: strictImports))
    package.products.append(.library(name: "StudyGuideFuzz", type: .dynamic, targets: ["StudyGuideFuzz"]))
}
